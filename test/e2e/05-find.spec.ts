// Find: from the command palette, find a card by its ICCID, by its MSISDN and by its IMEI; each
// time the card is revealed (its group expanded, its page loaded) and selected in the tree.
import type { Page } from '@playwright/test';
import { expect, test, type Journey } from './lib/fixtures';
import {
  answer,
  cardRow,
  expandGroup,
  findRow,
  hoverText,
  openFleetView,
  readRows,
  reloadWindow,
  runCommand,
  scrollTreeUntil,
  sidebar,
  waitForGroups,
  waitForQuickInput,
  type Row,
} from './lib/workbench';

// Small pages, so the cards looked for are not all on a loaded page.
test.use({ demo: true, settings: { 'simFleet.pageSize': 10 } });

type Key = 'ICCID' | 'MSISDN' | 'IMEI';
interface Wanted {
  label: string;
  value: string;
  group: string;
}

function field(tooltip: string, name: string) {
  return new RegExp(`^${name}: (.+)$`, 'm').exec(tooltip)?.[1]?.trim();
}

async function findFromPalette(page: Page, journey: Journey, text: string, label: string, shotName: string) {
  await runCommand(page, 'SIM Fleet: Find Card…');
  await waitForQuickInput(page, /Find Card/);
  await answer(page, text);
  let row: Row | undefined;
  await expect
    .poll(async () => (row = await findRow(page, label))?.selected, { timeout: 30_000, message: `card ${label} revealed and selected after finding "${text}"` })
    .toBe(true);
  const selected = (await readRows(page)).filter((r) => r.selected).map((r) => r.label);
  expect(selected, 'only the found card is selected').toEqual([label]);
  // The tree has focus on it, so the keyboard continues from the found card.
  await expect(cardRow(page, label), 'the found card has the tree focus').toContainClass('focused');
  await journey.screenshot(shotName, sidebar(page));
  return row as Row;
}

test('find: a card by ICCID, MSISDN and IMEI from the palette is revealed and selected', async ({ page, journey }) => {
  const wanted: Partial<Record<Key, Wanted>> = {};
  await test.step('note three cards from their hovers (a person copies them from somewhere)', async () => {
    await openFleetView(page);
    await waitForGroups(page);
    // Cards from three groups, none on the first page the tree will show.
    const picks: Array<[string, Key, number]> = [
      ['Deactivated', 'ICCID', 0],
      ['Activatable', 'MSISDN', 1],
      ['In use', 'IMEI', 2],
    ];
    for (const [word, key, nth] of picks) {
      await expandGroup(page, word);
      await page.getByRole('treeitem', { name: /^Load more/ }).first().click();
      let rows: Row[] = [];
      await expect
        .poll(
          async () => {
            const all = await readRows(page);
            const start = all.findIndex((r) => r.name.startsWith(`${word}:`));
            rows = all.slice(start + 1).filter((r) => r.level === 2 && r.name.startsWith('Card '));
            return rows.length;
          },
          { message: `a second page of ${word}` },
        )
        .toBeGreaterThanOrEqual(20);
      // A card from the second page whose hover has the field.
      let found: Wanted | undefined;
      for (const r of rows.slice(12 + nth, 20)) {
        const value = field(await hoverText(page, cardRow(page, r.label)), key);
        if (value && (key !== 'MSISDN' || /^\d+$/.test(value)) && (key !== 'IMEI' || /^\d{15}$/.test(value))) {
          found = { label: r.label, value, group: word };
          break;
        }
      }
      expect(found, `a card in ${word} with an ${key}`).toBeDefined();
      wanted[key] = found;
      await page.mouse.move(5, 5);
      await sidebar(page).getByRole('button', { name: 'Collapse All' }).or(sidebar(page).locator('.action-label[aria-label="Collapse All"]')).first().click();
      await expect.poll(async () => (await readRows(page)).every((r) => r.level === 1), { message: 'all groups collapsed' }).toBe(true);
    }
    journey.log(JSON.stringify(wanted));
  });

  await test.step('reload the window so nothing is loaded but the counts', async () => {
    await reloadWindow(page);
    await openFleetView(page);
    await waitForGroups(page, 90_000);
    expect((await readRows(page)).every((r) => r.level === 1), 'only the groups are shown').toBe(true);
  });

  for (const key of ['ICCID', 'MSISDN', 'IMEI'] as const) {
    await test.step(`F1 → Find Card → type the ${key}`, async () => {
      const { label, value, group } = wanted[key] as Wanted;
      const row = await findFromPalette(page, journey, value, label, `found-by-${key.toLowerCase()}`);
      expect(row.name, `the card is listed in ${group}`).toContain(`, ${group}`);
    });
  }

  await test.step('the found card is under its own group', async () => {
    const { label, group } = wanted.IMEI as Wanted;
    const rows = await readRows(page);
    const at = rows.findIndex((r) => r.label === label);
    const parent = rows
      .slice(0, at)
      .reverse()
      .find((r) => r.level === 1);
    if (parent) expect(parent.name, `under ${group}`).toMatch(new RegExp(`^${group}:`));
    else expect(await scrollTreeUntil(page, (r) => r.level === 1 && r.name.startsWith(`${group}:`), { direction: -1 }), `${group} above the card`).toBeDefined();
  });
});
