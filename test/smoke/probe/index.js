// @ts-check
// The package smoke test's probe: VS Code loads this folder as the extension under development and
// calls `run()` (extensionTestsPath) in the extension host, where SIM Fleet was installed from the
// .vsix, not loaded from the sources. Plain CommonJS, so it needs no build.
//
// No exit code comes back through the browser: the verdict goes to the file named by
// SIM_FLEET_SMOKE_RESULTS, which scripts/run-package.mjs waits for (a missing file is a failure).
'use strict';
const vscode = require('vscode');
const fs = require('node:fs');
const path = require('node:path');

const EXTENSION_ID = 'simfleet.sim-fleet';

/** @typedef {{ title: string, state: 'passed' | 'failed', durationMs: number, error?: string }} Check */

async function run() {
  const resultsPath = process.env.SIM_FLEET_SMOKE_RESULTS;
  const extensionsDir = process.env.SIM_FLEET_SMOKE_EXTENSIONS_DIR;
  const sourceDir = process.env.SIM_FLEET_SMOKE_SOURCE;
  /** @type {Check[]} */
  const checks = [];
  /** @param {string} title @param {() => unknown} fn */
  const check = async (title, fn) => {
    const started = Date.now();
    try {
      await fn();
      checks.push({ title, state: 'passed', durationMs: Date.now() - started });
    } catch (err) {
      checks.push({ title, state: 'failed', durationMs: Date.now() - started, error: err instanceof Error ? err.stack ?? err.message : String(err) });
    }
  };
  /** @param {unknown} cond @param {string} message @returns {asserts cond} */
  const need = (cond, message) => {
    if (!cond) throw new Error(message);
  };

  /** @type {{ version: string, contributes: { commands: { command: string }[], jsonValidation?: { url: string }[] } }} */
  const manifest = JSON.parse(fs.readFileSync(path.join(String(sourceDir), 'package.json'), 'utf8'));
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  const installed = () => {
    need(ext, `${EXTENSION_ID} is not among the extensions VS Code loaded`);
    return /** @type {vscode.Extension<unknown>} */ (ext);
  };
  /** @param {string} p */
  const real = (p) => fs.realpathSync(p);

  await check('SIM Fleet is loaded from the installed package, not from the sources', () => {
    need(extensionsDir, 'SIM_FLEET_SMOKE_EXTENSIONS_DIR is not set');
    const where = real(installed().extensionPath);
    need(where.startsWith(real(String(extensionsDir)) + path.sep), `extensionPath ${where} is not inside the extensions folder ${extensionsDir}`);
    need(!where.startsWith(real(String(sourceDir)) + path.sep), `extensionPath ${where} is inside the sources`);
  });

  await check("the installed version is package.json's", () => {
    need(installed().packageJSON.version === manifest.version, `installed ${installed().packageJSON.version}, package.json says ${manifest.version}`);
  });

  // Bundles loaded only on some paths (a panel, a lazily split part) would otherwise fail only when a
  // user reaches them; the package must hold every one the build made.
  await check('the installed copy holds every bundle the build made, and no sources or simulator CLI', () => {
    const root = installed().extensionPath;
    const dist = path.join(String(sourceDir), 'dist');
    const bundles = [
      ...fs.readdirSync(dist).filter((f) => f.endsWith('.js') && f !== 'simulator.js'),
      ...fs.readdirSync(path.join(dist, 'webview')).filter((f) => f.endsWith('.js')).map((f) => `webview/${f}`),
    ];
    need(bundles.includes('extension.js'), `the build made no dist/extension.js (found ${bundles.join(', ')})`);
    const missing = bundles.filter((b) => !fs.existsSync(path.join(root, 'dist', b)));
    need(missing.length === 0, `missing from the installed copy: ${missing.map((b) => `dist/${b}`).join(', ')}`);
    const unwanted = ['src', 'test', 'node_modules', 'out', 'dist/simulator.js'].filter((p) => fs.existsSync(path.join(root, p)));
    need(unwanted.length === 0, `the installed copy holds ${unwanted.join(', ')}`);
  });

  // A schema the manifest points at but the package leaves out fails silently: VS Code just stops validating.
  await check('the installed copy holds every JSON schema the manifest contributes (jsonValidation)', () => {
    const root = installed().extensionPath;
    const schemas = manifest.contributes.jsonValidation ?? [];
    need(schemas.length > 0, 'package.json contributes no jsonValidation');
    const missing = schemas.map((s) => s.url).filter((u) => !fs.existsSync(path.join(root, u)));
    need(missing.length === 0, `missing from the installed copy: ${missing.join(', ')}`);
    for (const s of schemas) JSON.parse(fs.readFileSync(path.join(root, s.url), 'utf8'));
  });

  await check('activates without an error', async () => {
    await installed().activate();
    need(installed().isActive, 'not active after activate()');
  });

  await check('exposes no test seams (activate() returns nothing outside test mode)', () => {
    need(installed().exports === undefined, `exports is ${typeof installed().exports}: ${Object.keys(Object(installed().exports)).join(', ')}`);
  });

  // The test seams live behind SIM_FLEET_TEST_HOOKS, which the production build sets to false: their
  // code must not even be in what users install (the test API, its scripted answers, the log
  // buffer, the pages' snapshot answers).
  await check('holds no code for tests: no test API, no scripted answers, no page snapshots', () => {
    const root = installed().extensionPath;
    /** @param {string} f */
    const read = (f) => fs.readFileSync(path.join(root, 'dist', f), 'utf8');
    const extension = read('extension.js');
    for (const marker of ['storedState', 'recentLog', 'notifications.push']) need(!extension.includes(marker), `dist/extension.js contains "${marker}"`);
    for (const f of fs.readdirSync(path.join(root, 'dist', 'webview')).filter((x) => x.endsWith('.js'))) {
      need(!read(`webview/${f}`).includes('innerHTML'), `dist/webview/${f} can send the page's markup`);
    }
  });

  await check('registers every command package.json contributes', async () => {
    need(installed().isActive, 'not active');
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = manifest.contributes.commands.map((c) => c.command);
    need(contributed.length > 0, 'package.json contributes no commands');
    const missing = contributed.filter((c) => !registered.has(c));
    need(missing.length === 0, `not registered: ${missing.join(', ')}`);
  });

  const results = { passed: checks.filter((c) => c.state === 'passed').length, failed: checks.filter((c) => c.state === 'failed').length, checks };
  if (resultsPath) {
    // Written whole, then renamed: the runner never reads half a file.
    fs.writeFileSync(`${resultsPath}.tmp`, JSON.stringify(results, null, 2));
    fs.renameSync(`${resultsPath}.tmp`, resultsPath);
    return;
  }
  if (results.failed > 0) throw new Error(checks.filter((c) => c.error).map((c) => `${c.title}: ${c.error}`).join('\n'));
}

module.exports = { run };
