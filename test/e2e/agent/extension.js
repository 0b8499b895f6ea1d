// @ts-check
// An agent for the UI journey 12-agent-confirm: it calls a SIM Fleet language-model tool through
// `vscode.lm.invokeTool`, outside a chat session, as any extension may. The journey writes the
// request to `agent-request.json` in the workspace, runs "Journey Agent: Run Tool Request", and
// reads what came back from `agent-result.json`. Plain CommonJS, so it needs no build.
'use strict';
const vscode = require('vscode');
const fs = require('node:fs');
const path = require('node:path');

/** @param {vscode.ExtensionContext} context */
function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('simFleetAgent.run', async () => {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      if (!folder) throw new Error('the journey opens a workspace folder');
      /** @type {{ tool: string, input: object }} */
      const request = JSON.parse(fs.readFileSync(path.join(folder, 'agent-request.json'), 'utf8'));
      /** @type {{ ok: boolean, text?: string, error?: string }} */
      let outcome;
      try {
        const result = await vscode.lm.invokeTool(request.tool, { input: request.input, toolInvocationToken: undefined });
        outcome = { ok: true, text: result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('') };
      } catch (err) {
        outcome = { ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
      }
      fs.writeFileSync(path.join(folder, 'agent-result.json.tmp'), JSON.stringify(outcome));
      fs.renameSync(path.join(folder, 'agent-result.json.tmp'), path.join(folder, 'agent-result.json'));
    }),
  );
}

module.exports = { activate };
