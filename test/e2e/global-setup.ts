// Before the journeys: the build and code-server must be there. After them: no process the run
// started (code-server and its extension hosts, chromium, simulators) may still be alive.
//
// Every such process descends from a Playwright worker, and workers start after this setup, so they
// all inherit SIM_FLEET_E2E_RUN from here; /proc/<pid>/environ tells ours from anyone else's (another
// run on the same machine, even orphans whose parent has exited).
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isCodeServerInstalled, repoRoot } from '../../scripts/vscode-host.mjs';
import { docsDir, updateDocs } from './lib/paths';

const RUN_VAR = 'SIM_FLEET_E2E_RUN';

// Playwright loads global setup through the module's default export.
export default async function globalSetup() {
  for (const needed of ['dist/extension.js', 'dist/simulator.js', 'dist/webview/usagePanel.js']) {
    if (!existsSync(path.join(repoRoot, needed))) throw new Error(`${needed} is missing; run \`npm run build\` first.`);
  }
  if (!isCodeServerInstalled()) throw new Error('code-server or chromium is missing; run `npm run setup:vscode` first.');
  if (updateDocs) mkdirSync(docsDir, { recursive: true });
  const run = randomUUID();
  process.env[RUN_VAR] = run;
  return () => checkNothingLeft(run);
}

interface Leftover {
  pid: number;
  args: string;
}

/** Processes alive now that inherited this run's mark (Linux; elsewhere there is no /proc to read). */
function marked(run: string): Leftover[] {
  if (!existsSync('/proc')) return [];
  const mark = `${RUN_VAR}=${run}`;
  const found: Leftover[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(mark)) continue;
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      found.push({ pid, args });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

async function checkNothingLeft(run: string) {
  // Processes stopped at the end of the last journey may take a moment to be reaped.
  let left = marked(run);
  for (let i = 0; i < 25 && left.length; i++) {
    await new Promise((r) => setTimeout(r, 200));
    left = marked(run);
  }
  if (!left.length) return;
  for (const { pid } of left) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  throw new Error(`processes left running after the journeys (now killed):\n${left.map((p) => `  ${p.pid} ${p.args.slice(0, 160)}`).join('\n')}`);
}
