/**
 * `activate()` time, measured where it runs: in a real VS Code (code-server) extension host.
 * Each run starts a fresh VS Code so the extension is activated cold.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Figure } from './stats';
import { summarize } from './stats';

const ROOT = join(__dirname, '..', '..');

interface Host {
  isCodeServerInstalled(): boolean;
  startCodeServer(o: { userDataDir: string; workspace: string; env: Record<string, string> }): Promise<{ devUrl(testsPath: string): string; stop(): Promise<void> }>;
  launchBrowser(): Promise<{ close(): Promise<void> }>;
  openWorkbench(browser: unknown, url: string): Promise<unknown>;
}

export async function benchActivation(runs: number): Promise<Figure[]> {
  const host = (await import(join(ROOT, 'scripts', 'vscode-host.mjs'))) as Host;
  if (!host.isCodeServerInstalled()) {
    return [{ name: 'activate() in VS Code', unit: 'ms', median: NaN, min: NaN, max: NaN, runs: 0, note: 'not measured: run `bash scripts/setup-code-server.sh` first' }];
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const tmp = mkdtempSync(join(tmpdir(), 'sim-fleet-bench-act-'));
    const result = join(tmp, 'result.json');
    const server = await host.startCodeServer({ userDataDir: join(tmp, 'user-data'), workspace: tmp, env: { SIM_FLEET_BENCH_RESULT: result } });
    const browser = await host.launchBrowser();
    try {
      await host.openWorkbench(browser, server.devUrl(join(ROOT, 'out', 'bench', 'activationProbe')));
      const deadline = Date.now() + 120_000;
      while (!existsSync(result) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      if (!existsSync(result)) throw new Error('the activation probe did not report within 120 s');
      const { activateMs, wasActive } = JSON.parse(readFileSync(result, 'utf8')) as { activateMs: number; wasActive: boolean };
      if (!wasActive) samples.push(activateMs);
    } finally {
      await browser.close();
      await server.stop();
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  return [{ name: 'activate() in VS Code, no account (cold, fresh window)', unit: 'ms', ...summarize(samples) }];
}
