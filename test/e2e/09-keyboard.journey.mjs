// Keyboard only: browse, resume and open detail and usage without touching the mouse. The view is
// focused with a command from F1, rows are walked with the arrow keys, groups open with Right, the
// context menu opens with Shift+F10, and the webview buttons are reached with Tab and pressed with
// Enter or Space.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  answerFileDialog,
  check,
  contextMenu,
  dialog,
  findRow,
  openFleetView,
  readRows,
  runCommand,
  sidebar,
  until,
  viewDescription,
  waitForGroups,
  waitForNotification,
  waitForQuickInput,
  waitForWebview,
  webviewFrame,
} from './lib/workbench.mjs';

export const journey = {
  title: 'keyboard only: browse, filter, resume, detail, usage and CSV without the mouse',
  demo: true,
};

const focusedRow = async (page) => (await readRows(page)).find((r) => r.focused);

/** Presses `key` until the focused row satisfies `want` (at most `max` times). */
async function pressUntil(page, key, want, max = 30) {
  for (let i = 0; i < max; i++) {
    const row = await focusedRow(page);
    if (row && want(row)) return row;
    await page.keyboard.press(key);
  }
  const row = await focusedRow(page);
  if (row && want(row)) return row;
  throw new Error(`pressing ${key} never reached the row wanted (focused: ${row?.name})`);
}

/** Tabs through the webview until the focused element is the button named `name`. */
async function tabTo(page, name, max = 40) {
  const frame = webviewFrame(page);
  for (let i = 0; i < max; i++) {
    const focused = await frame.locator(':focus').first().evaluate((e) => e.getAttribute('aria-label') || e.textContent?.trim() || '', null, { timeout: 500 }).catch(() => '');
    if (focused === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${name}"`);
}

export async function run(fx) {
  const { page } = fx;
  await fx.step('F1 → focus the Cards view; arrows and Right open "In use"', async () => {
    // Opening the view container once lets the demo load (the welcome needs the view to exist).
    await openFleetView(page);
    await waitForGroups(page);
    await runCommand(page, 'SIM Fleet: Focus on Cards View');
    await until(async () => (await page.evaluate(() => document.activeElement?.closest('[role=tree]')?.getAttribute('aria-label'))) === 'Cards', { message: 'the Cards tree to have focus' });
    await page.keyboard.press('Home');
    await pressUntil(page, 'ArrowDown', (r) => r.name.startsWith('In use:'));
    await page.keyboard.press('ArrowRight');
    await until(async () => (await focusedRow(page))?.expanded === 'true', { message: '"In use" expanded' });
    await until(async () => (await readRows(page)).some((r) => r.level === 2), { message: 'its cards' });
    await page.keyboard.press('ArrowDown');
    const row = await focusedRow(page);
    check(row.name.startsWith('Card ') && row.name.endsWith(', In use'), `focus on the first card (${row.name})`);
    // End goes to the last row ("Dismantled"); the row above it ends "In use".
    await page.keyboard.press('End');
    await until(async () => (await focusedRow(page))?.name.startsWith('Dismantled:'), { message: 'End to reach the last group' });
    const last = await pressUntil(page, 'ArrowUp', (r) => r.name.startsWith('Load more'), 3);
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    const after = await until(async () => {
      await page.keyboard.press('End');
      const r = await pressUntil(page, 'ArrowUp', (x) => x.name.startsWith('Load more') || x.name.startsWith('Card '), 3);
      return r.name.startsWith('Load more') && r.description.startsWith('200 of') && r;
    }, { message: 'Enter on "Load more" to load the next page' });
    fx.log(`now ${after.description}`);
    fx.log(`loaded more after ${last.description}`);
    await fx.screenshot('tree-keyboard', sidebar(page));
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await pressUntil(page, 'ArrowDown', (r) => r.name.startsWith('In use:'));
    await page.keyboard.press('ArrowLeft');
    await until(async () => (await focusedRow(page))?.expanded === 'false', { message: '"In use" collapsed with Left' });
  });

  await fx.step('filter and clear from F1 with the keyboard', async () => {
    await runCommand(page, 'SIM Fleet: Filter Cards…');
    await waitForQuickInput(page, /Filter Cards/);
    await page.keyboard.type('Card type');
    await page.keyboard.press('Enter');
    await waitForQuickInput(page, /Card type/);
    await page.keyboard.type('eSIM');
    await page.keyboard.press('Enter');
    await until(async () => (await viewDescription(page)).includes('eSIM'), { message: 'the description to show the eSIM filter' });
    await runCommand(page, 'SIM Fleet: Clear Filter');
    await until(async () => (await viewDescription(page)) === '', { message: 'the filter cleared' });
  });

  let label;
  await fx.step('Shift+F10 on a deactivated card → Resume Card → Enter confirms', async () => {
    await runCommand(page, 'SIM Fleet: Focus on Cards View');
    await page.keyboard.press('Home');
    await pressUntil(page, 'ArrowDown', (r) => r.name.startsWith('Deactivated:'));
    await page.keyboard.press('ArrowRight');
    await until(async () => (await readRows(page)).some((r) => r.name.endsWith(', Deactivated')), { message: 'deactivated cards' });
    for (let tries = 0; tries < 8 && !label; tries++) {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Shift+F10');
      await contextMenu(page).getByRole('menuitem').first().waitFor();
      const items = (await contextMenu(page).getByRole('menuitem').allInnerTexts()).map((s) => s.trim());
      if (items.includes('Resume Card')) {
        label = (await focusedRow(page)).label;
        await fx.screenshot('context-menu-shift-f10', [sidebar(page), contextMenu(page)]);
        // The menu opens with no item focused; Down walks to the first (Resume Card).
        await page.keyboard.press('ArrowDown');
        await until(async () => (await contextMenu(page).locator('.action-item.focused').innerText().catch(() => '')).trim() === 'Resume Card', { message: 'Resume Card focused' });
        await page.keyboard.press('Enter');
      } else {
        await page.keyboard.press('Escape');
      }
    }
    check(label, 'a resumable card was found with the keyboard');
    await dialog(page).waitFor();
    check((await dialog(page).innerText()).includes(`Resume card ${label}?`), 'the dialog names the card');
    await page.keyboard.press('Enter');
    await dialog(page).waitFor({ state: 'hidden' });
    await waitForNotification(page, new RegExp(`Card ${label}: resume completed`), 45_000);
    await until(async () => !(await findRow(page, label)), { message: 'the card to leave "Deactivated"' });
  });

  await fx.step('Enter on a card opens its detail; Tab to "Open usage", Enter', async () => {
    await runCommand(page, 'SIM Fleet: Focus on Cards View');
    await page.keyboard.press('Home');
    await pressUntil(page, 'ArrowDown', (r) => r.name.startsWith('Deactivated:'));
    await page.keyboard.press('ArrowDown');
    const card = await focusedRow(page);
    check(card.level === 2, 'on a card');
    await page.keyboard.press('Enter');
    await waitForWebview(page, new RegExp(card.label));
    // Into the panel: the editor gets focus from the keyboard as well.
    await runCommand(page, 'View: Focus Active Editor Group');
    await tabTo(page, 'Open usage');
    await page.keyboard.press('Enter');
    await waitForWebview(page, /Daily traffic/);
    await until(async () => (await webviewFrame(page).locator('#app').getAttribute('aria-busy')) === 'false', { message: 'usage loaded' });
  });

  await fx.step('in the usage panel: Space on "Show tables", Enter on "Export CSV"', async () => {
    await runCommand(page, 'View: Focus Active Editor Group');
    await tabTo(page, 'Show tables');
    await page.keyboard.press('Space');
    await webviewFrame(page).getByRole('button', { name: 'Show charts' }).waitFor();
    await fx.screenshot('usage-tables-keyboard', page.locator('#workbench\\.parts\\.editor'));
    check((await webviewFrame(page).locator('canvas').count()) === 0, 'tables instead of charts');
    await tabTo(page, 'Export CSV');
    await page.keyboard.press('Enter');
    await waitForQuickInput(page, /Export usage as CSV|Save As/i);
    const target = path.join(fx.workspace, 'keyboard', 'usage.csv');
    mkdirSync(path.dirname(target), { recursive: true });
    await answerFileDialog(page, target);
    await waitForNotification(page, /Usage exported to/);
    await until(() => existsSync(target), { message: 'the CSV file' });
    check(readFileSync(target, 'utf8').replace(/^\ufeff/, '').startsWith('Section,sim_card_id,Card,'), 'the CSV has its header');
  });
}
