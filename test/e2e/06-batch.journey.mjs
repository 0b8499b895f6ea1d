// Batch: select several cards with shift- and ctrl-click and stop them all at once; one of them was
// stopped (and resumed) minutes ago, so the service refuses it, and the summary says why and when
// to try again while the others go ahead.
import {
  MOD,
  cardRow,
  check,
  checkNoErrorToasts,
  collapseGroup,
  contextMenuChoose,
  dialogChoose,
  expandGroup,
  findRow,
  openFleetView,
  readDialog,
  readRows,
  sidebar,
  until,
  waitForGroups,
  waitForNotification,
} from './lib/workbench.mjs';

export const journey = {
  title: 'batch: shift/ctrl-click several cards, stop them, one refusal explained in the summary',
  demo: true,
};

async function actOnOne(fx, label, group, menu, button, done) {
  const { page } = fx;
  await expandGroup(page, group);
  await until(() => findRow(page, label), { message: `card ${label} in ${group}` });
  await contextMenuChoose(page, cardRow(page, label), menu);
  await readDialog(page);
  await dialogChoose(page, button);
  await waitForNotification(page, done, 45_000);
  await until(async () => !(await findRow(page, label)), { timeout: 20_000, message: `card ${label} to leave ${group}` });
  await collapseGroup(page, group);
}

export async function run(fx) {
  const { page } = fx;
  let first;
  await fx.step('stop a card, then resume it (both work orders complete)', async () => {
    await openFleetView(page);
    await waitForGroups(page);
    await expandGroup(page, 'In use');
    first = (await readRows(page)).find((r) => r.level === 2 && r.name.startsWith('Card ')).label;
    fx.log(`card stopped minutes ago: ${first}`);
    await actOnOne(fx, first, 'In use', 'Stop Card', 'Stop', new RegExp(`Card ${first}: stop completed`));
    await actOnOne(fx, first, 'Deactivated', 'Resume Card', 'Resume', new RegExp(`Card ${first}: resume completed`));
  });

  let picked;
  await fx.step('select four in-use cards: click, shift-click, ctrl-click', async () => {
    await expandGroup(page, 'In use');
    await until(() => findRow(page, first), { message: `card ${first} back in "In use"` });
    const cards = (await readRows(page)).filter((r) => r.level === 2 && r.name.startsWith('Card ') && r.label !== first);
    const [b, , d] = cards;
    // Clicking a card opens its detail panel too; the selection is what counts here.
    await cardRow(page, b.label).click();
    await cardRow(page, d.label).click({ modifiers: ['Shift'] });
    await cardRow(page, first).click({ modifiers: [MOD] });
    picked = await until(async () => {
      const sel = (await readRows(page)).filter((r) => r.selected).map((r) => r.label);
      return sel.length === 4 && sel;
    }, { message: 'four cards selected' });
    check(picked.includes(first) && picked.includes(b.label) && picked.includes(cards[1].label) && picked.includes(d.label), `the range and the added card are selected (${picked})`);
    await fx.screenshot('selection', sidebar(page));
  });

  await fx.step('Stop Card on the selection: one question for all four', async () => {
    await contextMenuChoose(page, cardRow(page, picked[picked.length - 1]), 'Stop Card');
    const text = await readDialog(page);
    check(text.includes('Stop 4 cards?'), `the dialog counts the cards (got: ${text})`);
    for (const label of picked) check(text.includes(label), `the dialog lists ${label}`);
    await fx.screenshot('batch-confirm', page.locator('.monaco-dialog-box'));
    await dialogChoose(page, 'Stop');
  });

  await fx.step('read the summary: 3 of 4 stopped, the refused one explained', async () => {
    const summary = await waitForNotification(page, /Stopped \d of 4 cards/);
    fx.log(summary);
    check(summary.startsWith('Stopped 3 of 4 cards.'), `three stopped (got: ${summary})`);
    check(new RegExp(`1 failed: ${first} — Same operation not allowed again within 5 minutes; try again after \\d\\d:\\d\\d`).test(summary), `the failure names the card, the reason and when to retry (got: ${summary})`);
    const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: /Stopped 3 of 4 cards/ });
    // Toasts slide in; shoot once it has settled where it stays.
    await until(async () => (await toast.evaluate((e) => getComputedStyle(e).opacity)) === '1', { timeout: 5_000, message: 'the toast to settle' }).catch(() => undefined);
    await fx.docShot('batch-summary', toast);
    const ended = await waitForNotification(page, /stop work orders ended/, 45_000);
    check(/3 completed, 0 failed/.test(ended), `the three work orders completed (got: ${ended})`);
    await checkNoErrorToasts(page);
  });
}
