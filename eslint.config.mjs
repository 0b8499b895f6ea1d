// Lint rules. Two jobs beyond style:
// 1. Layers point one way (house style 28). Inner layers never import outer ones:
//      gsl (the wire) ← core (card rules, words, error words) ← fleet (model, tree, card lookup)
//                                                             ← panels (webview hosts) ← commands ← tools ← extension.ts
//                                                             ← editor (providers for files)  ↗
//      host (VS Code adapters) implements interfaces the inner layers define; webview code sees only the
//      panels' protocol. src/gsl, src/simulator, src/core and the protocol never import `vscode`.
//    And the extension's entry never loads the HTTP stack or the simulator: only src/runtime.ts (a bundle
//    of its own, loaded on first use) may import them as values.
// 2. Promises are handled (type-aware rules), switches over unions are exhaustive, and every
//    disabled rule says why.
import js from '@eslint/js';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** An import of one of our top-level folders (or root modules), as a relative path from anywhere below src/. */
const folder = (name) => `^(\\.\\./)+${name}(/.*)?$`;
const rootModule = (name) => `^(\\.\\./)+${name}$`;
const layer = (message, ...regexes) => regexes.map((regex) => ({ regex, message }));

const NO_VSCODE = { name: 'vscode', message: 'This layer runs in plain Node (and in unit tests): no VS Code here.' };
/** Value imports that would put undici or the simulator into dist/extension.js. */
const HEAVY = layer(
  'Load the client and the simulator through host/runtime.ts (type imports are fine).',
  '(^|/)gsl/client$',
  '(^|/)gsl/http$',
  '(^|/)gsl/index$',
  '(^|/)gsl/auth$',
  folder('simulator'),
);

function restrict(files, { paths = [], patterns = [], heavy = true }) {
  return {
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths, patterns: [...patterns, ...(heavy ? HEAVY.map((p) => ({ ...p, allowTypeImports: true })) : [])] },
      ],
    },
  };
}

const outer = (...names) => layer(`Layers point one way: this layer may not import ${names.join(', ')}.`, ...names.map(folder));
const roots = layer('Only extension.ts wires the whole extension together.', rootModule('extension'), rootModule('testApi'), rootModule('runtime'));

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '.package/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  comments.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  { files: ['src/webview/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  // Journeys run code inside the workbench page through Playwright's evaluate().
  { files: ['test/e2e/**/*.{mjs,ts}'], languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  // Playwright fixtures take their dependencies as an object pattern, empty when there are none: `({}, use) => …`.
  { files: ['test/e2e/**/*.ts'], rules: { 'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }] } },
  // The package probe is plain CommonJS, so VS Code loads it as it is, without a build.
  { files: ['test/smoke/probe/**/*.js', 'test/e2e/agent/**/*.js'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }],
      '@eslint-community/eslint-comments/no-unused-disable': 'error',
    },
  },
  // Type-aware rules over every TypeScript target.
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json', './tsconfig.webview.json', './tsconfig.e2e.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test runs top-level tests itself; awaiting them is neither needed nor usual.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }] }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  { files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'], rules: { 'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }] } },
  // Playwright loads its global setup and reporters (and its config) through a default export.
  { files: ['test/e2e/global-setup.ts', 'test/e2e/lib/summary-reporter.ts'], rules: { 'no-restricted-syntax': 'off' } },

  // ---- layers ----------------------------------------------------------------------------
  restrict(['src/gsl/**/*.ts'], { paths: [NO_VSCODE], patterns: [...outer('core', 'fleet', 'host', 'panels', 'editor', 'commands', 'tools', 'simulator', 'webview'), ...roots], heavy: false }),
  restrict(['src/simulator/**/*.ts'], { paths: [NO_VSCODE], patterns: [...outer('core', 'fleet', 'host', 'panels', 'editor', 'commands', 'tools', 'webview'), ...roots], heavy: false }),
  restrict(['src/core/**/*.ts'], { paths: [NO_VSCODE], patterns: [...outer('fleet', 'host', 'panels', 'editor', 'commands', 'tools', 'webview'), ...roots] }),
  restrict(['src/fleet/**/*.ts'], { patterns: [...outer('host', 'panels', 'editor', 'commands', 'tools', 'webview'), ...roots] }),
  // The card lookup is tested in plain Node against the simulator.
  restrict(['src/fleet/cardLookup.ts', 'src/fleet/planReview.ts'], { paths: [NO_VSCODE], patterns: [...outer('host', 'panels', 'editor', 'commands', 'tools', 'webview'), ...roots] }),
  restrict(['src/panels/**/*.ts'], { patterns: [...outer('fleet', 'host', 'editor', 'commands', 'tools', 'webview'), ...roots] }),
  // Providers for files (hovers, links, inline status, card documents): the core's rules and the fleet's lookup; settings come from extension.ts.
  restrict(['src/editor/**/*.ts'], { patterns: [...outer('host', 'panels', 'commands', 'tools', 'webview'), ...roots] }),
  restrict(['src/panels/protocol/**/*.ts'], { paths: [NO_VSCODE], patterns: [...outer('gsl', 'fleet', 'host', 'commands', 'webview', 'simulator'), ...roots, ...layer('The protocol is shared with the browser: only its own types and the core.', '^\\./(?!index).*', '^\\.\\./(?!\\.\\./core/)')] }),
  // host/demoFleet.ts is only ever loaded inside the runtime bundle (src/runtime.ts).
  restrict(['src/host/**/*.ts'], { patterns: [...outer('fleet', 'panels', 'editor', 'commands', 'tools', 'webview'), ...layer('Only extension.ts wires the whole extension together.', rootModule('extension'), rootModule('testApi'))] }),
  restrict(['src/host/demoFleet.ts'], { patterns: outer('fleet', 'panels', 'editor', 'commands', 'tools', 'webview'), heavy: false }),
  restrict(['src/commands/**/*.ts'], { patterns: [...outer('tools', 'webview'), ...roots] }),
  // Language-model tools run the commands' paths (one home for what an action does).
  restrict(['src/tools/**/*.ts'], { patterns: [...outer('webview'), ...roots] }),
  restrict(['src/webview/**/*.ts'], { paths: [NO_VSCODE], patterns: layer('Webview code is browser code: it sees only the panels\' protocol.', folder('gsl'), folder('fleet'), folder('host'), folder('commands'), folder('simulator'), '^\\.\\./panels/(?!protocol)') }),
  restrict(['src/extension.ts', 'src/testApi.ts'], { patterns: [] }),

  // Plain JavaScript (scripts, journeys) is not type-checked by these projects.
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
);
