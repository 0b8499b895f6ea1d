// Browse: expand "In use", scroll to the end of its first page, "Load more", hover a card for its
// tooltip, filter by a tag and by a traffic range, sort by traffic used, clear the filter.
import type { Page } from '@playwright/test';
import { expect, test } from './lib/fixtures';
import {
  answer,
  cardRow,
  checkNoErrorToasts,
  collapseGroup,
  expandGroup,
  hoverText,
  loadMoreRow,
  openFleetView,
  pick,
  pickMany,
  readRows,
  runCommand,
  scrollTreeToTop,
  scrollTreeUntil,
  sidebar,
  viewDescription,
  waitForCounts,
  waitForGroups,
  waitForQuickInput,
  type Counts,
  type Row,
} from './lib/workbench';

test.use({ demo: true });

const mb = (text: string | undefined) => {
  const m = /(-?[\d.]+) (MB|GB|TB)/.exec(text ?? '');
  return m ? Number(m[1]) * { MB: 1, GB: 1024, TB: 1024 * 1024 }[m[2] as 'MB' | 'GB' | 'TB'] : NaN;
};
const field = (tooltip: string, name: string) => new RegExp(`^${name}: (.+)$`, 'm').exec(tooltip)?.[1]?.trim();

/** The first card rows under a group (the group must be expanded and on screen). */
async function cardsOf(page: Page, word: string) {
  const rows = await readRows(page);
  const start = rows.findIndex((r) => r.name.startsWith(`${word}:`));
  const out: Row[] = [];
  for (const r of rows.slice(start + 1)) {
    if (r.level !== 2) break;
    if (r.name.startsWith('Card ')) out.push(r);
  }
  return out;
}

const titleButton = (page: Page, name: string) => sidebar(page).locator(`.title-actions .action-label[aria-label^="${name}"], .actions .action-label[aria-label^="${name}"]`).first();

test('browse: expand, scroll, Load more, tooltip, filter by tag and traffic, sort, clear', async ({ page, journey }) => {
  let all: Counts = {};
  await test.step('expand "In use", scroll to the end of the first page', async () => {
    await openFleetView(page);
    all = await waitForGroups(page);
    await expandGroup(page, 'In use');
    const more = await scrollTreeUntil(page, (r) => r.name.startsWith('Load more'));
    expect(more, 'a "Load more" row at the end of the first page').toBeDefined();
    expect(more?.description, 'it says how many are shown').toBe(`100 of ${all['In use'].toLocaleString('en-US')} shown`);
    await journey.screenshot('load-more', sidebar(page));
  });

  await test.step('Load more: the next page joins the group', async () => {
    await loadMoreRow(page).click();
    await expect(async () => {
      const more = await scrollTreeUntil(page, (r) => r.name.startsWith('Load more') && r.description.startsWith('200 of'));
      expect(more?.description, 'the second page to load: 200 shown now').toBe(`200 of ${all['In use'].toLocaleString('en-US')} shown`);
    }).toPass();
    await checkNoErrorToasts(page);
  });

  await test.step('hover a card: its tooltip names its ICCID and details', async () => {
    const rows = (await readRows(page)).filter((r) => r.level === 2 && r.name.startsWith('Card ') && /^\d{19,20}$/.test(r.label));
    const card = rows[Math.floor(rows.length / 2)];
    const tip = await hoverText(page, cardRow(page, card.label));
    expect(field(tip, 'ICCID'), `the tooltip's ICCID is the card's (tooltip: ${tip})`).toBe(card.label);
    expect(field(tip, 'Status'), 'the tooltip gives the status').toBe('In use');
    expect(tip, 'the tooltip gives the traffic used').toMatch(/^Used: /m);
    expect(tip, 'the tooltip gives the plan').toMatch(/^Plan: /m);
    await journey.docShot('tooltip', [sidebar(page), page.locator('.workbench-hover').first()]);
    await page.mouse.move(700, 400);
    await scrollTreeToTop(page);
    await collapseGroup(page, 'In use');
  });

  let tagged: Counts = {};
  await test.step('filter by a tag (Filter Cards… → Tags → trackers)', async () => {
    expect(await viewDescription(page), 'no filter shown at first').toBe('');
    await titleButton(page, 'Filter Cards').click();
    await pick(page, 'Tags', { title: /Filter Cards/ });
    await waitForQuickInput(page, /Tags \(at most/);
    await pickMany(page, ['trackers']);
    await expect.poll(() => viewDescription(page), { message: 'the view description to show the tag filter' }).toContain('tags: trackers');
    tagged = await waitForCounts(page, (c) => Object.keys(c).length === 6 && c['In use'] < all['In use'], 'the counts to shrink to the tagged cards');
    journey.log(`tagged: ${JSON.stringify(tagged)}`);
    await expandGroup(page, 'In use');
    const first = (await cardsOf(page, 'In use'))[0];
    const tip = await hoverText(page, cardRow(page, first.label));
    expect((field(tip, 'Tags') ?? '').split(/,\s*/), 'a listed card carries the tag').toContain('trackers');
    await page.mouse.move(700, 400);
    await journey.screenshot('filtered', sidebar(page));
    await collapseGroup(page, 'In use');
  });

  await test.step('add a traffic range (Filter Cards… → Data used ≥ 100 MB)', async () => {
    await titleButton(page, 'Filter Cards').click();
    await pick(page, 'Data used (MB)', { title: /Filter Cards/ });
    await answer(page, '100', { title: /Minimum in MB/ });
    await answer(page, '', { title: /Maximum in MB/ });
    await expect.poll(() => viewDescription(page), { message: 'the description to show the range' }).toMatch(/tags: trackers.*used ≥ ?100|used.*100/);
    journey.log(`description: ${await viewDescription(page)}`);
    const counts = await waitForCounts(page, (c) => Object.keys(c).length === 6 && c['In use'] < tagged['In use'], 'the counts to shrink to the range');
    await expandGroup(page, 'In use');
    const rows = (await cardsOf(page, 'In use')).slice(0, 3);
    expect(rows.length, `cards match (counts ${JSON.stringify(counts)})`).toBeGreaterThan(0);
    for (const r of rows) {
      const used = mb(field(await hoverText(page, cardRow(page, r.label)), 'Used'));
      expect(used, `card ${r.label} used ≥ 100 MB`).toBeGreaterThanOrEqual(100);
    }
    await page.mouse.move(700, 400);
  });

  await test.step('sort by traffic used, descending', async () => {
    await runCommand(page, 'SIM Fleet: Sort Cards…');
    await pick(page, 'Data used descending', { title: /Sort Cards/ });
    await expect.poll(() => viewDescription(page), { message: 'the description to show the sort' }).toContain('Data used ↓');
    let used: number[] = [];
    await expect(async () => {
      const rows = (await cardsOf(page, 'In use')).slice(0, 4);
      expect(rows.length, 'cards under "In use"').toBeGreaterThanOrEqual(2);
      used = [];
      for (const r of rows) used.push(mb(field(await hoverText(page, cardRow(page, r.label)), 'Used')));
      expect(used.every((v, i) => i === 0 || used[i - 1] >= v), `the cards in descending order of traffic used (${used.join(', ')} MB)`).toBe(true);
    }).toPass({ timeout: 40_000 });
    journey.log(`used, first cards: ${used.join(', ')} MB`);
    await page.mouse.move(700, 400);
    await journey.screenshot('sorted', sidebar(page));
  });

  await test.step('clear the filter: the description and the counts come back', async () => {
    await titleButton(page, 'Clear Filter').click();
    await expect.poll(() => viewDescription(page), { message: 'the view description to clear' }).toBe('');
    await waitForCounts(page, (c) => c['In use'] === all['In use'], 'the full counts back');
    await checkNoErrorToasts(page);
  });
});
