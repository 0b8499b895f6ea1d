// Runs the UI journeys (test/e2e/*.spec.ts) with Playwright Test (playwright.config.mts), which
// prints `e2e: N passed, N failed` for scripts/test.mjs to count. Other arguments (`--headed`,
// `--debug`, `--trace on`...) pass through to `playwright test`.
//
// Usage: node scripts/run-e2e.mjs [--grep PATTERN] [--update-screenshots] [--keep] [--timeout SECONDS] [playwright args]
//   --grep PATTERN        journeys whose name matches (browse, find|batch), case-insensitive: a
//                         Playwright file filter on the spec's file name (its --grep reads test titles,
//                         and titles mention other journeys' words)
//   --update-screenshots  also writes the README's images, docs/screenshots/*.png
//                         (not Playwright's --update-snapshots: nothing is compared)
//   --keep                keeps every journey's temporary profile (failed ones are always kept)
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { repoRoot } from './vscode-host.mjs';

const args = process.argv.slice(2);
const env = { ...process.env };
const take = (flag) => {
  const i = args.indexOf(flag);
  return i < 0 ? undefined : args.splice(i, 2)[1];
};
const grep = take('--grep');
const timeout = take('--timeout');
if (timeout) env.SIM_FLEET_E2E_TIMEOUT = timeout;
for (const [flag, name] of [['--update-screenshots', 'SIM_FLEET_UPDATE_SCREENSHOTS'], ['--keep', 'SIM_FLEET_E2E_KEEP']]) {
  const i = args.indexOf(flag);
  if (i < 0) continue;
  env[name] = '1';
  args.splice(i, 1);
}
// A match within the file name, not the folders above it.
if (grep) args.push(`/(?:${grep})[^/\\\\]*$/i`);
const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const { status } = spawnSync(process.execPath, [cli, 'test', ...args], { cwd: repoRoot, env, stdio: 'inherit' });
process.exitCode = status ?? 1;
