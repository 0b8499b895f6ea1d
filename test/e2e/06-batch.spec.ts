// Batch: select several cards with shift- and ctrl-click and stop them all at once; one of them was
// stopped (and resumed) minutes ago, so the service refuses it, and the summary says why and when
// to try again while the others go ahead.
import type { Page } from '@playwright/test';
import { expect, test } from './lib/fixtures';
import {
  MOD,
  cardRow,
  checkNoErrorToasts,
  collapseGroup,
  contextMenuChoose,
  dialog,
  dialogChoose,
  expandGroup,
  findRow,
  openFleetView,
  readDialog,
  readRows,
  sidebar,
  toasts,
  waitForGroups,
  waitForNotification,
} from './lib/workbench';

test.use({ demo: true });

async function actOnOne(page: Page, label: string, group: string, menu: string, button: string, done: RegExp) {
  await expandGroup(page, group);
  await expect.poll(async () => (await findRow(page, label))?.label, { message: `card ${label} in ${group}` }).toBe(label);
  await contextMenuChoose(page, cardRow(page, label), menu);
  await readDialog(page);
  await dialogChoose(page, button);
  await waitForNotification(page, done, 45_000);
  await expect.poll(() => findRow(page, label), { timeout: 20_000, message: `card ${label} to leave ${group}` }).toBeUndefined();
  await collapseGroup(page, group);
}

test('batch: shift/ctrl-click several cards, stop them, one refusal explained in the summary', async ({ page, journey }) => {
  let first = '';
  await test.step('stop a card, then resume it (both work orders complete)', async () => {
    await openFleetView(page);
    await waitForGroups(page);
    await expandGroup(page, 'In use');
    first = (await readRows(page)).find((r) => r.level === 2 && r.name.startsWith('Card '))?.label ?? '';
    expect(first, 'a card in "In use"').not.toBe('');
    journey.log(`card stopped minutes ago: ${first}`);
    await actOnOne(page, first, 'In use', 'Stop Card', 'Stop', new RegExp(`Card ${first}: stop completed`));
    await actOnOne(page, first, 'Deactivated', 'Resume Card', 'Resume', new RegExp(`Card ${first}: resume completed`));
  });

  let picked: string[] = [];
  await test.step('select four in-use cards: click, shift-click, ctrl-click', async () => {
    await expandGroup(page, 'In use');
    await expect.poll(async () => (await findRow(page, first))?.label, { message: `card ${first} back in "In use"` }).toBe(first);
    const cards = (await readRows(page)).filter((r) => r.level === 2 && r.name.startsWith('Card ') && r.label !== first);
    const [b, c, d] = cards;
    // Clicking a card opens its detail panel too; the selection is what counts here.
    await cardRow(page, b.label).click();
    await cardRow(page, d.label).click({ modifiers: ['Shift'] });
    await cardRow(page, first).click({ modifiers: [MOD] });
    await expect
      .poll(async () => (picked = (await readRows(page)).filter((r) => r.selected).map((r) => r.label)).length, { message: 'four cards selected' })
      .toBe(4);
    expect([...picked].sort(), 'the range and the added card are selected').toEqual([first, b.label, c.label, d.label].sort());
    await journey.screenshot('selection', sidebar(page));
  });

  await test.step('Stop Card on the selection: one question for all four', async () => {
    await contextMenuChoose(page, cardRow(page, picked[picked.length - 1]), 'Stop Card');
    const text = await readDialog(page);
    expect(text, 'the dialog counts the cards').toContain('Stop 4 cards?');
    for (const label of picked) expect(text, `the dialog lists ${label}`).toContain(label);
    await journey.screenshot('batch-confirm', dialog(page));
    await dialogChoose(page, 'Stop');
  });

  await test.step('read the summary: 3 of 4 stopped, the refused one explained', async () => {
    const summary = await waitForNotification(page, /Stopped \d of 4 cards/);
    journey.log(summary);
    expect(summary, 'three stopped').toMatch(/^Stopped 3 of 4 cards\./);
    expect(summary, 'the failure names the card, the reason and when to retry').toMatch(
      new RegExp(`1 failed: ${first} — Same operation not allowed again within 5 minutes; try again after \\d\\d:\\d\\d`),
    );
    const toast = toasts(page).filter({ hasText: /Stopped 3 of 4 cards/ });
    // Toasts slide in; shoot once it has settled where it stays.
    await expect(toast).toHaveCSS('opacity', '1', { timeout: 5_000 }).catch(() => undefined);
    await journey.docShot('batch-summary', toast);
    const ended = await waitForNotification(page, /stop work orders ended/, 45_000);
    expect(ended, 'the three work orders completed').toMatch(/3 completed, 0 failed/);
    await checkNoErrorToasts(page);
  });
});
