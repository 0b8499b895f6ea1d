// `npm test`: build, the plain-Node unit tests, then the same extension inside a real VS Code
// (code-server + headless chromium): the integration tests and, when present, the UI journeys; last,
// the package: the .vsix built, installed into a fresh profile and checked there.
// Every stage runs even when an earlier one failed, so one run shows everything; the last line
// sums them: `tests: N passed, N failed`. Exit code 1 on any failure or when no test ran.
//
// Options: --unit, --integration, --e2e, --package pick stages (default: all); --no-build skips the
// build; --grep PATTERN is passed to the integration and e2e runners; --update-screenshots lets the
// journeys rewrite the README's images in docs/screenshots/. The package stage runs last because it
// replaces dist/ with the production build.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const { values: opts } = parseArgs({
  options: {
    unit: { type: 'boolean', default: false },
    integration: { type: 'boolean', default: false },
    e2e: { type: 'boolean', default: false },
    package: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    grep: { type: 'string' },
    'update-screenshots': { type: 'boolean', default: false },
  },
});
const picked = opts.unit || opts.integration || opts.e2e || opts.package;
const wants = (stage) => !picked || opts[stage];
const grepArgs = opts.grep ? ['--grep', opts.grep] : [];

const totals = { passed: 0, failed: 0 };
const lines = [];
const record = (stage, passed, failed, note = '') => {
  totals.passed += passed;
  totals.failed += failed;
  lines.push(`${stage}: ${passed} passed, ${failed} failed${note ? ` (${note})` : ''}`);
};

/** Runs a command, echoing its output; resolves with its exit code and, if asked, its stdout. */
function run(cmd, args, { capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'] });
    let out = '';
    if (capture) {
      child.stdout.on('data', (d) => {
        process.stdout.write(d);
        out += d;
      });
    }
    child.on('error', (err) => {
      console.error(`${cmd}: ${err.message}`);
      resolve({ code: 1, out });
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

/** The last `[label:] N passed, N failed` line a runner printed. */
function lastCount(out) {
  const all = [...out.matchAll(/^(?:\w[\w-]*: )?(\d+) passed, (\d+) failed/gm)];
  const m = all.at(-1);
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : undefined;
}

async function unitStage() {
  if (!existsSync('out/test/unit')) return record('unit', 0, 1, 'out/test/unit is missing');
  // spec for people, TAP to a file for counting.
  const dir = mkdtempSync(path.join(tmpdir(), 'sim-fleet-unit-'));
  const tap = path.join(dir, 'unit.tap');
  const { code } = await run(process.execPath, [
    '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    'out/test/unit/',
  ]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  rmSync(dir, { recursive: true, force: true });
  const count = (name) => Number(text.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  const passed = count('pass');
  let failed = count('fail') + count('cancelled');
  if (code !== 0 && failed === 0) failed = 1; // the runner failed outside any test
  record('unit', passed, failed);
}

async function vscodeStage(stage, script, extraArgs) {
  const { code, out } = await run(process.execPath, [script, ...extraArgs], { capture: true });
  const count = lastCount(out);
  if (!count) return record(stage, 0, 1, `${script} printed no result line`);
  const failed = code !== 0 && count.failed === 0 ? 1 : count.failed;
  record(stage, count.passed, failed);
}

function hasJourneys() {
  return existsSync('scripts/run-e2e.mjs') && existsSync('test/e2e') &&
    readdirSync('test/e2e', { recursive: true }).some((f) => /\.(ts|js|mjs)$/.test(String(f)));
}

async function main() {
  if (!opts['no-build']) {
    const { code } = await run('npm', ['run', 'build']);
    if (code !== 0) {
      record('build', 0, 1, 'npm run build failed; nothing was tested');
      return;
    }
  }
  if (wants('unit')) await unitStage();

  const vscodeStages = [
    wants('integration') && ['integration', 'scripts/run-integration.mjs', grepArgs],
    wants('e2e') && hasJourneys() && ['e2e', 'scripts/run-e2e.mjs', [...grepArgs, ...(opts['update-screenshots'] ? ['--update-screenshots'] : [])]],
    wants('package') && ['package', 'scripts/run-package.mjs', []],
  ].filter(Boolean);
  if (vscodeStages.length === 0) return;

  const setup = await run('bash', ['scripts/setup-code-server.sh']);
  for (const [stage, script, args] of vscodeStages) {
    if (setup.code !== 0) record(stage, 0, 1, 'code-server setup failed');
    else await vscodeStage(stage, script, args);
  }
}

await main();
console.log('');
for (const line of lines) console.log(line);
const noneRan = totals.passed + totals.failed === 0;
if (noneRan) console.log('no test ran');
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 || noneRan ? 1 : 0;
