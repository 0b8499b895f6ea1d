// Tagging a selection: select three cards in the tree, Add Tags… from the context menu, create a
// new tag on the way, confirm once for all three; the tag then shows in each card's tooltip and as
// a chip in the detail panel, where one click removes it from that card again.
import { expect, test } from './lib/fixtures';
import {
  answer,
  cardRow,
  checkNoErrorToasts,
  contextMenu,
  dialog,
  dialogChoose,
  editorPart,
  expandGroup,
  hoverText,
  MOD,
  openFleetView,
  pickMany,
  quickInput,
  readDialog,
  readRows,
  sidebar,
  toasts,
  waitForGroups,
  waitForNotification,
  waitForQuickInput,
  waitForWebview,
} from './lib/workbench';

test.use({ demo: true });

const TAG = 'field-trial';

test('tag a selection: Add Tags on three cards, see the tag in tooltips and the detail panel', async ({ page, journey }) => {
  let picked: string[] = [];
  await test.step('select three in-use cards: click, shift-click, ctrl-click', async () => {
    await openFleetView(page);
    await waitForGroups(page);
    await expandGroup(page, 'In use');
    const cards = (await readRows(page)).filter((r) => r.level === 2 && r.name.startsWith('Card ') && r.label.startsWith('8986'));
    const [a, b, , d] = cards;
    await cardRow(page, a.label).click();
    await cardRow(page, b.label).click({ modifiers: ['Shift'] });
    await cardRow(page, d.label).click({ modifiers: [MOD] });
    await expect.poll(async () => (picked = (await readRows(page)).filter((r) => r.selected).map((r) => r.label)).length, { message: 'three cards selected' }).toBe(3);
    journey.log(`selected ${picked.join(', ')}`);
  });

  await test.step('Add Tags… from the context menu: the menu offers every operation that applies', async () => {
    await cardRow(page, picked[0]).click({ button: 'right' });
    const entry = contextMenu(page).getByRole('menuitem', { name: 'Add Tags…', exact: true });
    await entry.waitFor();
    const items = (await contextMenu(page).getByRole('menuitem').allInnerTexts()).map((s) => s.trim());
    for (const item of ['Stop Card', 'Add Tags…', 'Set Custom Attribute…']) expect(items, `the menu offers ${item}`).toContain(item);
    await entry.hover();
    await journey.docShot('tag-menu', [sidebar(page), contextMenu(page)]);
    await entry.click();
  });

  await test.step('choose "New tag…", name it, and confirm once for the three cards', async () => {
    await waitForQuickInput(page, /Add Tags: choose the tags/);
    await pickMany(page, ['New tag…']);
    await answer(page, TAG, { title: /Add Tags: new tags/ });
    const text = await readDialog(page);
    expect(text, 'the question counts the cards and names the tag').toContain(`Add "${TAG}" to 3 cards?`);
    for (const label of picked) expect(text, `the question lists ${label}`).toContain(label);
    await journey.screenshot('tag-confirm', dialog(page));
    await dialogChoose(page, 'Add Tags');
    const summary = await waitForNotification(page, /Tags added to \d of 3 cards/);
    expect(summary, 'one request set the tag on all three').toMatch(/^Tags added to 3 of 3 cards\./);
    await checkNoErrorToasts(page);
    await expect(quickInput(page)).toBeHidden();
  });

  await test.step("hover a card: its tooltip lists the new tag", async () => {
    await expect(async () => {
      const tip = await hoverText(page, cardRow(page, picked[1]));
      expect(tip, 'the tooltip lists the tag').toContain(TAG);
    }).toPass({ timeout: 30_000 });
    // Toasts would cover the tree in the picture.
    await toasts(page).first().waitFor({ state: 'hidden', timeout: 20_000 }).catch(() => undefined);
    await cardRow(page, picked[1]).hover();
    await page.locator('.workbench-hover, .monaco-hover').filter({ hasText: TAG }).first().waitFor();
    await journey.docShot('tag-tooltip', sidebar(page));
  });

  await test.step('open the card: its tags are chips in the detail panel, each removable', async () => {
    await page.mouse.move(900, 500);
    await cardRow(page, picked[1]).click();
    const frame = await waitForWebview(page, new RegExp(TAG));
    const chip = frame.locator('.chip', { hasText: TAG });
    await expect(chip, 'the tag is a chip').toBeVisible();
    await expect(frame.getByRole('button', { name: `Remove tag ${TAG}` }), 'with a labelled remove button').toBeVisible();
    await expect(frame.getByRole('heading', { name: 'SMS' }), 'the SMS history section').toBeVisible();
    await journey.docShot('tag-detail', editorPart(page));
  });

  await test.step('remove the tag from this card alone, from its chip', async () => {
    const frame = await waitForWebview(page, new RegExp(TAG));
    await frame.getByRole('button', { name: `Remove tag ${TAG}` }).click();
    expect(await readDialog(page), 'the question names the tag and the card').toContain(`Remove "${TAG}" from card ${picked[1]}?`);
    await dialogChoose(page, 'Remove Tags');
    await waitForNotification(page, new RegExp(`Tags removed from card ${picked[1]}`));
    await expect(frame.locator('.chip', { hasText: TAG }), 'the chip is gone once the card is read again').toHaveCount(0, { timeout: 20_000 });
    await checkNoErrorToasts(page);
  });
});
