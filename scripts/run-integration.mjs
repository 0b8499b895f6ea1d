// Runs the integration tests (out/test/integration/**/*.test.js) inside a real VS Code: code-server
// serves the workbench, headless chromium opens it with the extension under development and the tests
// module, and test/integration/index.ts writes its results to the file named by SIM_FLEET_TEST_RESULTS
// (the extension host inherits code-server's environment). No exit code comes back through the
// browser, so that file is the verdict: missing, with a failure, or with no test run → exit 1.
//
// Usage: node scripts/run-integration.mjs [--grep PATTERN] [--timeout SECONDS] [--keep]
// Assumes `npm run build` ran and `bash scripts/setup-code-server.sh` installed code-server.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { cleanupAll, launchBrowser, openWorkbench, repoRoot, startCodeServer } from './vscode-host.mjs';

const { values: opts } = parseArgs({
  options: {
    grep: { type: 'string' },
    timeout: { type: 'string', default: process.env.SIM_FLEET_IT_TIMEOUT ?? '480' },
    keep: { type: 'boolean', default: false },
  },
});
const timeoutMs = Number(opts.timeout) * 1000;
const testsModule = path.join(repoRoot, 'out', 'test', 'integration', 'index');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  for (const needed of [`${testsModule}.js`, path.join(repoRoot, 'dist', 'extension.js')]) {
    if (!existsSync(needed)) {
      console.error(`integration: ${path.relative(repoRoot, needed)} is missing; run \`npm run build\` first.`);
      return finish(0, 0, 'not built');
    }
  }

  const tmp = mkdtempSync(path.join(tmpdir(), 'sim-fleet-it-'));
  const workspace = path.join(tmp, 'workspace');
  mkdirSync(workspace);
  const resultsPath = path.join(tmp, 'results.json');
  const consoleLog = path.join(tmp, 'browser-console.log');
  const started = Date.now();
  /** @type {{ ok: boolean, reason?: string, results?: any }} */
  let verdict;
  try {
    const server = await startCodeServer({
      userDataDir: path.join(tmp, 'user-data'),
      workspace,
      env: {
        SIM_FLEET_TEST_RESULTS: resultsPath,
        ...(opts.grep ? { SIM_FLEET_TEST_GREP: opts.grep } : {}),
      },
    });
    console.log(`integration: code-server ${server.origin} (pid ${server.pid}) up in ${secs(started)} s`);
    const browser = await launchBrowser();
    await openWorkbench(browser, server.devUrl(testsModule), { consoleLog });
    verdict = await waitForResults(resultsPath, server.exited, started);
    if (!verdict.ok) {
      console.error(`integration: ${verdict.reason}`);
      printTail('code-server log', server.logFile);
      printTail('browser console', consoleLog);
    }
  } catch (err) {
    verdict = { ok: false, reason: err instanceof Error ? err.message : String(err) };
    console.error(`integration: ${verdict.reason}`);
  } finally {
    await cleanupAll();
  }

  const keep = opts.keep || !verdict.ok || !verdict.results || verdict.results.failed > 0;
  if (keep) console.log(`integration: logs kept in ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });

  if (!verdict.results) return finish(0, 0, verdict.reason);
  const { passed, failed, skipped, error } = verdict.results;
  if (error && error !== verdict.reason) console.error(`integration: the suite could not run:\n${indent(error)}`);
  console.log(`integration: finished in ${secs(started)} s`);
  return finish(passed, failed + (error ? 1 : 0), undefined, skipped);
}

async function waitForResults(resultsPath, serverExited, started) {
  const progressPath = `${resultsPath}.progress`;
  const seen = [];
  let serverGone = false;
  serverExited.then(() => (serverGone = true));
  const showProgress = () => {
    if (!existsSync(progressPath)) return;
    const lines = readFileSync(progressPath, 'utf8').split('\n');
    // The last element is either '' or a line still being written.
    for (const line of lines.slice(seen.length, -1)) {
      seen.push(JSON.parse(line));
      printOutcome(seen.at(-1));
    }
  };
  // Tests that finished before a hang or crash still count; the missing results file is one more failure.
  const partial = (reason) => ({ ok: false, reason, results: { ...tally(seen), tests: seen, error: reason } });
  while (Date.now() - started < timeoutMs) {
    showProgress();
    if (existsSync(resultsPath)) {
      showProgress();
      const results = JSON.parse(readFileSync(resultsPath, 'utf8'));
      for (const t of results.tests.slice(seen.length)) printOutcome(t);
      return { ok: true, results };
    }
    if (serverGone) return partial('code-server exited before the tests finished');
    await sleep(500);
  }
  showProgress();
  return partial(`no results after ${timeoutMs / 1000} s (the tests never finished or never started)`);
}

function tally(tests) {
  const count = (state) => tests.filter((t) => t.state === state).length;
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
}

function printOutcome(t) {
  const mark = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' }[t.state] ?? t.state;
  const ms = t.durationMs !== undefined ? ` (${t.durationMs} ms)` : '';
  console.log(`  ${mark} ${t.title}${ms}`);
  if (t.error) console.log(indent(t.error, 9));
}

function finish(passed, failed, reason, skipped = 0) {
  const failedTotal = failed + (reason ? 1 : 0);
  const zero = passed + failedTotal === 0;
  if (zero) console.error('integration: no test ran');
  console.log(`integration: ${passed} passed, ${zero ? 1 : failedTotal} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = failedTotal > 0 || zero ? 1 : 0;
}

function printTail(label, file, lines = 40) {
  if (!existsSync(file)) return;
  const tail = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  console.error(`--- last ${lines} lines of ${label} (${file}) ---\n${tail}\n---`);
}

function indent(text, n = 4) {
  return text.split('\n').map((l) => ' '.repeat(n) + l).join('\n');
}

function secs(since) {
  return ((Date.now() - since) / 1000).toFixed(1);
}

await main();
