// One build script, three targets (house style 19): the extension as CommonJS for Node,
// the webviews as ESM for the browser, and the simulator's command-line entry.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';

const args = process.argv.slice(2);
const production = args.includes('--production');
const watch = args.includes('--watch');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const targets = {
  extension: {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
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

const selected = Object.entries(targets).filter(([name, t]) => (!only || only === name) && (t.entryPoints.length > 0) && t.entryPoints.every((e) => existsSync(e)));
if (watch) {
  for (const [, options] of selected) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(selected.map(([, options]) => esbuild.build(options)));
}
