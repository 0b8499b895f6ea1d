// Pools: a person opens the Pools view, sees the flow pool near its limit (its usage against its
// total, marked), expands it into its member cards with each one's share, and opens the detail
// of the member using the most.
import { expect, test } from './lib/fixtures';
import {
  collapseViewPane,
  contextMenuChoose,
  demoEndpoint,
  editorPart,
  escapeRe,
  hoverText,
  openFleetView,
  openViewPane,
  readTreeRows,
  sidebar,
  simAdmin,
  waitForGroups,
  waitForWebview,
} from './lib/workbench';
import type { PlantedTruth } from '../../src/simulator/planted';

test.use({ demo: true });

const pct = (description: string) => Number(/\((\d+)%\)/.exec(description)?.[1] ?? NaN);
const share = (description: string) => Number(/([\d.]+)% of the pool/.exec(description)?.[1] ?? NaN);

test('pools: a pool near its limit, its members and their share, one member\'s detail', async ({ page, journey }) => {
  let poolName = '';
  await test.step('the Pools view: flow and back pools with this cycle\'s usage; one is near its limit', async () => {
    await openFleetView(page);
    await waitForGroups(page);
    const admin = await demoEndpoint(journey.userDataDir);
    poolName = (await simAdmin<PlantedTruth>(admin, 'GET', 'planted')).poolAtRisk[0]?.pool_name ?? '';
    expect(poolName, 'the demo fleet has a pool planted near its limit').not.toBe('');
    // The Cards view gives the Pools view the room.
    await collapseViewPane(page, 'Cards');
    const tree = await openViewPane(page, 'Pools');
    await expect.poll(async () => (await readTreeRows(tree)).map((r) => r.label), { message: 'both kinds of pool' }).toEqual(expect.arrayContaining(['Flow pools', 'Back pools']));
    await expect.poll(async () => (await readTreeRows(tree)).some((r) => r.label === poolName), { message: `the pool ${poolName}` }).toBe(true);
    const row = (await readTreeRows(tree)).find((r) => r.label === poolName)!;
    journey.log(`${row.label} — ${row.description} [${row.name}]`);
    expect(row.description, 'used of total, with the share used').toMatch(/^[\d.]+ (MB|GB|TB) of [\d.]+ (MB|GB|TB) \(\d+%\) · \d+ cards$/);
    expect(row.name, 'it is marked near its limit').toMatch(/near its limit$/);
    const rowLocator = tree.getByRole('treeitem', { name: new RegExp(`^${escapeRe(poolName)},`) });
    await expect(rowLocator.locator('.codicon-warning'), 'with a warning icon').toHaveCount(1);
    const tip = await hoverText(page, rowLocator);
    expect(tip, 'its tooltip names the plan and the billing cycle').toMatch(/Billing cycle: \d{4}-\d\d/);
    journey.log(`${pct(row.description)}% used`);
    await journey.docShot('pools', sidebar(page));
  });

  let top = '';
  await test.step('expand it: its member cards, each with its share of the pool', async () => {
    const tree = await openViewPane(page, 'Pools');
    await tree.getByRole('treeitem', { name: new RegExp(`^${escapeRe(poolName)},`) }).click();
    await expect.poll(async () => (await readTreeRows(tree)).filter((r) => /% of the pool$/.test(r.description)).length, { message: 'members listed' }).toBeGreaterThan(3);
    const members = (await readTreeRows(tree)).filter((r) => /% of the pool$/.test(r.description));
    const shares = members.map((m) => share(m.description));
    journey.log(members.slice(0, 5).map((m) => `${m.label} ${m.description}`).join('\n'));
    expect(shares.every((s) => s >= 0 && s <= 100), 'shares are percentages').toBe(true);
    top = members.reduce((a, b) => (share(b.description) > share(a.description) ? b : a)).label;
    await journey.docShot('pool-members', sidebar(page));
  });

  await test.step('open the detail of the member using the most', async () => {
    const tree = await openViewPane(page, 'Pools');
    await contextMenuChoose(page, tree.getByRole('treeitem', { name: new RegExp(`^${escapeRe(top)}\\b`) }).first(), 'Open Card Detail');
    const frame = await waitForWebview(page, new RegExp(escapeRe(top)));
    await expect(frame.getByRole('heading', { level: 1 }), 'the panel names the member card').toContainText(top);
    await expect(frame.locator('.badge'), 'its status').toBeVisible();
    await journey.screenshot('member-detail', editorPart(page));
  });
});
