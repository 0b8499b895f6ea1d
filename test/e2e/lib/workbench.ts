// What a person does in the VS Code workbench, as functions over a Playwright page: open the
// SIM Fleet view, read and click tree rows, answer quick inputs, use context menus, dialogs and
// notifications, and reach into webview panels. Waiting is Playwright's: locator waits and
// assertions that retry, `expect.poll` where a value is read from many elements at once, and
// `toPass` where the page has to be nudged (a key pressed) between looks. Never a fixed sleep.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import type { SimulatorStats } from '../../../src/simulator/stats';

export const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

// --- the SIM Fleet view ----------------------------------------------------------------------

export const activityEntry = (page: Page) => page.locator('.activitybar a[aria-label^="SIM Fleet"], .activitybar [role=tab][aria-label^="SIM Fleet"]').first();
export const sidebar = (page: Page) => page.locator('#workbench\\.parts\\.sidebar');
export const cardsTree = (page: Page) => sidebar(page).locator('[role=tree][aria-label="Cards"]');
export const treeRows = (page: Page) => cardsTree(page).locator('[role=treeitem]');
export const welcome = (page: Page) => sidebar(page).locator('.welcome-view-content');
export const statusBar = (page: Page) => page.locator('.statusbar');

/** Waits for the workbench and the SIM Fleet activity-bar entry (the extension's contribution). */
export async function waitForWorkbench(page: Page, timeout = 120_000) {
  await page.locator('.monaco-workbench').waitFor({ timeout });
  await activityEntry(page).waitFor({ timeout });
}

/** Opens the SIM Fleet view container from the activity bar (a no-op when it is open). */
export async function openFleetView(page: Page) {
  const entry = activityEntry(page);
  await entry.waitFor();
  const title = sidebar(page).locator('.composite.title');
  const isOpen = async () => (await sidebar(page).isVisible()) && (await title.innerText({ timeout: 1_000 }).catch(() => '')).toUpperCase().includes('SIM FLEET');
  await expect(async () => {
    // The entry toggles the container; click only when it is not the one showing.
    if (!(await isOpen()) && (await entry.getAttribute('aria-expanded')) !== 'true' && !(await entry.evaluate((e) => e.closest('.checked, .active') !== null))) {
      await entry.click();
    }
    await expect(sidebar(page)).toBeVisible({ timeout: 1_000 });
    await expect(title).toContainText(/SIM Fleet/i, { timeout: 1_000 });
  }, 'the SIM Fleet view to open').toPass();
}

/** Developer: Reload Window, then waits for the new workbench. */
export async function reloadWindow(page: Page) {
  const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60_000 });
  await runCommand(page, 'Developer: Reload Window');
  await navigated;
  await page.waitForLoadState('domcontentloaded');
  await waitForWorkbench(page);
}

export function escapeRe(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The row of a status group, e.g. group(page, 'In use'). */
export const group = (page: Page, word: string) => cardsTree(page).getByRole('treeitem', { name: new RegExp(`^${escapeRe(word)}: [\\d,]+ cards$`) });
/** The row of a card by its label (ICCID or container id). */
export const cardRow = (page: Page, label: string) => cardsTree(page).getByRole('treeitem', { name: new RegExp(`^Card ${escapeRe(label)},`) });
/** Every card row on screen. */
export const cardRows = (page: Page) => cardsTree(page).getByRole('treeitem', { name: /^Card / });
/** The "Load more" row of an expanded group. */
export const loadMoreRow = (page: Page) => cardsTree(page).getByRole('treeitem', { name: /^Load more/ });

/** A tree row as a person reads it. */
export interface Row {
  /** Accessible name, e.g. "Card 8986…, In use" or "In use: 676 cards". */
  name: string;
  label: string;
  description: string;
  level: number;
  expanded: string | null;
  selected: boolean;
  focused: boolean;
  index: number;
}

/** What the rows on screen say: accessible name, label, description, level, expanded, selected. */
export async function readRows(page: Page): Promise<Row[]> {
  return readTreeRows(cardsTree(page));
}

/** The rows on screen of any tree of the container (the Work Orders or Pools view: see `viewTree`). */
export async function readTreeRows(tree: Locator): Promise<Row[]> {
  return tree.locator('[role=treeitem]').evaluateAll((els) =>
    els.map((e) => ({
      name: e.getAttribute('aria-label') ?? '',
      label: e.querySelector('.label-name')?.textContent ?? '',
      description: e.querySelector('.label-description')?.textContent ?? '',
      level: Number(e.getAttribute('aria-level')),
      expanded: e.getAttribute('aria-expanded'),
      selected: e.getAttribute('aria-selected') === 'true' || e.classList.contains('selected'),
      focused: e.classList.contains('focused'),
      index: Number(e.getAttribute('data-index')),
    })),
  );
}

/** The row on screen whose label is `label` (ICCID or container id), or undefined. */
export async function findRow(page: Page, label: string) {
  return (await readRows(page)).find((r) => r.label === label);
}

// The list scrolls a fixed step per wheel event, whatever the delta; a page is several notches.
const WHEEL_STEP_PX = 50;

async function treeBox(page: Page) {
  const box = await cardsTree(page).boundingBox();
  if (!box) throw new Error('the Cards tree is not on screen');
  return box;
}

async function wheelTree(page: Page, pixels: number) {
  const box = await treeBox(page);
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
  const notches = Math.max(1, Math.ceil(Math.abs(pixels) / WHEEL_STEP_PX));
  for (let i = 0; i < notches; i++) await page.mouse.wheel(0, Math.sign(pixels) * 100);
}

const rowsTop = (page: Page) => cardsTree(page).locator('.monaco-list-rows').first().evaluate((e) => (e as HTMLElement).style.top);

/**
 * Scrolls the tree with the mouse wheel (the list renders only the rows in view) until `want(row)`
 * holds for a rendered row; `direction` 1 scrolls down, -1 up. Returns the row, or undefined at the end.
 */
export async function scrollTreeUntil(page: Page, want: (row: Row) => boolean, { direction = 1, maxSteps = 80 } = {}) {
  const box = await treeBox(page);
  let lastTop: string | undefined;
  for (let i = 0; i < maxSteps; i++) {
    const hit = (await readRows(page)).find(want);
    if (hit) return hit;
    const top = await rowsTop(page);
    if (top === lastTop) return undefined;
    lastTop = top;
    await wheelTree(page, direction * Math.max(WHEEL_STEP_PX, box.height - 80));
    // The rows move within a moment, unless the list is at its end already (then the next look says so).
    await expect.poll(() => rowsTop(page), { timeout: 1_000, intervals: [50] }).not.toBe(top).catch(() => undefined);
  }
  return undefined;
}

/** Scrolls the tree back to its top. */
export async function scrollTreeToTop(page: Page) {
  await scrollTreeUntil(page, (r) => r.index === 0, { direction: -1, maxSteps: 200 });
}

/** Collapses an expanded group by clicking its row (it must be on screen). */
export async function collapseGroup(page: Page, word: string) {
  const row = group(page, word);
  if ((await row.getAttribute('aria-expanded')) === 'true') await row.click();
  await expect(row, `${word} collapsed`).toHaveAttribute('aria-expanded', 'false');
}

/** Fails when an error notification is on screen (for example a tree refresh error), naming it. */
export async function checkNoErrorToasts(page: Page, allowed = /$^/) {
  const errors = await toasts(page).filter({ has: page.locator('.codicon-error') }).locator('.notification-list-item-message').allInnerTexts();
  expect(errors.filter((e) => !allowed.test(e)), 'error notifications on screen').toEqual([]);
}

/** Cards per status group, by the group's word ("In use"). */
export type Counts = Record<string, number>;

/** Group counts as numbers, from the group rows' accessible names ("In use: 676 cards"). */
export async function groupCounts(page: Page): Promise<Counts> {
  const counts: Counts = {};
  for (const r of await readRows(page)) {
    const m = /^(.+): ([\d,]+) cards$/.exec(r.name);
    if (m && r.level === 1) counts[m[1]] = Number(m[2].replace(/,/g, ''));
  }
  return counts;
}

/** Waits until the group counts on screen satisfy `want`; returns them. */
export async function waitForCounts(page: Page, want: (counts: Counts) => boolean, message: string, timeout = 30_000) {
  let counts: Counts = {};
  await expect(async () => {
    counts = await groupCounts(page);
    expect(want(counts), `${message} (counts on screen: ${JSON.stringify(counts)})`).toBe(true);
  }).toPass({ timeout });
  return counts;
}

/** Waits until the tree shows the six status groups; returns their counts. */
export async function waitForGroups(page: Page, timeout = 60_000) {
  return waitForCounts(page, (c) => Object.keys(c).length === 6, 'the six status groups', timeout);
}

/** Expands a group (click on its twistie) and waits until its first child row appears. */
export async function expandGroup(page: Page, word: string) {
  const row = group(page, word);
  await row.waitFor();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await expect(row, `${word} expanded`).toHaveAttribute('aria-expanded', 'true');
  await expect
    .poll(
      async () => {
        const rows = await readRows(page);
        const i = rows.findIndex((r) => r.name.startsWith(`${word}:`));
        return i >= 0 ? rows[i + 1]?.level : undefined;
      },
      { message: `the cards of ${word} (a level-2 row under it)` },
    )
    .toBe(2);
}

/** The view's description (filter/sort summary), shown next to the title. */
export async function viewDescription(page: Page) {
  const title = sidebar(page).locator('.composite.title, .pane-header').locator('.description, .title-description');
  const texts = await title.allInnerTexts().catch(() => []);
  return texts.join(' ').trim();
}

/** The text of a row's hover (tooltip), by resting the pointer on the row; checks it is that row's hover. */
export async function hoverText(page: Page, row: Locator) {
  const label = ((await row.locator('.label-name').first().textContent()) ?? '').trim();
  const hover = page.locator('.workbench-hover, .monaco-hover').filter({ hasText: label });
  for (let attempt = 0; attempt < 3; attempt++) {
    // Off the tree first: a hover stays while the pointer moves between rows.
    await page.mouse.move(700, 420);
    await page.locator('.workbench-hover').first().waitFor({ state: 'hidden', timeout: 3_000 }).catch(() => undefined);
    await row.hover();
    try {
      await hover.first().waitFor({ timeout: 5_000 });
      return await hover.first().innerText();
    } catch {
      // The hover appears after a delay and only while the pointer rests; rest again.
    }
  }
  throw new Error(`no hover for ${label} appeared over its row`);
}

// --- context menus, dialogs, notifications ----------------------------------------------------

export const contextMenu = (page: Page) => page.locator('.context-view .monaco-menu');

/** Right-clicks `target` and chooses `item` from its context menu. */
export async function contextMenuChoose(page: Page, target: Locator, item: string) {
  await target.click({ button: 'right' });
  const entry = contextMenu(page).getByRole('menuitem', { name: item, exact: true });
  await entry.waitFor();
  await entry.hover();
  // The menu takes a moment to follow the pointer; a click before it does can land on nothing.
  await expect
    .poll(() => entry.evaluate((e) => e.classList.contains('focused') || e.matches(':hover, :focus, .focused, [aria-selected]')), { timeout: 5_000 })
    .toBe(true)
    .catch(() => undefined);
  await entry.click();
  await contextMenu(page).waitFor({ state: 'hidden', timeout: 5_000 });
}

/** The context menu's items for `target` (and closes it). */
export async function contextMenuItems(page: Page, target: Locator) {
  await target.click({ button: 'right' });
  await contextMenu(page).getByRole('menuitem').first().waitFor();
  const items = await contextMenu(page).getByRole('menuitem').allInnerTexts();
  await page.keyboard.press('Escape');
  return items.map((s) => s.trim()).filter(Boolean);
}

export const dialog = (page: Page) => page.locator('.monaco-dialog-box');

/** Waits for a modal dialog; returns its message and detail text. */
export async function readDialog(page: Page) {
  const box = dialog(page);
  await box.waitFor();
  return box.innerText();
}

export async function dialogChoose(page: Page, button: string) {
  const b = dialog(page).locator('.dialog-buttons .monaco-button, .dialog-buttons a', { hasText: button }).first();
  await b.click();
  await dialog(page).waitFor({ state: 'hidden' });
}

export const toasts = (page: Page) => page.locator('.notifications-toasts .notification-toast');

/** Waits for a notification whose text matches; returns its text. */
export async function waitForNotification(page: Page, re: RegExp, timeout = 30_000) {
  const toast = toasts(page).filter({ hasText: re }).first();
  await toast.waitFor({ timeout });
  return (await toast.locator('.notification-list-item-message').innerText().catch(() => toast.innerText())).trim();
}

/** Every notification's message, from the toasts and the notification center. */
export async function allNotifications(page: Page) {
  return page.locator('.notification-list-item-message').allInnerTexts();
}

export async function clearNotifications(page: Page) {
  await runCommand(page, 'Notifications: Clear All Notifications').catch(() => undefined);
}

// --- command palette and quick inputs ----------------------------------------------------------

export const quickInput = (page: Page) => page.locator('.quick-input-widget');
export const quickInputBox = (page: Page) => quickInput(page).locator('.quick-input-box input');

/** F1, type the command's title, Enter on the row that is exactly that command. */
export async function runCommand(page: Page, title: string) {
  const name = new RegExp(`^${escapeRe(title)}(,|$| )`);
  // The palette closes when something else takes the focus as it opens (a view refreshing after the
  // last command); nothing has run before Enter, so opening it again is what a person would do.
  await expect(async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await quickInputBox(page).waitFor({ timeout: 5_000 });
    await quickInputBox(page).fill(`>${title}`, { timeout: 5_000 });
    await quickInput(page).getByRole('option', { name }).first().waitFor({ timeout: 10_000 });
  }).toPass({ timeout: 45_000, intervals: [500] });
  // Recently used commands come first; walk down to the command if another one is on top.
  await expect(async () => {
    const focused = (await quickInput(page).locator('.monaco-list-row.focused').first().getAttribute('aria-label', { timeout: 1_000 })) ?? '';
    if (!name.test(focused)) await page.keyboard.press('ArrowDown');
    expect(focused, `"${title}" focused in the palette`).toMatch(name);
  }).toPass({ timeout: 10_000, intervals: [100] });
  await page.keyboard.press('Enter');
}

/** Waits for a quick input (pick or input box) whose title or prompt matches. */
export async function waitForQuickInput(page: Page, re: RegExp, timeout = 30_000) {
  await expect(async () => {
    await expect(quickInput(page)).toBeVisible({ timeout: 1_000 });
    const text = await quickInput(page).locator('.quick-input-title, .quick-input-message, .quick-input-header').allInnerTexts();
    const placeholder = (await quickInputBox(page).getAttribute('placeholder', { timeout: 1_000 })) ?? '';
    const aria = (await quickInputBox(page).getAttribute('aria-label', { timeout: 1_000 })) ?? '';
    expect([...text, placeholder, aria].join('\n'), 'the quick input on screen').toMatch(re);
  }).toPass({ timeout });
}

/**
 * In an open quick pick, types `label` into the filter box and accepts the top item once its label
 * starts with `label` (or, with `match`, once the whole row's text matches).
 */
export async function pick(page: Page, label: string, { title, match }: { title?: RegExp; match?: RegExp } = {}) {
  if (title) await waitForQuickInput(page, title);
  await quickInputBox(page).fill(label);
  const row = quickInput(page).locator('.monaco-list-row.focused').first();
  await expect
    .poll(
      async () =>
        match
          ? (await row.innerText({ timeout: 1_000 }).catch(() => '')).replace(/\s+/g, ' ')
          : (await row.locator('.label-name, .monaco-icon-label').first().innerText({ timeout: 1_000 }).catch(() => '')).trim(),
      { timeout: 15_000, message: `quick pick item "${label}" on top` },
    )
    .toMatch(match ?? new RegExp(`^${escapeRe(label)}`));
  await page.keyboard.press('Enter');
}

/** In an open multi-select quick pick: checks the items with these labels, then OK. */
export async function pickMany(page: Page, labels: string[], { title }: { title?: RegExp } = {}) {
  if (title) await waitForQuickInput(page, title);
  for (const label of labels) {
    // An item with an icon renders it before the label, with a space.
    const row = quickInput(page).locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRe(label)}$`) }) }).first();
    await row.waitFor();
    const box = row.locator('input[type=checkbox], .quick-input-list-checkbox, .monaco-custom-toggle').first();
    await box.click();
  }
  await quickInput(page).locator('.quick-input-action .monaco-button, .quick-input-header .monaco-button', { hasText: 'OK' }).first().click();
}

/** Types into an open input box (after checking its title/prompt) and accepts. */
export async function answer(page: Page, value: string, { title }: { title?: RegExp } = {}) {
  if (title) await waitForQuickInput(page, title);
  await quickInputBox(page).fill(value);
  // The box validates as it is typed; Enter is ignored while a validation message is shown.
  await page.keyboard.press('Enter');
}

/**
 * Answers VS Code's own save/open dialog as code-server shows it (the "simple file dialog": a quick
 * input holding a path): types the full path and accepts. The dialog reads the folder as the path
 * is typed and ignores Enter meanwhile, so acceptance is repeated until the dialog closes.
 */
export async function answerFileDialog(page: Page, filePath: string) {
  await quickInputBox(page).fill(filePath);
  await expect(quickInputBox(page), 'the path typed').toHaveValue(filePath);
  await expect(async () => {
    if (await quickInput(page).isVisible()) {
      await page.keyboard.press('Enter');
      await expect(quickInput(page), 'the file dialog to accept the path').toBeHidden({ timeout: 1_500 });
    }
  }).toPass({ timeout: 20_000, intervals: [300] });
}

export async function waitForQuickInputClosed(page: Page, timeout = 30_000) {
  await quickInput(page).waitFor({ state: 'hidden', timeout });
}

// --- editors and webview panels ----------------------------------------------------------------

export const activeTab = (page: Page) => page.locator('.tabs-container .tab.active');
export const tab = (page: Page, re: RegExp) => page.locator('.tabs-container .tab').filter({ hasText: re });
export const editorPart = (page: Page) => page.locator('#workbench\\.parts\\.editor');

/** Quick Open (Ctrl+P): types a workspace file's name and opens it, as a person does. */
export async function quickOpen(page: Page, fileName: string) {
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${MOD}+P`);
  await quickInputBox(page).waitFor();
  await quickInputBox(page).fill(fileName);
  await quickInput(page).getByRole('option', { name: new RegExp(escapeRe(fileName)) }).first().waitFor();
  await page.keyboard.press('Enter');
  await expect(activeTab(page), `${fileName} open in the editor`).toContainText(fileName);
}

/**
 * The content frame of the webview panel shown in the active editor group. Webviews are nested
 * iframes: the workbench's `iframe.webview` hosts `#active-frame`, which holds the page.
 */
export function webviewFrame(page: Page): FrameLocator {
  return page.locator('iframe.webview.ready:visible').contentFrame().locator('iframe#active-frame').contentFrame();
}

/**
 * Clicks a card's row and waits for its detail panel. On a loaded machine a click that lands while
 * the tree redraws only selects the row; a person then presses Enter on it, and so does this.
 */
export async function openCardFromTree(page: Page, label: string, timeout = 45_000) {
  const row = cardRow(page, label);
  await row.click();
  try {
    return await waitForWebview(page, new RegExp(escapeRe(label)), 10_000);
  } catch {
    await row.focus();
    await page.keyboard.press('Enter');
    return waitForWebview(page, new RegExp(escapeRe(label)), timeout);
  }
}

/** Waits until the visible webview's page shows text matching `re`; returns the frame locator. */
export async function waitForWebview(page: Page, re: RegExp, timeout = 45_000) {
  const frame = webviewFrame(page);
  await frame.locator('body').filter({ hasText: re }).waitFor({ timeout });
  return frame;
}

/** The visible webview iframe element, for screenshots of the panel. */
export const webviewElement = (page: Page) => page.locator('iframe.webview.ready:visible');

// --- files the workbench writes --------------------------------------------------------------

function walk(dir: string, out: string[] = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    let isDir: boolean;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      continue;
    }
    if (isDir) walk(full, out);
    else out.push(full);
  }
  return out;
}

export function filesUnder(dir: string) {
  return walk(dir);
}

/** The SIM Fleet output channel as written to disk (a log output channel has a file per window). */
export function fleetLogFiles(userDataDir: string) {
  return walk(path.join(userDataDir, 'logs')).filter((f) => /SIM Fleet\.log$/.test(f));
}

export function fleetLog(userDataDir: string) {
  return fleetLogFiles(userDataDir)
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
}

/** The demo simulator's address, as the extension logs it when the demo starts. */
export async function demoEndpoint(userDataDir: string, timeout = 30_000) {
  let endpoint: string | undefined;
  await expect
    .poll(() => (endpoint = /Demo fleet running at (http:\/\/127\.0\.0\.1:\d+)/.exec(fleetLog(userDataDir))?.[1]), {
      timeout,
      message: 'the demo endpoint in the SIM Fleet log',
    })
    .toBeTruthy();
  return endpoint as string;
}

/** Calls the simulator's admin endpoint (`/__sim/...`), which only the test side uses; `T` is the answer's shape. */
export async function simAdmin<T = unknown>(endpoint: string, method: string, what: string, body?: unknown): Promise<T> {
  const res = await fetch(`${endpoint}/__sim/${what}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} /__sim/${what}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The simulator's request counters. */
export function simStats(endpoint: string) {
  return simAdmin<SimulatorStats>(endpoint, 'GET', 'stats');
}

// --- the other views of the SIM Fleet container (Work Orders, Pools) -------------------------

/** A view's tree in the SIM Fleet container, by the view's name. */
export const viewTree = (page: Page, name: string) => sidebar(page).locator(`[role=tree][aria-label="${name}"]`);

const paneHeader = (page: Page, name: string) =>
  sidebar(page)
    .locator('.pane-header')
    .filter({ hasText: new RegExp(`^\\s*${escapeRe(name)}`, 'i') })
    .first();

/** Collapses a view of the SIM Fleet container (as a person does to give another view the room). */
export async function collapseViewPane(page: Page, name: string) {
  const header = paneHeader(page, name);
  await header.waitFor();
  await expect(async () => {
    if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
    await expect(header).toHaveAttribute('aria-expanded', 'false', { timeout: 2_000 });
  }, `the ${name} view to collapse`).toPass();
}

/** Expands a view of the SIM Fleet container (they start collapsed below Cards) and waits for its tree. */
export async function openViewPane(page: Page, name: string) {
  const header = paneHeader(page, name);
  await header.waitFor();
  await expect(async () => {
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    await expect(viewTree(page, name)).toBeVisible({ timeout: 2_000 });
  }, `the ${name} view to open`).toPass();
  return viewTree(page, name);
}
