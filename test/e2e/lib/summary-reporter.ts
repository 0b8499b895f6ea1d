// Prints the line scripts/test.mjs counts, `e2e: N passed, N failed`, after Playwright's own report.
// A run with no journey, or with an error outside the journeys (global setup, processes left
// running), counts as a failure too; failed journeys get the command that opens their trace.
import * as path from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestError } from '@playwright/test/reporter';

// Playwright loads a reporter through the module's default export.
export default class SummaryReporter implements Reporter {
  private suite: Suite | undefined;
  private errors = 0;
  private started = Date.now();

  onBegin(_config: FullConfig, suite: Suite) {
    this.suite = suite;
    this.started = Date.now();
  }

  onError(_error: TestError) {
    this.errors++;
  }

  onEnd(result: FullResult) {
    const tests = this.suite?.allTests() ?? [];
    let passed = 0;
    let failed = this.errors;
    const traces: string[] = [];
    for (const t of tests) {
      const outcome = t.outcome();
      if (outcome === 'expected') passed++;
      else if (outcome === 'unexpected' || outcome === 'flaky') {
        failed++;
        for (const r of t.results) {
          for (const a of r.attachments) if (a.name === 'trace' && a.path) traces.push(path.relative(process.cwd(), a.path));
        }
      }
    }
    if (passed + failed === 0 && result.status === 'passed' && tests.length > 0) {
      console.log(`e2e: ${tests.length} journeys listed, none run`); // --list
      return;
    }
    if (passed + failed === 0) {
      console.log('e2e: no journey ran');
      failed = 1;
    } else if (result.status !== 'passed' && failed === 0) {
      failed = 1; // interrupted or timed out as a whole
    }
    for (const trace of traces) console.log(`e2e: trace kept: npx playwright show-trace ${trace}`);
    const secs = ((Date.now() - this.started) / 1000).toFixed(1);
    console.log(`e2e: finished in ${secs} s; screenshots in test-results/e2e/`);
    console.log(`e2e: ${passed} passed, ${failed} failed`);
  }
}
