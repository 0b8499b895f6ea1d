// What a person does in the VS Code workbench, as functions over a Playwright page: open the
// SIM Fleet view, read and click tree rows, answer quick inputs, use context menus, dialogs and
// notifications, and reach into webview panels. Every wait is a locator wait or a poll with a
// time limit, never a fixed sleep.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const isMac = process.platform === 'darwin';
export const MOD = isMac ? 'Meta' : 'Control';

/** Polls `fn` until it returns a truthy value (which is returned) or the time runs out. */
export async function until(fn, { timeout = 30_000, interval = 200, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastErr;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (err) {
      lastErr = err;
    }
    if (Date.now() > deadline) {
      const why = lastErr ? ` (last error: ${lastErr.message?.split('\n')[0]})` : last !== undefined ? ` (last value: ${JSON.stringify(last)})` : '';
      throw new Error(`timed out after ${timeout / 1000} s waiting for ${message}${why}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

export function check(cond, message) {
  if (!cond) throw new Error(`check failed: ${message}`);
}

// --- the SIM Fleet view ----------------------------------------------------------------------

export const activityEntry = (page) => page.locator('.activitybar a[aria-label^="SIM Fleet"], .activitybar [role=tab][aria-label^="SIM Fleet"]').first();
export const sidebar = (page) => page.locator('#workbench\\.parts\\.sidebar');
export const cardsTree = (page) => sidebar(page).locator('[role=tree][aria-label="Cards"]');
export const treeRows = (page) => cardsTree(page).locator('[role=treeitem]');
export const welcome = (page) => sidebar(page).locator('.welcome-view-content');

/** Waits for the workbench and the SIM Fleet activity-bar entry (the extension's contribution). */
export async function waitForWorkbench(page, timeout = 120_000) {
  await page.locator('.monaco-workbench').waitFor({ timeout });
  await activityEntry(page).waitFor({ timeout });
}

/** Opens the SIM Fleet view container from the activity bar (a no-op when it is open). */
export async function openFleetView(page) {
  const entry = activityEntry(page);
  await entry.waitFor();
  const open = async () =>
    (await sidebar(page).isVisible()) && (await sidebar(page).locator('.composite.title').innerText({ timeout: 1_000 }).catch(() => '')).toUpperCase().includes('SIM FLEET');
  await until(async () => {
    if (await open()) return true;
    // The entry toggles the container; click only when it is not the one showing.
    if ((await entry.getAttribute('aria-expanded')) !== 'true' && !(await entry.evaluate((e) => e.closest('.checked, .active') !== null))) await entry.click();
    await page.waitForTimeout(300);
    return open();
  }, { message: 'the SIM Fleet view to open' });
}

/** Developer: Reload Window, then waits for the new workbench. */
export async function reloadWindow(page) {
  const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60_000 });
  await runCommand(page, 'Developer: Reload Window');
  await navigated;
  await page.waitForLoadState('domcontentloaded');
  await waitForWorkbench(page);
}

/** The row of a status group, e.g. group(page, 'In use'). */
export const group = (page, word) => cardsTree(page).getByRole('treeitem', { name: new RegExp(`^${escapeRe(word)}: [\\d,]+ cards$`) });
/** The row of a card by its label (ICCID or container id). */
export const cardRow = (page, label) => cardsTree(page).getByRole('treeitem', { name: new RegExp(`^Card ${escapeRe(label)},`) });
/** Every card row on screen. */
export const cardRows = (page) => cardsTree(page).getByRole('treeitem', { name: /^Card / });

export function escapeRe(s) {
  return String(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What the rows on screen say: accessible name, label, description, level, expanded, selected. */
export async function readRows(page) {
  return treeRows(page).evaluateAll((els) =>
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
export async function findRow(page, label) {
  return (await readRows(page)).find((r) => r.label === label);
}

// The list scrolls a fixed step per wheel event, whatever the delta; a page is several notches.
const WHEEL_STEP_PX = 50;

async function wheelTree(page, pixels) {
  const tree = cardsTree(page);
  const box = await tree.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
  const notches = Math.max(1, Math.ceil(Math.abs(pixels) / WHEEL_STEP_PX));
  for (let i = 0; i < notches; i++) await page.mouse.wheel(0, Math.sign(pixels) * 100);
}

const rowsTop = (page) => cardsTree(page).locator('.monaco-list-rows').first().evaluate((e) => e.style.top);

/**
 * Scrolls the tree with the mouse wheel (the list renders only the rows in view) until `want(row)`
 * holds for a rendered row; `direction` 1 scrolls down, -1 up. Returns the row, or undefined at the end.
 */
export async function scrollTreeUntil(page, want, { direction = 1, maxSteps = 80 } = {}) {
  const box = await cardsTree(page).boundingBox();
  let lastTop;
  for (let i = 0; i < maxSteps; i++) {
    const hit = (await readRows(page)).find(want);
    if (hit) return hit;
    const top = await rowsTop(page);
    if (top === lastTop) return undefined;
    lastTop = top;
    await wheelTree(page, direction * Math.max(WHEEL_STEP_PX, box.height - 80));
    await until(async () => (await rowsTop(page)) !== top, { timeout: 1_000, interval: 50 }).catch(() => undefined);
  }
  return undefined;
}

/** Scrolls the tree back to its top. */
export async function scrollTreeToTop(page) {
  await scrollTreeUntil(page, (r) => r.index === 0, { direction: -1, maxSteps: 200 });
}

/** Collapses an expanded group by clicking its row (it must be on screen). */
export async function collapseGroup(page, word) {
  const row = group(page, word);
  if ((await row.getAttribute('aria-expanded')) === 'true') await row.click();
  await until(async () => (await row.getAttribute('aria-expanded')) === 'false', { message: `${word} collapsed` });
}

/** Fails when an error notification is on screen (for example a tree refresh error), naming it. */
export async function checkNoErrorToasts(page, allowed = /$^/) {
  const errors = await page
    .locator('.notifications-toasts .notification-toast')
    .filter({ has: page.locator('.codicon-error') })
    .locator('.notification-list-item-message')
    .allInnerTexts();
  const unexpected = errors.filter((e) => !allowed.test(e));
  if (unexpected.length) throw new Error(`error notification(s) on screen: ${unexpected.map((e) => JSON.stringify(e)).join('; ')}`);
}

/** Group counts as numbers, from the group rows' accessible names ("In use: 676 cards"). */
export async function groupCounts(page) {
  const rows = await readRows(page);
  const counts = {};
  for (const r of rows) {
    const m = /^(.+): ([\d,]+) cards$/.exec(r.name);
    if (m && r.level === 1) counts[m[1]] = Number(m[2].replace(/,/g, ''));
  }
  return counts;
}

/** Waits until the tree shows the six status groups; returns their counts. */
export async function waitForGroups(page, timeout = 60_000) {
  return until(async () => {
    const c = await groupCounts(page);
    return Object.keys(c).length === 6 ? c : undefined;
  }, { timeout, message: 'the six status groups' });
}

/** Expands a group (click on its twistie) and waits until its first child row appears. */
export async function expandGroup(page, word) {
  const row = group(page, word);
  await row.waitFor();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await until(async () => (await row.getAttribute('aria-expanded')) === 'true', { message: `${word} expanded` });
  await until(async () => {
    const rows = await readRows(page);
    const i = rows.findIndex((r) => r.name.startsWith(`${word}:`));
    return i >= 0 && rows[i + 1]?.level === 2;
  }, { message: `the cards of ${word}` });
}

/** The view's description (filter/sort summary), shown next to the title. */
export async function viewDescription(page) {
  const title = sidebar(page).locator('.composite.title, .pane-header').locator('.description, .title-description');
  const texts = await title.allInnerTexts().catch(() => []);
  return texts.join(' ').trim();
}

/** The text of a row's hover (tooltip), by resting the pointer on the row; checks it is that row's hover. */
export async function hoverText(page, row) {
  const label = (await row.locator('.label-name').first().textContent()).trim();
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

export const contextMenu = (page) => page.locator('.context-view .monaco-menu');

/** Right-clicks `target` and chooses `item` from its context menu. */
export async function contextMenuChoose(page, target, item) {
  await target.click({ button: 'right' });
  const entry = contextMenu(page).getByRole('menuitem', { name: item, exact: true });
  await entry.waitFor();
  await entry.hover();
  await until(async () => (await entry.getAttribute('class'))?.includes('focused') || (await entry.evaluate((e) => e.matches(':hover, :focus, .focused, [aria-selected]'))), {
    timeout: 5_000,
    message: `menu item "${item}" under the pointer`,
  }).catch(() => undefined);
  await entry.click();
  await contextMenu(page).waitFor({ state: 'hidden', timeout: 5_000 });
}

/** The context menu's items for `target` (and closes it). */
export async function contextMenuItems(page, target) {
  await target.click({ button: 'right' });
  await contextMenu(page).getByRole('menuitem').first().waitFor();
  const items = await contextMenu(page).getByRole('menuitem').allInnerTexts();
  await page.keyboard.press('Escape');
  return items.map((s) => s.trim()).filter(Boolean);
}

export const dialog = (page) => page.locator('.monaco-dialog-box');

/** Waits for a modal dialog; returns its message and detail text. */
export async function readDialog(page) {
  const box = dialog(page);
  await box.waitFor();
  return box.innerText();
}

export async function dialogChoose(page, button) {
  const b = dialog(page).locator('.dialog-buttons .monaco-button, .dialog-buttons a', { hasText: button }).first();
  await b.click();
  await dialog(page).waitFor({ state: 'hidden' });
}

export const toasts = (page) => page.locator('.notifications-toasts .notification-toast');

/** Waits for a notification whose text matches; returns its text. */
export async function waitForNotification(page, re, timeout = 30_000) {
  const toast = toasts(page).filter({ hasText: re }).first();
  await toast.waitFor({ timeout });
  return (await toast.locator('.notification-list-item-message').innerText().catch(() => toast.innerText())).trim();
}

/** Every notification's message, from the toasts and the notification center. */
export async function allNotifications(page) {
  return page.locator('.notification-list-item-message').allInnerTexts();
}

export async function clearNotifications(page) {
  await runCommand(page, 'Notifications: Clear All Notifications').catch(() => undefined);
}

// --- command palette and quick inputs ----------------------------------------------------------

export const quickInput = (page) => page.locator('.quick-input-widget');
const quickInputBox = (page) => quickInput(page).locator('.quick-input-box input');

/** F1, type the command's title, Enter on the row that is exactly that command. */
export async function runCommand(page, title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await quickInputBox(page).waitFor();
  await quickInputBox(page).fill(`>${title}`);
  const name = new RegExp(`^${escapeRe(title)}(,|$| )`);
  await quickInput(page).getByRole('option', { name }).first().waitFor();
  // Recently used commands come first; walk down to the command if another one is on top.
  await until(async () => {
    const focused = (await quickInput(page).locator('.monaco-list-row.focused').first().getAttribute('aria-label', { timeout: 1_000 })) ?? '';
    if (name.test(focused)) return true;
    await page.keyboard.press('ArrowDown');
    return false;
  }, { timeout: 10_000, interval: 100, message: `"${title}" focused in the palette` });
  await page.keyboard.press('Enter');
}

/** Waits for a quick input (pick or input box) whose title or prompt matches. */
export async function waitForQuickInput(page, re, timeout = 30_000) {
  await until(async () => {
    if (!(await quickInput(page).isVisible())) return false;
    const text = await quickInput(page).locator('.quick-input-title, .quick-input-message, .quick-input-header').allInnerTexts();
    const placeholder = (await quickInputBox(page).getAttribute('placeholder')) ?? '';
    const aria = (await quickInputBox(page).getAttribute('aria-label')) ?? '';
    return re.test([...text, placeholder, aria].join('\n'));
  }, { timeout, message: `a quick input matching ${re}` });
}

/**
 * In an open quick pick, types `label` into the filter box and accepts the top item once its label
 * is `label` (or, with `match`, once the whole row's text matches).
 */
export async function pick(page, label, { title, match } = {}) {
  if (title) await waitForQuickInput(page, title);
  await quickInputBox(page).fill(label);
  await until(async () => {
    const row = quickInput(page).locator('.monaco-list-row.focused').first();
    if (match) return match.test((await row.innerText({ timeout: 1_000 }).catch(() => '')).replace(/\s+/g, ' '));
    const text = (await row.locator('.label-name, .monaco-icon-label').first().innerText({ timeout: 1_000 }).catch(() => '')).trim();
    return text === label || text.startsWith(label);
  }, { timeout: 15_000, message: `quick pick item "${label}"` });
  await page.keyboard.press('Enter');
}

/** In an open multi-select quick pick: checks the items with these labels, then OK. */
export async function pickMany(page, labels, { title } = {}) {
  if (title) await waitForQuickInput(page, title);
  for (const label of labels) {
    const row = quickInput(page).locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(label)}$`) }) }).first();
    await row.waitFor();
    const box = row.locator('input[type=checkbox], .quick-input-list-checkbox, .monaco-custom-toggle').first();
    await box.click();
  }
  await quickInput(page).locator('.quick-input-action .monaco-button, .quick-input-header .monaco-button', { hasText: 'OK' }).first().click();
}

/** Types into an open input box (after checking its title/prompt) and accepts. */
export async function answer(page, value, { title } = {}) {
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
export async function answerFileDialog(page, filePath) {
  await quickInputBox(page).fill(filePath);
  await until(async () => (await quickInputBox(page).inputValue()) === filePath, { message: 'the path typed' });
  await until(async () => {
    if (!(await quickInput(page).isVisible())) return true;
    await page.keyboard.press('Enter');
    await quickInput(page).waitFor({ state: 'hidden', timeout: 1_500 }).catch(() => undefined);
    return !(await quickInput(page).isVisible());
  }, { timeout: 20_000, interval: 300, message: 'the file dialog to accept the path' });
}

export async function waitForQuickInputClosed(page, timeout = 30_000) {
  await quickInput(page).waitFor({ state: 'hidden', timeout });
}

// --- editors and webview panels ----------------------------------------------------------------

export const activeTab = (page) => page.locator('.tabs-container .tab.active');
export const tab = (page, re) => page.locator('.tabs-container .tab').filter({ hasText: re });

/**
 * The content frame of the webview panel shown in the active editor group. Webviews are nested
 * iframes: the workbench's `iframe.webview` hosts `#active-frame`, which holds the page.
 */
export function webviewFrame(page) {
  return page.locator('iframe.webview.ready:visible').contentFrame().locator('iframe#active-frame').contentFrame();
}

/** Waits until the visible webview's page shows text matching `re`; returns the frame locator. */
export async function waitForWebview(page, re, timeout = 45_000) {
  const frame = webviewFrame(page);
  await frame.locator('body').filter({ hasText: re }).waitFor({ timeout });
  return frame;
}

/** The visible webview iframe element, for screenshots of the panel. */
export const webviewElement = (page) => page.locator('iframe.webview.ready:visible');

// --- files the workbench writes --------------------------------------------------------------

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    let st;
    try {
      st = statSync(full);
    } catch {
      continue;
    }
    if (st.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

export function filesUnder(dir) {
  return walk(dir);
}

/** The SIM Fleet output channel as written to disk (a log output channel has a file per window). */
export function fleetLogFiles(userDataDir) {
  return walk(path.join(userDataDir, 'logs')).filter((f) => /SIM Fleet\.log$/.test(f));
}

export function fleetLog(userDataDir) {
  return fleetLogFiles(userDataDir).map((f) => readFileSync(f, 'utf8')).join('\n');
}

/** The demo simulator's address, as the extension logs it when the demo starts. */
export async function demoEndpoint(userDataDir, timeout = 30_000) {
  return until(() => /Demo fleet running at (http:\/\/127\.0\.0\.1:\d+)/.exec(fleetLog(userDataDir))?.[1], {
    timeout,
    message: 'the demo endpoint in the SIM Fleet log',
  });
}

/** Calls the simulator's admin endpoint (`/__sim/...`), which only the test side uses. */
export async function simAdmin(endpoint, method, what, body) {
  const res = await fetch(`${endpoint}/__sim/${what}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} /__sim/${what}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}
