// Shared launcher for a real VS Code on machines without a desktop: code-server (the VS Code 1.100
// workbench and Node extension host) served on 127.0.0.1, driven by Debian's chromium through
// playwright-core. Used by the integration runner, the UI journeys (through their Playwright
// fixture) and `npm start`.
//
// Every process started here is stopped by its own id: code-server runs as the leader of its own
// process group (so its extension hosts and helpers go with it) and is stopped on success, failure,
// time-out, SIGINT/SIGTERM and, as a last resort, synchronously when this process exits.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CODE_SERVER_VERSION = '4.100.3';
export const codeServerDir = path.join(repoRoot, '.vscode-test', 'code-server');
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const HOST = '127.0.0.1';
const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Whether scripts/setup-code-server.sh has finished an install here. */
export function isCodeServerInstalled() {
  return existsSync(path.join(codeServerDir, `.installed-${CODE_SERVER_VERSION}`)) && existsSync(CHROMIUM_PATH);
}

// --- cleanup registry ------------------------------------------------------------------------

const cleanups = new Set();
const processGroups = new Set();
let signalsHooked = false;

/** Registers an async cleanup run by `cleanupAll()` and on SIGINT/SIGTERM/SIGHUP; returns an unregister function. */
export function onCleanup(fn) {
  hookSignals();
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** Runs every registered cleanup once (latest first), never throwing. */
export async function cleanupAll() {
  const pending = [...cleanups].reverse();
  cleanups.clear();
  for (const fn of pending) {
    try {
      await fn();
    } catch (err) {
      console.error(`cleanup failed: ${err instanceof Error ? err.message : err}`);
    }
  }
}

function hookSignals() {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const [signal, code] of /** @type {Array<[NodeJS.Signals, number]>} */ ([['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]])) {
    process.on(signal, () => {
      void cleanupAll().finally(() => process.exit(code));
    });
  }
  // Last resort when the process exits without the async cleanups (process.exit, uncaught error).
  process.on('exit', () => {
    for (const pid of processGroups) killGroup(pid, 'SIGKILL');
  });
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the whole group is gone already.
  }
}

function groupAlive(pid) {
  return killGroup(pid, 0);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// --- code-server -----------------------------------------------------------------------------

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1 and waits until it answers.
 * @param {object} options
 * @param {string} options.userDataDir   fresh or persistent VS Code user data folder (created if missing)
 * @param {string} [options.extensionsDir] installed-extensions folder; defaults to `<userDataDir>/extensions`
 * @param {string} [options.extensionDevelopmentPath] used by `url()` for the payload; defaults to the repo root
 * @param {string} [options.workspace]    folder `url()` opens by default
 * @param {Record<string,string>} [options.env] extra environment, inherited by the extension host
 * @param {Record<string,unknown>} [options.settings] user settings written before start
 * @param {number} [options.port]         fixed port; defaults to a free one
 * @param {string[]} [options.args]       extra code-server arguments (e.g. `--install-extension x.vsix` is separate: see installExtension)
 * @param {string} [options.logFile]      where code-server's output goes; defaults to `<userDataDir>/code-server.log`
 * @param {number} [options.startTimeoutMs]
 * @returns {Promise<{ port: number, origin: string, pid: number, logFile: string, extensionDevelopmentPath: string, remoteUri(p: string): string, url(payload?: object|Array<[string,string]>, folder?: string): string, devUrl(extensionTestsPath?: string, folder?: string): string, exited: Promise<number|null>, stop(): Promise<void> }>}
 */
export async function startCodeServer(options) {
  if (!existsSync(codeServerEntry)) {
    throw new Error('code-server is not installed: run `bash scripts/setup-code-server.sh` first.');
  }
  const userDataDir = path.resolve(options.userDataDir);
  const extensionsDir = path.resolve(options.extensionsDir ?? path.join(userDataDir, 'extensions'));
  const extensionDevelopmentPath = path.resolve(options.extensionDevelopmentPath ?? repoRoot);
  const port = options.port ?? (await freePort());
  const logFile = options.logFile ?? path.join(userDataDir, 'code-server.log');
  mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir, options.settings);
  const configFile = writeConfig(userDataDir);

  const args = [
    codeServerEntry,
    '--config', configFile,
    '--bind-addr', `${HOST}:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(options.args ?? []),
  ];
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: childEnv(userDataDir, options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group: stopping it takes the extension hosts along
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const pid = child.pid;
  processGroups.add(pid);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? null : 0))));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    unregister();
    killGroup(pid, 'SIGTERM');
    for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
    killGroup(pid, 'SIGKILL');
    for (let i = 0; i < 20 && groupAlive(pid); i++) await sleep(100);
    processGroups.delete(pid);
    log.end();
  };
  const unregister = onCleanup(stop);

  const origin = `http://${HOST}:${port}`;
  try {
    await waitForHealth(origin, exited, options.startTimeoutMs ?? 60_000, logFile);
  } catch (err) {
    await stop();
    throw err;
  }

  const remoteUri = (p) => `vscode-remote://${HOST}:${port}${path.resolve(p).split(path.sep).map(encodeURIComponent).join('/')}`;
  const url = (payload = {}, folder = options.workspace) => {
    const entries = Array.isArray(payload) ? payload : Object.entries(payload);
    const full = [['skipWelcome', 'true'], ...entries.filter(([k]) => k !== 'skipWelcome')];
    const query = [];
    if (folder) query.push(`folder=${encodeURIComponent(path.resolve(folder))}`);
    query.push(`payload=${encodeURIComponent(JSON.stringify(full))}`);
    return `${origin}/?${query.join('&')}`;
  };
  return {
    port,
    origin,
    pid,
    logFile,
    extensionDevelopmentPath,
    remoteUri,
    url,
    /** Workbench URL that loads the extension under development (and optionally a tests module). */
    devUrl: (extensionTestsPath, folder) =>
      url(
        [
          ['extensionDevelopmentPath', remoteUri(extensionDevelopmentPath)],
          ...(extensionTestsPath ? [['extensionTestsPath', remoteUri(extensionTestsPath)]] : []),
        ],
        folder,
      ),
    exited,
    stop,
  };
}

/** Installs a packaged extension (.vsix) into an extensions folder with code-server's CLI. */
export async function installExtension({ vsix, userDataDir, extensionsDir }) {
  const child = spawn(
    process.execPath,
    [codeServerEntry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir ?? path.join(userDataDir, 'extensions'), '--force', '--install-extension', path.resolve(vsix)],
    { cwd: repoRoot, env: childEnv(userDataDir), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`installing ${vsix} failed (exit ${code}):\n${output}`);
}

function childEnv(userDataDir, extra = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    // Variables from an enclosing VS Code (its CLI hook, git askpass) or code-server's own
    // settings ($PORT overrides --bind-addr) would make the child attach to the wrong server.
    if (key.startsWith('VSCODE_') || key.startsWith('CS_') || ['PORT', 'PASSWORD', 'HASHED_PASSWORD', 'GITHUB_TOKEN', 'ELECTRON_RUN_AS_NODE'].includes(key)) delete env[key];
  }
  // code-server keeps some state (last opened folder, heartbeat) in XDG_DATA_HOME; keep it per instance.
  env.XDG_DATA_HOME = path.join(userDataDir, 'xdg-data');
  // An empty gallery turns off the marketplace look-ups (Open VSX) the workbench makes on start:
  // nothing here may reach beyond 127.0.0.1.
  env.EXTENSIONS_GALLERY = '{}';
  return { ...env, ...extra };
}

function writeConfig(userDataDir) {
  // An explicit config keeps code-server from creating ~/.config/code-server/config.yaml with a password.
  const file = path.join(userDataDir, 'code-server.yaml');
  writeFileSync(file, 'auth: none\ncert: false\n');
  return file;
}

function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'settings.json');
  let existing = {};
  if (existsSync(file)) {
    try {
      existing = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return; // hand-edited (comments): a persistent profile's own settings are left alone
    }
  }
  // Quiet, offline defaults; a persistent profile's own choices win over them, `extra` over both.
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'window.restoreWindows': 'none',
    // The demo simulator listens on 127.0.0.1; no "port forwarded" pop-ups over the workbench.
    'remote.autoForwardPorts': false,
    // `npm start` opens a folder inside this repository; no prompt about the parent repository.
    'git.openRepositoryInParentFolders': 'never',
    ...existing,
    ...extra,
  };
  writeFileSync(file, JSON.stringify(settings, null, 2));
}

async function waitForHealth(origin, exited, timeoutMs, logFile) {
  const deadline = Date.now() + timeoutMs;
  let exitCode;
  exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`code-server exited (${exitCode}) before answering; see ${logFile}`);
    try {
      const res = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`code-server did not answer on ${origin} within ${timeoutMs / 1000} s; see ${logFile}`);
}

// --- browser ---------------------------------------------------------------------------------

/**
 * Launches Debian's chromium through playwright-core (headless unless `headless: false`).
 * Playwright starts it as its own process-group leader and kills that group when this process exits;
 * the registered cleanup closes it earlier.
 */
export async function launchBrowser({ headless = true, args = [] } = {}) {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: run \`bash scripts/setup-code-server.sh\` first.`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless,
    args: [...CHROMIUM_ARGS, ...args],
    // Our own handlers stop code-server too; Playwright's would exit before they finish.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const close = async () => {
    unregister();
    let timer;
    const gaveUp = new Promise((r) => (timer = setTimeout(r, 10_000)));
    await Promise.race([browser.close().catch(() => {}), gaveUp]);
    clearTimeout(timer);
  };
  const unregister = onCleanup(close);
  return browser;
}

/**
 * Opens the workbench in a new page, writing the page's console (which includes the extension
 * host's output, prefixed by VS Code) and page errors to `consoleLog` when given.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{ consoleLog?: string, viewport?: { width: number, height: number } }} [options]
 */
export async function openWorkbench(browser, url, { consoleLog, viewport = { width: 1440, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  if (consoleLog) recordConsole(page, consoleLog);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

/**
 * Appends a page's console (which carries the extension host's output, prefixed by VS Code) and its
 * page errors to `file`, one line each: `[type] text`.
 * @param {import('playwright-core').Page} page
 * @param {string} file
 */
export function recordConsole(page, file) {
  const out = createWriteStream(file, { flags: 'a' });
  // VS Code styles its log lines with %c and CSS arguments; drop them to keep the file readable.
  const plain = (text) => text.replace(/%c\s*/g, '').replace(/\bcolor: #[0-9a-f]{3,6}\s*/gi, '');
  page.on('console', (msg) => out.write(`[${msg.type()}] ${plain(msg.text())}\n`));
  page.on('pageerror', (err) => out.write(`[pageerror] ${err.stack ?? err.message}\n`));
  page.on('close', () => out.end());
}
