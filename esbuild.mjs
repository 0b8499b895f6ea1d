// One build script (house style 19): the extension's entry as CommonJS for Node, the parts it
// loads on first use (the GSL client and its HTTP stack, the simulator) as a second CommonJS
// bundle, the webviews as ESM for the browser, and the simulator's command-line entry.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';

const args = process.argv.slice(2);
const production = args.includes('--production');
const watch = args.includes('--watch');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Code for tests only sits behind this flag; the packaged extension drops it (src/buildFlags.d.ts).
  define: { SIM_FLEET_TEST_HOOKS: production ? 'false' : 'true' },
};

/** @type {Record<string, Omit<import('esbuild').BuildOptions, 'entryPoints'> & { entryPoints: string[] }>} */
const targets = {
  extension: {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // dist/extension.js requires ./runtime.js at run time (src/host/runtime.ts); it is not bundled in.
    external: ['vscode', './runtime.js'],
  },
  runtime: {
    ...common,
    entryPoints: ['src/runtime.ts'],
    outfile: 'dist/runtime.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  simulator: {
    ...common,
    entryPoints: ['src/simulator/cli.ts'],
    outfile: 'dist/simulator.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  webview: {
    ...common,
    entryPoints: existsSync('src/webview')
      ? readdirSync('src/webview').filter((f) => /^[a-z][\w-]*\.ts$/.test(f) && !f.endsWith('.test.ts') && f.endsWith('Panel.ts')).map((f) => `src/webview/${f}`)
      : [],
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
  },
};

// A production build starts from an empty dist/ so no stale source maps reach the package.
if (production) rmSync('dist', { recursive: true, force: true });

const selected = Object.entries(targets).filter(([name, t]) => (!only || only === name) && (t.entryPoints.length > 0) && t.entryPoints.every((e) => existsSync(e)));
if (watch) {
  for (const [, options] of selected) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(selected.map(([, options]) => esbuild.build(options)));
}

// The zh-cn l10n bundle is assembled from per-area parts (l10n/parts/*.zh-cn.json) so each
// area of the extension keeps its own strings; VS Code reads one bundle per language.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
if (!only || only === 'extension') {
  const parts = existsSync('l10n/parts') ? readdirSync('l10n/parts').filter((f) => f.endsWith('.zh-cn.json')).sort() : [];
  const bundle = {};
  for (const f of parts) Object.assign(bundle, JSON.parse(readFileSync(`l10n/parts/${f}`, 'utf8')));
  mkdirSync('l10n', { recursive: true });
  writeFileSync('l10n/bundle.l10n.zh-cn.json', JSON.stringify(bundle, null, 2) + '\n');
}
