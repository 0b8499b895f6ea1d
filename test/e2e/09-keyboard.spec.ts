// Keyboard only: browse, resume and open detail and usage without touching the mouse. The view is
// focused with a command from F1, rows are walked with the arrow keys, groups open with Right, the
// context menu opens with Shift+F10, and the webview buttons are reached with Tab and pressed with
// Enter or Space.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './lib/fixtures';
import {
  answerFileDialog,
  contextMenu,
  dialog,
  editorPart,
  findRow,
  openFleetView,
  readRows,
  runCommand,
  sidebar,
  viewDescription,
  waitForGroups,
  waitForNotification,
  waitForQuickInput,
  waitForWebview,
  webviewFrame,
  type Row,
} from './lib/workbench';

test.use({ demo: true });

const focusedRow = async (page: Page) => (await readRows(page)).find((r) => r.focused);

/** Presses `key` until the focused row satisfies `want` (at most `max` times). */
async function pressUntil(page: Page, key: string, want: (row: Row) => boolean, max = 30) {
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
async function tabTo(page: Page, name: string, max = 40) {
  const frame = webviewFrame(page);
  for (let i = 0; i < max; i++) {
    const focused = await frame
      .locator(':focus')
      .first()
      .evaluate((e) => e.getAttribute('aria-label') || e.textContent?.trim() || '', null, { timeout: 500 })
      .catch(() => '');
    if (focused === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${name}"`);
}

test('keyboard only: browse, filter, resume, detail, usage and CSV without the mouse', async ({ page, journey }) => {
  await test.step('F1 → focus the Cards view; arrows and Right open "In use"', async () => {
    // Opening the view container once lets the demo load (the welcome needs the view to exist).
    await openFleetView(page);
    await waitForGroups(page);
    await runCommand(page, 'SIM Fleet: Focus on Cards View');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[role=tree]')?.getAttribute('aria-label')), { message: 'the Cards tree to have focus' })
      .toBe('Cards');
    await page.keyboard.press('Home');
    await pressUntil(page, 'ArrowDown', (r) => r.name.startsWith('In use:'));
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await focusedRow(page))?.expanded, { message: '"In use" expanded' }).toBe('true');
    await expect.poll(async () => (await readRows(page)).some((r) => r.level === 2), { message: 'its cards' }).toBe(true);
    await page.keyboard.press('ArrowDown');
    const row = await focusedRow(page);
    // A card Needs attention names says its reasons after its status.
    expect(row?.name, 'focus on the first card').toMatch(/^Card .*, In use(, .+)?$/);
    // End goes to the last row ("Dismantled"); the row above it ends "In use".
    await page.keyboard.press('End');
    await expect.poll(async () => (await focusedRow(page))?.name, { message: 'End to reach the last group' }).toMatch(/^Dismantled:/);
    const last = await pressUntil(page, 'ArrowUp', (r) => r.name.startsWith('Load more'), 3);
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    let after: Row | undefined;
    await expect(async () => {
      await page.keyboard.press('End');
      after = await pressUntil(page, 'ArrowUp', (x) => x.name.startsWith('Load more') || x.name.startsWith('Card '), 3);
      expect(`${after.name} [${after.description}]`, 'Enter on "Load more" to load the next page').toMatch(/^Load more.*\[200 of/);
    }).toPass();
    journey.log(`now ${after?.description}`);
    journey.log(`loaded more after ${last.description}`);
    await journey.screenshot('tree-keyboard', sidebar(page));
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await pressUntil(page, 'ArrowDown', (r) => r.name.startsWith('In use:'));
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await focusedRow(page))?.expanded, { message: '"In use" collapsed with Left' }).toBe('false');
  });

  await test.step('filter and clear from F1 with the keyboard', async () => {
    await runCommand(page, 'SIM Fleet: Filter Cards…');
    await waitForQuickInput(page, /Filter Cards/);
    await page.keyboard.type('Card type');
    await page.keyboard.press('Enter');
    await waitForQuickInput(page, /Card type/);
    await page.keyboard.type('eSIM');
    await page.keyboard.press('Enter');
    await expect.poll(() => viewDescription(page), { message: 'the description to show the eSIM filter' }).toContain('eSIM');
    await runCommand(page, 'SIM Fleet: Clear Filter');
    await expect.poll(() => viewDescription(page), { message: 'the filter cleared' }).toBe('');
  });

  let label = '';
  await test.step('Shift+F10 on a deactivated card → Resume Card → Enter confirms', async () => {
    await runCommand(page, 'SIM Fleet: Focus on Cards View');
    await page.keyboard.press('Home');
    await pressUntil(page, 'ArrowDown', (r) => r.name.startsWith('Deactivated:'));
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await readRows(page)).some((r) => /, Deactivated(, .+)?$/.test(r.name)), { message: 'deactivated cards' }).toBe(true);
    for (let tries = 0; tries < 8 && !label; tries++) {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Shift+F10');
      await contextMenu(page).getByRole('menuitem').first().waitFor();
      const items = (await contextMenu(page).getByRole('menuitem').allInnerTexts()).map((s) => s.trim());
      if (items.includes('Resume Card')) {
        label = (await focusedRow(page))?.label ?? '';
        await journey.screenshot('context-menu-shift-f10', [sidebar(page), contextMenu(page)]);
        // The menu opens with no item focused; Down walks to the first (Resume Card).
        await page.keyboard.press('ArrowDown');
        await expect(contextMenu(page).locator('.action-item.focused'), 'Resume Card focused').toHaveText('Resume Card', { useInnerText: true });
        await page.keyboard.press('Enter');
      } else {
        await page.keyboard.press('Escape');
      }
    }
    expect(label, 'a resumable card was found with the keyboard').not.toBe('');
    await dialog(page).waitFor();
    await expect(dialog(page), 'the dialog names the card').toContainText(`Resume card ${label}?`, { useInnerText: true });
    await page.keyboard.press('Enter');
    await dialog(page).waitFor({ state: 'hidden' });
    await waitForNotification(page, new RegExp(`Card ${label}: resume completed`), 45_000);
    await expect.poll(() => findRow(page, label), { message: 'the card to leave "Deactivated"' }).toBeUndefined();
  });

  await test.step('Enter on a card opens its detail; Tab to "Open usage", Enter', async () => {
    await runCommand(page, 'SIM Fleet: Focus on Cards View');
    await page.keyboard.press('Home');
    await pressUntil(page, 'ArrowDown', (r) => r.name.startsWith('Deactivated:'));
    await page.keyboard.press('ArrowDown');
    const card = await focusedRow(page);
    expect(card?.level, 'on a card').toBe(2);
    await page.keyboard.press('Enter');
    await waitForWebview(page, new RegExp(card?.label ?? ''));
    // Into the panel: the editor gets focus from the keyboard as well.
    await runCommand(page, 'View: Focus Active Editor Group');
    await tabTo(page, 'Open usage');
    await page.keyboard.press('Enter');
    await waitForWebview(page, /Daily traffic/);
    await expect(webviewFrame(page).locator('#app'), 'usage loaded').toHaveAttribute('aria-busy', 'false');
  });

  await test.step('in the usage panel: Space on "Show tables", Enter on "Export CSV"', async () => {
    await runCommand(page, 'View: Focus Active Editor Group');
    await tabTo(page, 'Show tables');
    await page.keyboard.press('Space');
    await webviewFrame(page).getByRole('button', { name: 'Show charts' }).waitFor();
    await journey.screenshot('usage-tables-keyboard', editorPart(page));
    await expect(webviewFrame(page).locator('canvas'), 'tables instead of charts').toHaveCount(0);
    await tabTo(page, 'Export CSV');
    await page.keyboard.press('Enter');
    await waitForQuickInput(page, /Export usage as CSV|Save As/i);
    const target = path.join(journey.workspace, 'keyboard', 'usage.csv');
    mkdirSync(path.dirname(target), { recursive: true });
    await answerFileDialog(page, target);
    await waitForNotification(page, /Usage exported to/);
    await expect.poll(() => existsSync(target), { message: 'the CSV file' }).toBe(true);
    expect(readFileSync(target, 'utf8').replace(/^\ufeff/, ''), 'the CSV has its header').toMatch(/^Section,sim_card_id,Card,/);
  });
});
