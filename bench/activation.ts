/**
 * `activate()` time, measured where it runs: in a real VS Code (code-server) extension host. Each
 * run starts a fresh VS Code so the extension is activated cold. Two extensions are timed the same
 * way in the same run: SIM Fleet as it is packaged (the production build: minified, test hooks
 * out), and an extension whose `activate()` does nothing, which is the floor VS Code itself sets.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { Figure } from './stats';
import { summarize } from './stats';

const ROOT = join(__dirname, '..', '..');

interface Host {
  isCodeServerInstalled(): boolean;
  startCodeServer(o: { userDataDir: string; workspace: string; env: Record<string, string>; extensionDevelopmentPath: string }): Promise<{ devUrl(testsPath: string): string; stop(): Promise<void> }>;
  launchBrowser(): Promise<{ close(): Promise<void> }>;
  openWorkbench(browser: unknown, url: string): Promise<unknown>;
}

/** SIM Fleet as the package holds it: manifest, translations, media and the production bundles. */
function packagedCopy(dir: string): string {
  const out = join(dir, 'sim-fleet');
  mkdirSync(join(out, 'dist'), { recursive: true });
  for (const f of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json']) cpSync(join(ROOT, f), join(out, f));
  for (const d of ['media', 'l10n']) cpSync(join(ROOT, d), join(out, d), { recursive: true });
  const common = { bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', define: { SIM_FLEET_TEST_HOOKS: 'false' } } as const;
  buildSync({ ...common, entryPoints: [join(ROOT, 'src', 'extension.ts')], outfile: join(out, 'dist', 'extension.js'), external: ['vscode', './runtime.js'] });
  buildSync({ ...common, entryPoints: [join(ROOT, 'src', 'runtime.ts')], outfile: join(out, 'dist', 'runtime.js'), external: ['vscode'] });
  return out;
}

/** An extension that activates on startup and does nothing: what any extension pays. */
function emptyExtension(dir: string): string {
  const out = join(dir, 'empty');
  mkdirSync(out, { recursive: true });
  const manifest = { name: 'empty', publisher: 'simfleet-bench', version: '0.0.1', engines: { vscode: '^1.90.0' }, main: './extension.js', activationEvents: ['onStartupFinished'] };
  writeFileSync(join(out, 'package.json'), JSON.stringify(manifest));
  writeFileSync(join(out, 'extension.js'), 'exports.activate = function () {};\nexports.deactivate = function () {};\n');
  return out;
}

async function timeActivation(host: Host, extensionPath: string, extensionId: string, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const tmp = mkdtempSync(join(tmpdir(), 'sim-fleet-bench-act-'));
    const result = join(tmp, 'result.json');
    const server = await host.startCodeServer({
      userDataDir: join(tmp, 'user-data'),
      workspace: tmp,
      extensionDevelopmentPath: extensionPath,
      env: { SIM_FLEET_BENCH_RESULT: result, SIM_FLEET_BENCH_EXTENSION: extensionId },
    });
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
  return samples;
}

export async function benchActivation(runs: number): Promise<Figure[]> {
  const host = (await import(join(ROOT, 'scripts', 'vscode-host.mjs'))) as Host;
  if (!host.isCodeServerInstalled()) {
    return [{ name: 'activate() in VS Code', unit: 'ms', median: NaN, min: NaN, max: NaN, runs: 0, note: 'not measured: run `bash scripts/setup-code-server.sh` first' }];
  }
  const dir = mkdtempSync(join(tmpdir(), 'sim-fleet-bench-ext-'));
  try {
    const floor = summarize(await timeActivation(host, emptyExtension(dir), 'simfleet-bench.empty', runs));
    const fleet = summarize(await timeActivation(host, packagedCopy(dir), 'simfleet.sim-fleet', runs));
    return [
      { name: 'activate() of an extension that does nothing (VS Code\'s own cost)', unit: 'ms', ...floor },
      {
        name: 'activate() in VS Code, packaged build, no account (cold, fresh window)',
        unit: 'ms',
        ...fleet,
        limit: 50,
        limitNote: 'the 50 ms budget',
        goalRatio: 1,
        note: `an extension that does nothing takes ${floor.median.toFixed(1)} ms (${floor.min.toFixed(1)}–${floor.max.toFixed(1)}) measured the same way`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
