// The UI journeys (test/e2e/*.spec.ts) on @playwright/test: Debian's chromium, one journey at a time
// (each starts its own code-server; see test/e2e/lib/fixtures.ts), a trace and a screenshot kept for
// every failure. `npm test -- --e2e` runs them through scripts/run-e2e.mjs; `npx playwright test`
// works too.
//
// An ES module (.mts, and test/e2e/package.json says "module") because the journeys share
// scripts/vscode-host.mjs, an ES module, with the other runners: Playwright's CommonJS loader cannot
// load it.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/vscode-host.mjs';

const journeySeconds = Number(process.env.SIM_FLEET_E2E_TIMEOUT ?? 180);

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  // Traces, failure screenshots and attached logs; the journeys' own screenshots go to test-results/e2e/.
  outputDir: 'test-results/playwright',
  globalSetup: './test/e2e/global-setup.ts',
  // Two cores, and every journey runs a code-server and a browser: one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: journeySeconds * 1000,
  expect: { timeout: 30_000, toPass: { timeout: 30_000 } },
  reporter: [['list', { printSteps: true }], ['./test/e2e/lib/summary-reporter.ts']],
  use: {
    browserName: 'chromium',
    // Never a downloaded browser: Debian's chromium, with the launcher's flags (offline, no sandbox).
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1280, height: 800 },
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
