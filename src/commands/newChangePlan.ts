/**
 * simFleet.plan.new — starts a change plan: `changes.simplan.csv` in the workspace (the next free
 * name), with a row for each selected card, ready for its action; without a selection, a header
 * and commented examples. Without a workspace folder, an untitled document to save under a
 * `.simplan.csv` name.
 */
import * as vscode from 'vscode';
import { CARD_ACTIONS } from '../core/cardRules';
import { cardLabel } from '../core/cardText';
import { csvQuote } from '../core/csv';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';

export async function newChangePlan(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<vscode.Uri | undefined> {
  const { t } = ctx;
  const fallback = ctx.fleets.only()?.account.id;
  let cards = cardsFromArgs(node, nodes, fallback);
  if (cards.length === 0) cards = cardsFromArgs(undefined, [...ctx.treeView.selection], fallback);
  const several = ctx.fleets.all().length > 1;
  const rows = cards.map(({ accountId, card }) => [cardLabel(card), '', '', '', ...(several ? [ctx.fleets.get(accountId)?.account.label ?? ''] : []), ''].map(csvQuote).join(','));
  const text = [
    `# ${t('SIM Fleet change plan: one change a row. Dry Run checks it against the fleet; Apply sends it and writes each outcome next to this file.')}`,
    `# ${t('Actions: {0}.', CARD_ACTIONS.join(', '))}`,
    ...(rows.length ? [] : ['# 89860312345678901234,stop,,,,', '# 89860312345678901234,limitSpeed,1 Mbps,,,', '# 89860312345678901234,setAttribute,Hangar 7,Site,,']),
    `card,action,value,attribute,${several ? 'account,' : ''}note`,
    ...rows,
    '',
  ].join('\n');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) {
    const doc = await vscode.workspace.openTextDocument({ content: text, language: 'csv' });
    await vscode.window.showTextDocument(doc);
    void ctx.ui.info(t('Save the plan under a name ending in .simplan.csv: then SIM Fleet checks it and offers Dry Run and Apply.'));
    return undefined;
  }
  let uri = vscode.Uri.joinPath(folder, 'changes.simplan.csv');
  for (let n = 2; await exists(uri); n++) uri = vscode.Uri.joinPath(folder, `changes-${n}.simplan.csv`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const editor = await vscode.window.showTextDocument(uri);
  // The cursor goes to the first action to write.
  const first = editor.document.getText().split('\n').findIndex((l) => !l.startsWith('#') && l.includes(',') && !l.startsWith('card,'));
  if (first >= 0) {
    const at = editor.document.lineAt(first).text.indexOf(',') + 1;
    editor.selection = new vscode.Selection(first, at, first, at);
  }
  return uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
