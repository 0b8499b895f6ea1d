// Lint rules. The one that matters most: src/gsl and src/simulator stay plain Node
// (no `vscode` import), so the client and simulator run in unit tests and the CLI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  { files: ['src/webview/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  // Journeys run code inside the workbench page through Playwright's evaluate().
  // Playwright fixtures take their dependencies as an object pattern, empty when there are none: `({}, use) => …`.
  {
    files: ['test/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],

    },
  },
  { files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'], rules: { 'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }] } },
  // Playwright loads its global setup and reporters (and its config) through a default export.
  { files: ['test/e2e/global-setup.ts', 'test/e2e/lib/summary-reporter.ts'], rules: { 'no-restricted-syntax': 'off' } },
  {
    files: ['src/gsl/**/*.ts', 'src/simulator/**/*.ts', 'src/panels/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/gsl, src/simulator and the webview protocol must not depend on VS Code.' }] }],
    },
  },
);
