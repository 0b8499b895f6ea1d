// Browse: expand "In use", scroll to the end of its first page, "Load more", hover a card for its
// tooltip, filter by a tag and by a traffic range, sort by traffic used, clear the filter.
import {
  cardRow,
  cardsTree,
  check,
  checkNoErrorToasts,
  collapseGroup,
  expandGroup,
  groupCounts,
  hoverText,
  openFleetView,
  pick,
  pickMany,
  readRows,
  answer,
  runCommand,
  scrollTreeToTop,
  scrollTreeUntil,
  sidebar,
  until,
  viewDescription,
  waitForGroups,
  waitForQuickInput,
} from './lib/workbench.mjs';

export const journey = {
  title: 'browse: expand, scroll, Load more, tooltip, filter by tag and traffic, sort, clear',
  demo: true,
};

const mb = (text) => {
  const m = /(-?[\d.]+) (MB|GB|TB)/.exec(text ?? '');
  return m ? Number(m[1]) * { MB: 1, GB: 1024, TB: 1024 * 1024 }[m[2]] : NaN;
};
const field = (tooltip, name) => new RegExp(`^${name}: (.+)$`, 'm').exec(tooltip)?.[1]?.trim();

/** The first card rows under a group (the group must be expanded and on screen). */
async function cardsOf(page, word) {
  const rows = await readRows(page);
  const start = rows.findIndex((r) => r.name.startsWith(`${word}:`));
  const out = [];
  for (const r of rows.slice(start + 1)) {
    if (r.level !== 2) break;
    if (r.name.startsWith('Card ')) out.push(r);
  }
  return out;
}

const titleButton = (page, name) => sidebar(page).locator(`.title-actions .action-label[aria-label^="${name}"], .actions .action-label[aria-label^="${name}"]`).first();

export async function run(fx) {
  const { page } = fx;
  let all;
  await fx.step('expand "In use", scroll to the end of the first page', async () => {
    await openFleetView(page);
    all = await waitForGroups(page);
    await expandGroup(page, 'In use');
    const more = await scrollTreeUntil(page, (r) => r.name.startsWith('Load more'));
    check(more, 'a "Load more" row at the end of the first page');
    check(more.description === `100 of ${all['In use'].toLocaleString('en-US')} shown`, `it says how many are shown (got "${more.description}")`);
    await fx.screenshot('load-more', sidebar(page));
  });

  await fx.step('Load more: the next page joins the group', async () => {
    await cardsTree(page).getByRole('treeitem', { name: /^Load more/ }).click();
    const more = await until(() => scrollTreeUntil(page, (r) => r.name.startsWith('Load more') && r.description.startsWith('200 of')), { message: 'the second page to load' });
    check(more.description === `200 of ${all['In use'].toLocaleString('en-US')} shown`, `200 shown now (got "${more.description}")`);
    await checkNoErrorToasts(page);
  });

  await fx.step('hover a card: its tooltip names its ICCID and details', async () => {
    const rows = (await readRows(page)).filter((r) => r.level === 2 && r.name.startsWith('Card ') && /^\d{19,20}$/.test(r.label));
    const card = rows[Math.floor(rows.length / 2)];
    const tip = await hoverText(page, cardRow(page, card.label));
    check(field(tip, 'ICCID') === card.label, `the tooltip's ICCID is the card's (${card.label}; tooltip: ${tip})`);
    check(field(tip, 'Status') === 'In use', 'the tooltip gives the status');
    check(/^Used: /m.test(tip) && /^Plan: /m.test(tip), 'the tooltip gives plan and traffic');
    await fx.docShot('tooltip', [sidebar(page), page.locator('.workbench-hover').first()]);
    await page.mouse.move(700, 400);
    await scrollTreeToTop(page);
    await collapseGroup(page, 'In use');
  });

  let tagged;
  await fx.step('filter by a tag (Filter Cards… → Tags → trackers)', async () => {
    check((await viewDescription(page)) === '', `no filter shown at first (got "${await viewDescription(page)}")`);
    await titleButton(page, 'Filter Cards').click();
    await pick(page, 'Tags', { title: /Filter Cards/ });
    await waitForQuickInput(page, /Tags \(at most/);
    await pickMany(page, ['trackers']);
    await until(async () => (await viewDescription(page)).includes('tags: trackers'), { message: 'the view description to show the tag filter' });
    tagged = await until(async () => {
      const c = await groupCounts(page);
      return Object.keys(c).length === 6 && c['In use'] < all['In use'] && c;
    }, { message: 'the counts to shrink to the tagged cards' });
    fx.log(`tagged: ${JSON.stringify(tagged)}`);
    await expandGroup(page, 'In use');
    const first = (await cardsOf(page, 'In use'))[0];
    const tip = await hoverText(page, cardRow(page, first.label));
    check((field(tip, 'Tags') ?? '').split(/,\s*/).includes('trackers'), `a listed card carries the tag (tags: ${field(tip, 'Tags')})`);
    await page.mouse.move(700, 400);
    await fx.screenshot('filtered', sidebar(page));
    await collapseGroup(page, 'In use');
  });

  await fx.step('add a traffic range (Filter Cards… → Data used ≥ 100 MB)', async () => {
    await titleButton(page, 'Filter Cards').click();
    await pick(page, 'Data used (MB)', { title: /Filter Cards/ });
    await answer(page, '100', { title: /Minimum in MB/ });
    await answer(page, '', { title: /Maximum in MB/ });
    await until(async () => /tags: trackers.*used ≥ ?100|used.*100/.test(await viewDescription(page)), { message: 'the description to show the range' });
    fx.log(`description: ${await viewDescription(page)}`);
    const counts = await until(async () => {
      const c = await groupCounts(page);
      return Object.keys(c).length === 6 && c['In use'] < tagged['In use'] && c;
    }, { message: 'the counts to shrink to the range' });
    await expandGroup(page, 'In use');
    const rows = (await cardsOf(page, 'In use')).slice(0, 3);
    check(rows.length > 0, `cards match (counts ${JSON.stringify(counts)})`);
    for (const r of rows) {
      const used = mb(field(await hoverText(page, cardRow(page, r.label)), 'Used'));
      check(used >= 100, `card ${r.label} used ≥ 100 MB (used ${used})`);
    }
    await page.mouse.move(700, 400);
  });

  await fx.step('sort by traffic used, descending', async () => {
    await runCommand(page, 'SIM Fleet: Sort Cards…');
    await pick(page, 'Data used descending', { title: /Sort Cards/ });
    await until(async () => (await viewDescription(page)).includes('Data used ↓'), { message: 'the description to show the sort' });
    const used = await until(async () => {
      const rows = (await cardsOf(page, 'In use')).slice(0, 4);
      if (rows.length < 2) return undefined;
      const values = [];
      for (const r of rows) values.push(mb(field(await hoverText(page, cardRow(page, r.label)), 'Used')));
      return values.every((v, i) => i === 0 || values[i - 1] >= v) && values;
    }, { timeout: 40_000, message: 'the cards in descending order of traffic used' });
    fx.log(`used, first cards: ${used.join(', ')} MB`);
    await page.mouse.move(700, 400);
    await fx.screenshot('sorted', sidebar(page));
  });

  await fx.step('clear the filter: the description and the counts come back', async () => {
    await titleButton(page, 'Clear Filter').click();
    await until(async () => (await viewDescription(page)) === '', { message: 'the view description to clear' });
    await until(async () => {
      const c = await groupCounts(page);
      return c['In use'] === all['In use'] && c;
    }, { message: 'the full counts back' });
    await checkNoErrorToasts(page);
  });
}
