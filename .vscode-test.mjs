// Desktop runs of the integration tests with @vscode/test-cli (`npx vscode-test`): it downloads
// VS Code builds, so it needs internet; CI and machines without it use `npm test`, which runs the
// same tests in code-server (scripts/run-integration.mjs). Build first: `npm run build`.
import { defineConfig } from '@vscode/test-cli';

const common = {
  files: 'out/test/integration/**/*.test.js',
  mocha: { ui: 'bdd', timeout: 60_000 },
  launchArgs: ['--disable-extensions'],
};

export default defineConfig([
  { label: 'stable', version: 'stable', ...common },
  // The lowest VS Code that engines.vscode admits.
  { label: 'minimum', version: '1.95.0', ...common },
]);
