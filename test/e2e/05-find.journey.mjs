// Find: from the command palette, find a card by its ICCID, by its MSISDN and by its IMEI; each
// time the card is revealed (its group expanded, its page loaded) and selected in the tree.
import {
  answer,
  cardRow,
  check,
  expandGroup,
  findRow,
  hoverText,
  openFleetView,
  readRows,
  reloadWindow,
  runCommand,
  scrollTreeUntil,
  sidebar,
  until,
  waitForGroups,
  waitForQuickInput,
} from './lib/workbench.mjs';

export const journey = {
  title: 'find: a card by ICCID, MSISDN and IMEI from the palette is revealed and selected',
  demo: true,
  // Small pages, so the cards looked for are not all on a loaded page.
  settings: { 'simFleet.pageSize': 10 },
};

function field(tooltip, name) {
  return new RegExp(`^${name}: (.+)$`, 'm').exec(tooltip)?.[1]?.trim();
}

async function findFromPalette(fx, text, label, shotName) {
  const { page } = fx;
  await runCommand(page, 'SIM Fleet: Find Card…');
  await waitForQuickInput(page, /Find Card/);
  await answer(page, text);
  const row = await until(async () => {
    const r = await findRow(page, label);
    return r?.selected && r;
  }, { timeout: 30_000, message: `card ${label} revealed and selected after finding "${text}"` });
  check(row.selected, 'selected');
  const selected = (await readRows(page)).filter((r) => r.selected);
  check(selected.length === 1 && selected[0].label === label, `only the found card is selected (selected: ${selected.map((r) => r.label)})`);
  // The tree has focus on it, so the keyboard continues from the found card.
  check(await cardRow(page, label).evaluate((e) => e.classList.contains('focused')), 'the found card has the tree focus');
  if (shotName) await fx.screenshot(shotName, sidebar(page));
  return row;
}

export async function run(fx) {
  const { page } = fx;
  const wanted = {};
  await fx.step('note three cards from their hovers (a person copies them from somewhere)', async () => {
    await openFleetView(page);
    await waitForGroups(page);
    // Cards from three groups, none on the first page the tree will show.
    for (const [word, key, nth] of [['Deactivated', 'ICCID', 0], ['Activatable', 'MSISDN', 1], ['In use', 'IMEI', 2]]) {
      await expandGroup(page, word);
      const loadMore = page.getByRole('treeitem', { name: /^Load more/ });
      await loadMore.first().click();
      const rows = await until(async () => {
        const all = await readRows(page);
        const start = all.findIndex((r) => r.name.startsWith(`${word}:`));
        const mine = all.slice(start + 1).filter((r) => r.level === 2 && r.name.startsWith('Card '));
        return mine.length >= 20 && mine;
      }, { message: `a second page of ${word}` });
      // A card from the second page whose hover has the field.
      let found;
      for (const r of rows.slice(12 + nth, 20)) {
        const tip = await hoverText(page, cardRow(page, r.label));
        const value = field(tip, key);
        if (value && (key !== 'MSISDN' || /^\d+$/.test(value)) && (key !== 'IMEI' || /^\d{15}$/.test(value))) {
          found = { label: r.label, value, group: word };
          break;
        }
      }
      check(found, `a card in ${word} with an ${key}`);
      wanted[key] = found;
      await page.mouse.move(5, 5);
      await sidebar(page).getByRole('button', { name: 'Collapse All' }).or(sidebar(page).locator('.action-label[aria-label="Collapse All"]')).first().click();
      await until(async () => (await readRows(page)).every((r) => r.level === 1), { message: 'all groups collapsed' });
    }
    fx.log(JSON.stringify(wanted));
  });

  await fx.step('reload the window so nothing is loaded but the counts', async () => {
    await reloadWindow(page);
    await openFleetView(page);
    await waitForGroups(page, 90_000);
    check((await readRows(page)).every((r) => r.level === 1), 'only the groups are shown');
  });

  for (const key of ['ICCID', 'MSISDN', 'IMEI']) {
    await fx.step(`F1 → Find Card → type the ${key}`, async () => {
      const { label, value, group } = wanted[key];
      const row = await findFromPalette(fx, value, label, `found-by-${key.toLowerCase()}`);
      check(row.name.includes(`, ${group}`), `the card is listed in ${group} (${row.name})`);
    });
  }

  await fx.step('the found card is under its own group', async () => {
    const { label, group } = wanted.IMEI;
    const rows = await readRows(page);
    const at = rows.findIndex((r) => r.label === label);
    const parent = rows.slice(0, at).reverse().find((r) => r.level === 1);
    if (parent) check(parent.name.startsWith(`${group}:`), `under ${group} (under ${parent.name})`);
    else check(await scrollTreeUntil(page, (r) => r.level === 1 && r.name.startsWith(`${group}:`), { direction: -1 }), `${group} above the card`);
  });
}
