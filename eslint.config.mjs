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
  { files: ['test/e2e/**/*.mjs'], languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  // The package probe is plain CommonJS, so VS Code loads it as it is, without a build.
  { files: ['test/smoke/probe/**/*.js'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],

    },
  },
  { files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'], rules: { 'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }] } },
  {
    files: ['src/gsl/**/*.ts', 'src/simulator/**/*.ts', 'src/panels/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/gsl, src/simulator and the webview protocol must not depend on VS Code.' }] }],
    },
  },
);
