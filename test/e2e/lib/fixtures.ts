// The journeys' Playwright fixtures. Every journey gets its own code-server with fresh user data
// (settings, state, secrets, logs) in a temporary folder, so journeys are independent; Playwright's
// `page` (a fresh browser context per journey, traced) opens the workbench it serves, with the
// extension under development loaded from this folder.
//
// Per journey, with `test.use({...})`: `demo` (start on the demo fleet), `settings` (user settings on
// top of the defaults below), `env` (for code-server and its extension host), `viewport` (Playwright's
// own), `sidebarWidth` (0 keeps VS Code's) and `beforeOpen` (runs once code-server answers, before
// the workbench opens; being a function, it is given as a fixture:
// `test.use({ beforeOpen: async ({}, use) => use(async (journey) => { ... }) })`) and `alsoInstall`
// (folders of other extensions, e.g. the journey agent in test/e2e/agent/, packaged and installed
// into the journey's profile before code-server starts: the web workbench loads only one extension
// under development, since it reads the URL's payload into a map).
//
// Screenshots: `journey.screenshot(name, target?)` keeps every one under test-results/e2e/<journey>/;
// `journey.docShot(name, target?)` is one the README shows, also copied to docs/screenshots/<name>.png
// when SIM_FLEET_UPDATE_SCREENSHOTS=1 (`node scripts/run-e2e.mjs --update-screenshots`). They are
// pictures for people, not compared with anything (Playwright's own snapshots are another matter).
//
// On failure: test-results/e2e/<journey>/failure.png, the code-server log and the browser console
// (which carries the extension host's output) attached to the test, the temporary folder kept;
// Playwright keeps the trace and its own failure screenshot.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { expect, test as base, type Locator, type Page, type TestInfo } from '@playwright/test';
import { installExtension, recordConsole, repoRoot, startCodeServer } from '../../../scripts/vscode-host.mjs';
import { docsDir, keepAll, resultsDir, updateDocs } from './paths';
import { sidebar, waitForWorkbench } from './workbench';

export type CodeServer = Awaited<ReturnType<typeof startCodeServer>>;

/** What a screenshot shows: the page, one element, the box around several, or a clip. */
export type ShotTarget = Locator | Locator[] | { clip: { x: number; y: number; width: number; height: number } };

export interface Journey {
  /** The journey's short name, from its file: `02-browse.spec.ts` → `browse`. */
  name: string;
  /** The journey's temporary folder, holding the two below and the browser console. */
  tmp: string;
  userDataDir: string;
  /** The folder the workbench opens. */
  workspace: string;
  shotsDir: string;
  consoleLog: string;
  server: CodeServer;
  /** Runs `fn` when the journey ends, before code-server stops (latest first). */
  onCleanup(fn: () => unknown): void;
  log(...args: unknown[]): void;
  screenshot(name: string, target?: ShotTarget): Promise<string>;
  docShot(docName: string, target?: ShotTarget): Promise<string>;
}

export interface JourneyOptions {
  demo: boolean;
  settings: Record<string, unknown>;
  env: Record<string, string>;
  sidebarWidth: number;
  beforeOpen: ((journey: Journey) => Promise<void>) | undefined;
  alsoInstall: string[];
}

export const test = base.extend<JourneyOptions & { journey: Journey }>({
  demo: [false, { option: true }],
  settings: [{}, { option: true }],
  env: [{}, { option: true }],
  sidebarWidth: [420, { option: true }],
  beforeOpen: [undefined, { option: true }],
  alsoInstall: [[], { option: true }],

  journey: async ({ page, demo, settings, env, sidebarWidth, beforeOpen, alsoInstall }, use, testInfo) => {
    const name = path.basename(testInfo.file).replace(/\.spec\.ts$/, '').replace(/^\d+-/, '');
    const tmp = mkdtempSync(path.join(tmpdir(), `sim-fleet-e2e-${name}-`));
    const userDataDir = path.join(tmp, 'user-data');
    const workspace = path.join(tmp, 'workspace');
    mkdirSync(workspace, { recursive: true });
    const shotsDir = path.join(resultsDir, name);
    rmSync(shotsDir, { recursive: true, force: true });
    mkdirSync(shotsDir, { recursive: true });
    const consoleLog = path.join(tmp, 'browser-console.log');
    const cleanups: Array<() => unknown> = [];
    const log = (...args: unknown[]) => console.log(`    ${name}:`, ...args);
    let shots = 0;
    const screenshot = async (shotName: string, target?: ShotTarget) => {
      shots++;
      const file = path.join(shotsDir, `${String(shots).padStart(2, '0')}-${shotName}.png`);
      await shoot(page, file, target);
      return file;
    };
    const docShot = async (docName: string, target?: ShotTarget) => {
      const file = await screenshot(docName, target);
      if (updateDocs) {
        const dest = path.join(docsDir, `${docName}.png`);
        copyFileSync(file, dest);
        log(`docs/screenshots/${docName}.png (${Math.round(statSync(dest).size / 1024)} KB)`);
      }
      return file;
    };

    let server: CodeServer | undefined;
    let setupFailed = true;
    try {
      for (const folder of alsoInstall) await installExtension({ vsix: packageFolder(folder, tmp), userDataDir, extensionsDir: path.join(userDataDir, 'extensions') });
      server = await startCodeServer({
        userDataDir,
        workspace,
        settings: {
          'simFleet.demo.cards': 1000,
          // Sticky group headers would duplicate rows at the top of the tree while scrolling.
          'workbench.tree.enableStickyScroll': false,
          // The SIM Fleet container holds several views; VS Code otherwise shows a view's title
          // buttons only while the pointer is over it.
          'workbench.view.alwaysShowHeaderActions': true,
          // Needs attention reads the whole fleet in the background and adds a group above the status
          // groups; the journeys about other things run without it (16-attention turns it on).
          'simFleet.attention.enabled': false,
          ...settings,
        },
        env: { ...(demo ? { SIM_FLEET_DEMO: '1' } : {}), ...env },
      });
      const journey: Journey = {
        name,
        tmp,
        userDataDir,
        workspace,
        shotsDir,
        consoleLog,
        server,
        onCleanup: (fn) => cleanups.push(fn),
        log,
        screenshot,
        docShot,
      };
      if (beforeOpen) await beforeOpen(journey);
      recordConsole(page, consoleLog);
      await page.goto(server.devUrl(undefined, workspace), { waitUntil: 'domcontentloaded' });
      await waitForWorkbench(page);
      if (sidebarWidth !== 0) await setSidebarWidth(page, sidebarWidth);
      setupFailed = false;
      await use(journey);
    } finally {
      const failed = setupFailed || testInfo.status !== testInfo.expectedStatus;
      if (failed) {
        await page.screenshot({ path: path.join(shotsDir, 'failure.png'), timeout: 5_000 }).catch(() => undefined);
        await keepLogs(testInfo, name, consoleLog, server);
      }
      for (const fn of cleanups.reverse()) {
        await Promise.resolve()
          .then(fn)
          .catch((e: unknown) => console.error(`    ${name}: cleanup failed: ${e instanceof Error ? e.message : e}`));
      }
      await server?.stop();
      if (failed || keepAll) log(`its code-server profile and logs are kept in ${tmp}`);
      else rmSync(tmp, { recursive: true, force: true });
    }
  },
});

export { expect };

/** Packages an extension folder (plain JavaScript, no build) as a .vsix in `tmp`, offline, with vsce. */
function packageFolder(folder: string, tmp: string): string {
  const copy = path.join(tmp, `pack-${path.basename(folder)}`);
  cpSync(folder, copy, { recursive: true });
  rmSync(path.join(copy, 'tsconfig.json'), { force: true });
  if (!existsSync(path.join(copy, 'README.md'))) writeFileSync(path.join(copy, 'README.md'), `# ${path.basename(folder)}\n\nA helper of SIM Fleet's UI journeys.\n`);
  copyFileSync(path.join(repoRoot, 'LICENSE'), path.join(copy, 'LICENSE'));
  const vsix = path.join(tmp, `${path.basename(folder)}.vsix`);
  const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--allow-missing-repository', '--no-dependencies', '-o', vsix], { cwd: copy, stdio: 'pipe' });
  return vsix;
}

/** Attaches the code-server log and the browser console, and prints the console's errors from SIM Fleet. */
async function keepLogs(testInfo: TestInfo, name: string, consoleLog: string, server: CodeServer | undefined) {
  const logFile = server?.logFile;
  if (logFile && existsSync(logFile)) await testInfo.attach('code-server.log', { path: logFile, contentType: 'text/plain' });
  if (!existsSync(consoleLog)) return;
  await testInfo.attach('browser-console.log', { path: consoleLog, contentType: 'text/plain' });
  const errors = readFileSync(consoleLog, 'utf8')
    .split('\n')
    .filter((l) => /^\[(error|pageerror)\]/.test(l) && /simFleet|SIM Fleet|dist\/(extension|webview)|Extension Host/.test(l))
    .slice(-8);
  if (errors.length) console.log(`    ${name}: browser console errors:\n      ${errors.join('\n      ')}`);
}

async function shoot(page: Page, file: string, target?: ShotTarget) {
  if (!target) return page.screenshot({ path: file });
  if ('clip' in target) return page.screenshot({ path: file, clip: target.clip });
  if (Array.isArray(target)) {
    // The union of several elements' boxes (e.g. the sidebar and an open menu).
    const boxes = (await Promise.all(target.map((l) => l.boundingBox()))).filter((b) => b !== null);
    const x = Math.max(0, Math.min(...boxes.map((b) => b.x)));
    const y = Math.max(0, Math.min(...boxes.map((b) => b.y)));
    const right = Math.max(...boxes.map((b) => b.x + b.width));
    const bottom = Math.max(...boxes.map((b) => b.y + b.height));
    return page.screenshot({ path: file, clip: { x, y, width: right - x, height: bottom - y } });
  }
  return target.screenshot({ path: file });
}

/** Drags the sash at the sidebar's right edge, as a person widens the view. */
async function setSidebarWidth(page: Page, width: number) {
  const side = sidebar(page);
  // The sidebar is laid out only once a view container is open; the Explorer is, at start.
  if (!(await side.waitFor({ state: 'visible', timeout: 30_000 }).then(() => true, () => false))) return;
  const box = await side.boundingBox();
  if (!box) return;
  const edge = box.x + box.width;
  const sashes = await page.locator('.monaco-sash.vertical').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, h: r.height };
    }),
  );
  const sash = sashes.find((s) => s.h > 100 && Math.abs(s.x - edge) < 6);
  if (!sash) return;
  await page.mouse.move(sash.x, sash.y);
  await page.mouse.down();
  await page.mouse.move(sash.x + (box.x + width - edge) / 2, sash.y, { steps: 4 });
  await page.mouse.move(box.x + width, sash.y, { steps: 4 });
  await page.mouse.up();
}
