// Entry point the extension host calls with `extensionTestsPath`: the contract @vscode/test-electron
// and the code-server runner (scripts/run-integration.mjs) share. Mocha runs every
// out/test/integration/**/*.test.js inside the real extension host, so tests use the real `vscode` API.
//
// No exit code comes back through a browser, so when SIM_FLEET_TEST_RESULTS names a file the results
// are written there (and each finished test is appended to `<file>.progress` so the runner can show
// progress); the runner turns that file into its exit code. Without it (desktop runs) failures throw.
import type MochaType from 'mocha';
import { createRequire } from 'node:module';
import { appendFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export interface TestOutcome {
  title: string;
  file?: string;
  state: 'passed' | 'failed' | 'skipped';
  durationMs?: number;
  error?: string;
}

export interface TestResults {
  passed: number;
  failed: number;
  skipped: number;
  tests: TestOutcome[];
  /** Set when the suite could not run at all (a test file failed to load, for example). */
  error?: string;
}

// mocha 12's package entry is an ES module; its CommonJS build loads in every extension host,
// including desktop builds whose Node cannot require() ES modules.
const Mocha = createRequire(__filename)('mocha/lib/mocha.cjs') as typeof MochaType;

const TEST_TIMEOUT_MS = 60_000;

export async function run(): Promise<void> {
  const resultsPath = process.env.SIM_FLEET_TEST_RESULTS;
  const results: TestResults = { passed: 0, failed: 0, skipped: 0, tests: [] };
  const record = (outcome: TestOutcome): void => {
    results.tests.push(outcome);
    results[outcome.state]++;
    if (resultsPath) appendFileSync(`${resultsPath}.progress`, JSON.stringify(outcome) + '\n');
  };

  try {
    const mocha = new Mocha({
      ui: 'bdd',
      timeout: TEST_TIMEOUT_MS,
      color: false,
      reporter: 'spec',
      grep: process.env.SIM_FLEET_TEST_GREP || undefined,
    });
    for (const file of findTestFiles(__dirname)) mocha.addFile(file);

    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => record({ title: test.fullTitle(), file: relativeFile(test), state: 'passed', durationMs: test.duration }));
      runner.on('fail', (test, err: unknown) => record({ title: test.fullTitle(), file: relativeFile(test), state: 'failed', durationMs: test.duration, error: describeError(err) }));
      runner.on('pending', (test) => record({ title: test.fullTitle(), file: relativeFile(test), state: 'skipped' }));
    });
  } catch (err) {
    results.error = describeError(err);
  }

  if (resultsPath) {
    // Written whole then renamed, so the runner never reads a half-written file.
    writeFileSync(`${resultsPath}.tmp`, JSON.stringify(results, null, 2));
    renameSync(`${resultsPath}.tmp`, resultsPath);
    return;
  }
  if (results.error) throw new Error(`Integration tests could not run: ${results.error}`);
  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed.`);
  if (results.passed === 0) throw new Error('No integration test ran.');
}

function findTestFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(dir, f));
}

function relativeFile(test: MochaType.Runnable): string | undefined {
  return test.file ? path.relative(path.join(__dirname, '..', '..', '..'), test.file) : undefined;
}

function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}
