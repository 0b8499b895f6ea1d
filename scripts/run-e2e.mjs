// Runs the UI journeys (test/e2e/*.journey.mjs): each one drives a real VS Code workbench
// (code-server + headless chromium through playwright-core) the way a person does, against the
// built-in simulator, and leaves screenshots in test-results/e2e/<journey>/.
//
// Every journey gets its own code-server with fresh user data (settings, state, secrets, logs), so
// journeys are independent; one chromium serves them all, with a fresh browser context each.
// Ends with `e2e: N passed, N failed`; exit code 1 on any failure or when no journey ran.
//
// Usage: node scripts/run-e2e.mjs [--grep PATTERN] [--timeout SECONDS] [--keep] [--headed]
//                                 [--update-screenshots]   (also writes docs/screenshots/*.png)
// Assumes `npm run build` ran and `bash scripts/setup-code-server.sh` installed code-server.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { cleanupAll, launchBrowser, onCleanup, openWorkbench, repoRoot, startCodeServer } from './vscode-host.mjs';
import { prepareWorkbench } from '../test/e2e/lib/fixture.mjs';

const { values: opts } = parseArgs({
  options: {
    grep: { type: 'string' },
    timeout: { type: 'string', default: process.env.SIM_FLEET_E2E_TIMEOUT ?? '180' },
    keep: { type: 'boolean', default: false },
    headed: { type: 'boolean', default: false },
    'update-screenshots': { type: 'boolean', default: false },
  },
});
const journeyTimeoutMs = Number(opts.timeout) * 1000;
const journeyDir = path.join(repoRoot, 'test', 'e2e');
const resultsDir = path.join(repoRoot, 'test-results', 'e2e');
const docsDir = path.join(repoRoot, 'docs', 'screenshots');

function discover() {
  const files = readdirSync(journeyDir).filter((f) => f.endsWith('.journey.mjs')).sort();
  return files.map((file) => ({ file, name: file.replace(/\.journey\.mjs$/, '').replace(/^\d+-/, '') }));
}

function secs(since) {
  return ((Date.now() - since) / 1000).toFixed(1);
}

/** Processes this runner started that are still alive (code-server, chromium and their children). */
function leftoverProcesses() {
  try {
    const out = execFileSync('ps', ['-o', 'pid=,ppid=,pgid=,args=', '-e'], { encoding: 'utf8' });
    const rows = out.trim().split('\n').map((l) => {
      const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(l);
      return m && { pid: Number(m[1]), ppid: Number(m[2]), pgid: Number(m[3]), args: m[4] };
    }).filter(Boolean);
    // Descendants of this process, other than the `ps` just run.
    const mine = new Set([process.pid]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const r of rows) {
        if (!mine.has(r.pid) && mine.has(r.ppid)) {
          mine.add(r.pid);
          grew = true;
        }
      }
    }
    return rows.filter((r) => r.pid !== process.pid && mine.has(r.pid) && !/^ps /.test(r.args));
  } catch {
    return [];
  }
}

async function runJourney(browser, { file, name }) {
  let mod;
  try {
    mod = await import(pathToFileURL(path.join(journeyDir, file)).href);
    if (typeof mod.run !== 'function') throw new Error(`${file} exports no run(fixture) function`);
  } catch (err) {
    console.log(`  FAIL ${name}: could not load ${file}: ${err.message}`);
    return false;
  }
  const meta = mod.journey ?? {};
  const started = Date.now();
  const tmp = mkdtempSync(path.join(tmpdir(), `sim-fleet-e2e-${name}-`));
  const userDataDir = path.join(tmp, 'user-data');
  const workspace = path.join(tmp, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const shotsDir = path.join(resultsDir, name);
  rmSync(shotsDir, { recursive: true, force: true });
  mkdirSync(shotsDir, { recursive: true });
  const consoleLog = path.join(tmp, 'browser-console.log');
  const cleanups = [];
  let server;
  let context;
  let currentStep = 'start';
  const fx = {
    name,
    tmp,
    userDataDir,
    workspace,
    shotsDir,
    updateDocs: opts['update-screenshots'],
    docsDir,
    onCleanup: (fn) => cleanups.push(fn),
    log: (...args) => console.log(`    ${name}:`, ...args),
    async step(title, fn) {
      currentStep = title;
      const t = Date.now();
      const value = await fn();
      console.log(`    · ${title} (${secs(t)} s)`);
      return value;
    },
  };
  let error;
  let timer;
  const work = (async () => {
    server = await startCodeServer({
      userDataDir,
      workspace,
      settings: {
        'simFleet.demo.cards': 1000,
        // Sticky group headers would duplicate rows at the top of the tree while scrolling.
        'workbench.tree.enableStickyScroll': false,
        ...(meta.settings ?? {}),
      },
      env: { ...(meta.demo ? { SIM_FLEET_DEMO: '1' } : {}), ...(meta.env ?? {}) },
    });
    fx.server = server;
    if (meta.beforeOpen) await meta.beforeOpen(fx);
    const page = await openWorkbench(browser, server.devUrl(undefined, workspace), { consoleLog, viewport: meta.viewport ?? { width: 1280, height: 800 } });
    context = page.context();
    fx.page = page;
    await prepareWorkbench(fx, meta);
    await mod.run(fx);
  })();
  try {
    await Promise.race([
      work,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`journey took longer than ${journeyTimeoutMs / 1000} s`)), journeyTimeoutMs))),
    ]);
  } catch (err) {
    error = err;
    work.catch(() => undefined);
    if (fx.page) await fx.page.screenshot({ path: path.join(shotsDir, 'failure.png') }).catch(() => undefined);
  } finally {
    clearTimeout(timer);
  }
  for (const fn of cleanups.reverse()) await Promise.resolve().then(fn).catch((e) => console.error(`    cleanup: ${e.message}`));
  await context?.close().catch(() => undefined);
  await server?.stop();
  const keep = opts.keep || error;
  if (!keep) rmSync(tmp, { recursive: true, force: true });
  const shots = existsSync(shotsDir) ? readdirSync(shotsDir).length : 0;
  if (error) {
    console.log(`  FAIL ${name}: ${meta.title ?? ''} (${secs(started)} s)`);
    console.log(`       at step "${currentStep}": ${(error.stack ?? String(error)).split('\n').slice(0, 6).join('\n       ')}`);
    console.log(`       screenshots in ${path.relative(repoRoot, shotsDir)}, logs kept in ${tmp}`);
    if (existsSync(consoleLog)) {
      const errs = readFileSync(consoleLog, 'utf8').split('\n').filter((l) => /^\[(error|pageerror)\]/.test(l) && /simFleet|SIM Fleet|dist\/(extension|webview)|Extension Host/.test(l)).slice(-8);
      if (errs.length) console.log(`       browser console errors:\n         ${errs.join('\n         ')}`);
    }
  } else {
    console.log(`  ok   ${name}: ${meta.title ?? ''} (${secs(started)} s, ${shots} screenshots)`);
  }
  return !error;
}

async function main() {
  for (const needed of ['dist/extension.js', 'dist/simulator.js', 'dist/webview/usagePanel.js']) {
    if (!existsSync(path.join(repoRoot, needed))) {
      console.error(`e2e: ${needed} is missing; run \`npm run build\` first.`);
      console.log('e2e: 0 passed, 1 failed');
      process.exitCode = 1;
      return;
    }
  }
  let journeys = discover();
  if (opts.grep) {
    const re = new RegExp(opts.grep, 'i');
    journeys = journeys.filter((j) => re.test(j.name) || re.test(j.file));
  }
  if (journeys.length === 0) {
    console.error('e2e: no journey matched');
    console.log('e2e: 0 passed, 1 failed');
    process.exitCode = 1;
    return;
  }
  if (opts['update-screenshots']) mkdirSync(docsDir, { recursive: true });
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  const browser = await launchBrowser({ headless: !opts.headed });
  try {
    for (const j of journeys) {
      if (await runJourney(browser, j)) passed++;
      else failed++;
    }
  } finally {
    await cleanupAll();
  }
  const left = leftoverProcesses();
  if (left.length) {
    failed++;
    console.log(`  FAIL processes left running after the journeys:\n${left.map((r) => `       ${r.pid} ${r.args.slice(0, 120)}`).join('\n')}`);
    for (const r of left) {
      try {
        process.kill(r.pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
  }
  console.log(`e2e: finished in ${secs(started)} s; screenshots in ${path.relative(repoRoot, resultsDir)}/`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

onCleanup(() => undefined);
try {
  await main();
} catch (err) {
  // Whatever went wrong, the caller still gets a result line to count.
  console.error(`e2e: ${err instanceof Error ? err.stack : err}`);
  await cleanupAll();
  console.log('e2e: 0 passed, 1 failed');
  process.exitCode = 1;
}
