// Runs the UI journeys (test/e2e/*.spec.ts) with Playwright Test (playwright.config.mts), which
// prints `e2e: N passed, N failed` for scripts/test.mjs to count. Everything else is Playwright's:
// `--grep`, `--headed`, `--debug`, `--ui`... pass through.
//
// Usage: node scripts/run-e2e.mjs [--update-screenshots] [--keep] [--timeout SECONDS] [playwright args]
//   --update-screenshots  also writes the README's images, docs/screenshots/*.png
//                         (not Playwright's --update-snapshots: nothing is compared)
//   --keep                keeps every journey's temporary profile (failed ones are always kept)
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { repoRoot } from './vscode-host.mjs';

const ours = { '--update-screenshots': 'SIM_FLEET_UPDATE_SCREENSHOTS', '--keep': 'SIM_FLEET_E2E_KEEP' };
const env = { ...process.env };
const args = process.argv.slice(2);
for (const [flag, name] of Object.entries(ours)) {
  if (args.includes(flag)) env[name] = '1';
}
const t = args.indexOf('--timeout');
if (t >= 0) env.SIM_FLEET_E2E_TIMEOUT = args.splice(t, 2)[1];
const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
const rest = args.filter((a) => !(a in ours));
const { status } = spawnSync(process.execPath, [cli, 'test', ...rest], { cwd: repoRoot, env, stdio: 'inherit' });
process.exitCode = status ?? 1;
