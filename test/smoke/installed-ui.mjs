// The package smoke test's UI check: in a workbench that loads SIM Fleet only as installed from the
// .vsix (no development path) and opens on the demo fleet (SIM_FLEET_DEMO=1), a person finds the
// activity-bar entry, the six status groups with their counts, the cards of a group, and a card's
// detail panel rendered by the packaged webview bundle.
//
// Self-contained on purpose: a few selectors and waits in the same spirit as the UI journeys'
// helpers, so this check does not move when the journeys do. Every wait is a locator wait or a poll
// with a time limit, never a fixed sleep.
import * as path from 'node:path';

const STATUS_GROUPS = ['Testable', 'Inactive', 'Activatable', 'Deactivated', 'In use', 'Dismantled'];

/** Polls `fn` until it returns a truthy value (which is returned) or the time runs out. */
async function until(fn, { timeout = 30_000, interval = 200, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let lastErr;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (err) {
      lastErr = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout / 1000} s waiting for ${message}${lastErr ? ` (last error: ${lastErr.message?.split('\n')[0]})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

function need(cond, message) {
  if (!cond) throw new Error(message);
}

const escapeRe = (s) => String(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const activityEntry = (page) => page.locator('.activitybar a[aria-label^="SIM Fleet"], .activitybar [role=tab][aria-label^="SIM Fleet"]').first();
const sidebar = (page) => page.locator('#workbench\\.parts\\.sidebar');
const cardsTree = (page) => sidebar(page).locator('[role=tree][aria-label="Cards"]');
const groupRow = (page, word) => cardsTree(page).getByRole('treeitem', { name: new RegExp(`^${escapeRe(word)}: [\\d,]+ cards$`) });
const cardRow = (page, label) => cardsTree(page).getByRole('treeitem', { name: new RegExp(`^Card ${escapeRe(label)},`) });
// Webviews are nested iframes: the workbench's `iframe.webview` hosts `#active-frame`, which holds the page.
const webviewElement = (page) => page.locator('iframe.webview.ready:visible');
const webviewFrame = (page) => webviewElement(page).contentFrame().locator('iframe#active-frame').contentFrame();

/** The tree rows on screen: accessible name, label, level. */
function readRows(page) {
  return cardsTree(page)
    .locator('[role=treeitem]')
    .evaluateAll((els) => els.map((e) => ({ name: e.getAttribute('aria-label') ?? '', label: e.querySelector('.label-name')?.textContent ?? '', level: Number(e.getAttribute('aria-level')) })));
}

/** Status-group counts from the group rows' accessible names ("In use: 676 cards"). */
async function groupCounts(page) {
  const counts = {};
  for (const r of await readRows(page)) {
    const m = /^(.+): ([\d,]+) cards$/.exec(r.name);
    if (m && r.level === 1) counts[m[1]] = Number(m[2].replace(/,/g, ''));
  }
  return counts;
}

/**
 * Runs the checks in order through `step(title, fn)` (which records each outcome and returns whether
 * it passed); stops at the first failure, since each check needs the one before.
 */
export async function checkInstalledUi(page, { step, shotsDir, log = console.log }) {
  page.setDefaultTimeout(30_000);

  const shown = await step('the workbench shows the SIM Fleet activity-bar entry', async () => {
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    await activityEntry(page).waitFor({ timeout: 120_000 });
  });
  if (!shown) return;

  const grouped = await step('the Cards view opens with the six status groups and their counts', async () => {
    const entry = activityEntry(page);
    const open = async () => (await cardsTree(page).isVisible()) && (await sidebar(page).locator('.composite.title').innerText({ timeout: 1_000 }).catch(() => '')).toUpperCase().includes('SIM FLEET');
    await until(async () => {
      if (await open()) return true;
      // The entry toggles its container: click only while another one is showing.
      if ((await entry.getAttribute('aria-expanded')) !== 'true') await entry.click();
      return until(open, { timeout: 2_000 }).catch(() => false);
    }, { timeout: 60_000, message: 'the SIM Fleet view to open' });
    const counts = await until(async () => {
      const c = await groupCounts(page);
      return Object.keys(c).length === STATUS_GROUPS.length ? c : undefined;
    }, { timeout: 90_000, message: 'the six status groups' });
    log(`    ${STATUS_GROUPS.map((g) => `${g}: ${counts[g]}`).join(', ')}`);
    need(STATUS_GROUPS.every((g) => Number.isInteger(counts[g])), `groups shown: ${Object.keys(counts).join(', ')}`);
    need(Object.values(counts).reduce((a, b) => a + b, 0) > 0, 'every group is empty');
  });
  if (!grouped) return;

  let label;
  const expanded = await step('expanding "In use" lists its cards', async () => {
    label = await until(async () => {
      // Needs attention finishing its first run adds its group above the status groups; a click
      // that landed while the rows moved is made again, as a person would.
      const row = groupRow(page, 'In use');
      if ((await row.getAttribute('aria-expanded')) !== 'true') {
        await row.click();
        return undefined;
      }
      const rows = await readRows(page);
      const i = rows.findIndex((r) => r.name.startsWith('In use:'));
      const first = rows[i + 1];
      return i >= 0 && first?.level === 2 && first.name.startsWith('Card ') ? first.label : undefined;
    }, { timeout: 60_000, message: 'the cards of "In use"' });
    log(`    first card: ${label}`);
  });
  if (!expanded) return;

  await step("clicking a card opens its detail panel and the packaged webview renders it", async () => {
    const body = webviewFrame(page).locator('body');
    // As with "In use": a click that landed while Needs attention's rows moved is made again.
    await until(async () => {
      await cardRow(page, label).first().click();
      return body.filter({ hasText: 'Basic information' }).waitFor({ timeout: 5_000 }).then(() => true, () => undefined);
    }, { timeout: 60_000, message: `the detail panel of ${label}` });
    await body.filter({ hasText: label }).waitFor({ timeout: 10_000 });
    const shot = path.join(shotsDir, 'card-detail.png');
    await page.locator('#workbench\\.parts\\.editor').screenshot({ path: shot });
    log(`    screenshot: ${shot}`);
  });
}
