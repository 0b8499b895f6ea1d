// The package stage of `npm test`: proves the .vsix users install, not the sources. It builds
// sim-fleet.vsix (`npm run package`), installs it with code-server's `--install-extension` into a fresh
// profile (user data and extensions in a temporary folder), then checks the installed copy twice:
//
//  1. the probe (test/smoke/probe/): VS Code runs it as extensionTestsPath next to the installed SIM
//     Fleet; it checks where SIM Fleet was loaded from, its version, its files, activation, that it
//     exposes no test seams and that every contributed command is registered, and writes its verdict
//     to a file this runner waits for (no exit code comes back through the browser);
//  2. the UI (test/smoke/installed-ui.mjs): a fresh page with no development path, on the demo fleet,
//     from the activity-bar entry to a card's detail panel; its screenshot goes to test-results/package/.
//
// Every check is counted; building, installing or a missing verdict count as failures too. Ends with
// `package: N passed, N failed`. code-server and chromium are stopped by their own ids on success,
// failure and time-out; anything of ours still running at the end is a failure (and is stopped).
//
// Usage: node scripts/run-package.mjs [--timeout SECONDS] [--keep]
// Assumes `bash scripts/setup-code-server.sh` installed code-server.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_VSIX_BYTES } from './package.mjs';
import { cleanupAll, installExtension, launchBrowser, openWorkbench, repoRoot, startCodeServer } from './vscode-host.mjs';
import { checkInstalledUi } from '../test/smoke/installed-ui.mjs';

const { values: opts } = parseArgs({
  options: {
    timeout: { type: 'string', default: process.env.SIM_FLEET_PACKAGE_TIMEOUT ?? '600' },
    keep: { type: 'boolean', default: false },
  },
});
const stageTimeoutMs = Number(opts.timeout) * 1000;
const PROBE_TIMEOUT_MS = 180_000;
const probeDir = path.join(repoRoot, 'test', 'smoke', 'probe');
const shotsDir = path.join(repoRoot, 'test-results', 'package');
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const extensionId = `${manifest.publisher}.${manifest.name}`;

const checks = [];
let closed = false; // after a time-out, late outcomes of the abandoned run are not counted
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function record(title, error, durationMs) {
  if (closed) return;
  checks.push({ title, state: error ? 'failed' : 'passed', error, durationMs });
  const ms = durationMs !== undefined ? ` (${durationMs} ms)` : '';
  console.log(`  ${error ? 'FAIL' : 'ok  '} ${title}${ms}`);
  if (error) console.log(indent(error, 9));
}

/** Runs one check; records it and returns whether it passed. */
async function step(title, fn) {
  const started = Date.now();
  try {
    await fn();
    record(title, undefined, Date.now() - started);
    return true;
  } catch (err) {
    record(title, describe(err), Date.now() - started);
    return false;
  }
}

async function main(tmp) {
  const vsix = path.join(tmp, 'sim-fleet.vsix');
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const probeResults = path.join(tmp, 'probe-results.json');
  const consoleLog = path.join(tmp, 'browser-console.log');
  for (const dir of ['probe-workspace', 'workspace']) mkdirSync(path.join(tmp, dir), { recursive: true });
  rmSync(shotsDir, { recursive: true, force: true });
  mkdirSync(shotsDir, { recursive: true });

  const built = await step('the .vsix builds without a warning and is under 1 MB', async () => {
    const code = await run('npm', ['run', 'package', '--', '--out', vsix]);
    if (code !== 0) throw new Error(`npm run package exited with ${code}`);
    const size = statSync(vsix).size;
    console.log(`package: .vsix size ${size.toLocaleString('en-US')} bytes (limit ${MAX_VSIX_BYTES.toLocaleString('en-US')})`);
    if (size >= MAX_VSIX_BYTES) throw new Error(`the .vsix is ${size} bytes, 1 MB or more`);
  });
  if (!built) return;

  const installed = await step('the .vsix installs into a fresh profile with --install-extension', async () => {
    await installExtension({ vsix, userDataDir, extensionsDir });
    const folders = readdirSync(extensionsDir).filter((f) => f.toLowerCase().startsWith(`${extensionId}-`));
    if (!folders.includes(`${extensionId}-${manifest.version}`)) throw new Error(`no ${extensionId}-${manifest.version} in ${extensionsDir} (found: ${readdirSync(extensionsDir).join(', ') || 'nothing'})`);
  });
  if (!installed) return;

  const started = Date.now();
  const server = await startCodeServer({
    userDataDir,
    extensionsDir,
    // The probe is the only extension under development; SIM Fleet comes from extensionsDir.
    extensionDevelopmentPath: probeDir,
    env: {
      SIM_FLEET_DEMO: '1',
      SIM_FLEET_SMOKE_RESULTS: probeResults,
      SIM_FLEET_SMOKE_EXTENSIONS_DIR: extensionsDir,
      SIM_FLEET_SMOKE_SOURCE: repoRoot,
    },
  });
  console.log(`package: code-server ${server.origin} (pid ${server.pid}) up in ${secs(started)} s`);
  const browser = await launchBrowser();

  // 1. The probe, in its own window.
  const probePage = await openWorkbench(browser, server.devUrl(path.join(probeDir, 'index.js'), path.join(tmp, 'probe-workspace')), { consoleLog });
  const verdict = await waitForFile(probeResults, server.exited, PROBE_TIMEOUT_MS);
  if (verdict.error) record('the probe reports from inside VS Code', verdict.error);
  else for (const c of verdict.results.checks) record(`installed extension: ${c.title}`, c.error, c.durationMs);
  await probePage.context().close();

  // 2. The UI, in a fresh page whose URL names no development path: only the installed copy.
  const page = await openWorkbench(browser, server.url([], path.join(tmp, 'workspace')), { consoleLog });
  await checkInstalledUi(page, {
    shotsDir,
    log: (line) => console.log(line),
    step: async (title, fn) => {
      const ok = await step(`UI: ${title}`, fn);
      if (!ok) await page.screenshot({ path: path.join(shotsDir, 'failure.png') }).catch(() => undefined);
      return ok;
    },
  });
  if (checks.some((c) => c.state === 'failed')) printTail('code-server log', server.logFile);
}

/** Waits for the probe's verdict file, or for code-server to exit, or for the time to run out. */
async function waitForFile(file, exited, timeoutMs) {
  let gone = false;
  exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(file)) return { results: JSON.parse(readFileSync(file, 'utf8')) };
    if (gone) return { error: 'code-server exited before the probe reported' };
    await sleep(500);
  }
  return { error: `no verdict from the probe after ${timeoutMs / 1000} s (it never ran or never finished)` };
}

function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (err) => {
      console.error(`${cmd}: ${err.message}`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** Processes this runner started that are still running (code-server, chromium and their children). */
function leftoverProcesses() {
  let out;
  try {
    out = execFileSync('ps', ['-o', 'pid=,ppid=,args=', '-e'], { encoding: 'utf8' });
  } catch {
    return [];
  }
  const rows = out.trim().split('\n').map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l)).filter(Boolean).map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));
  const mine = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of rows) {
      if (!mine.has(r.pid) && mine.has(r.ppid)) {
        mine.add(r.pid);
        grew = true;
      }
    }
  }
  return rows.filter((r) => r.pid !== process.pid && mine.has(r.pid) && !/^ps /.test(r.args));
}

function printTail(label, file, lines = 30) {
  if (!existsSync(file)) return;
  const tail = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  console.error(`--- last ${lines} lines of ${label} (${file}) ---\n${tail}\n---`);
}

function describe(err) {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

function indent(text, n = 4) {
  return text.split('\n').map((l) => ' '.repeat(n) + l).join('\n');
}

function secs(since) {
  return ((Date.now() - since) / 1000).toFixed(1);
}

const tmp = mkdtempSync(path.join(tmpdir(), 'sim-fleet-package-'));
const stageStarted = Date.now();
let timer;
const timedOut = new Promise((resolve) => {
  timer = setTimeout(() => resolve(`the stage did not finish within ${stageTimeoutMs / 1000} s`), stageTimeoutMs);
});
try {
  const work = main(tmp).then(() => undefined);
  work.catch(() => undefined); // after a time-out its late failure has nothing to add
  const outcome = await Promise.race([work, timedOut]);
  if (outcome) {
    record('the package stage finishes in time', outcome);
    closed = true;
  }
} catch (err) {
  record('the package stage runs to its end', describe(err));
} finally {
  clearTimeout(timer);
  await cleanupAll();
}
closed = false;

// Stopped by their own ids above; whatever is still here was missed, which is a failure.
const left = leftoverProcesses();
if (left.length) {
  record('nothing is left running', left.map((p) => `pid ${p.pid}: ${p.args.slice(0, 120)}`).join('\n'));
  for (const p of left) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

const passed = checks.filter((c) => c.state === 'passed').length;
const failed = checks.filter((c) => c.state === 'failed').length;
const keep = opts.keep || failed > 0;
if (keep) console.log(`package: profile, .vsix and logs kept in ${tmp}`);
else rmSync(tmp, { recursive: true, force: true });
console.log(`package: finished in ${secs(stageStarted)} s`);
if (passed + failed === 0) console.error('package: no check ran');
console.log(`package: ${passed} passed, ${failed || (passed === 0 ? 1 : 0)} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
// Nothing of ours runs any more; do not wait for stray handles (a closed page's pending waits).
setTimeout(() => process.exit(), 100).unref();
