// The refresh manager is the one place refreshes come from. Automatic refresh runs only when the
// setting asks for it and only while the view is visible; every refresh keeps what is loaded
// (expanded groups, the pages loaded with "Load more") and replaces it with fresh data.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Emitter } from '../../src/core/events';
import type { GslClient } from '../../src/gsl/client';
import { clientFor } from './helpers/clientSim';
import type { GslApi } from '../../src/gsl/api';
import { CardChanges } from '../../src/fleet/cardChanges';
import { FleetModel } from '../../src/fleet/fleetModel';
import { PinnedCards } from '../../src/fleet/pins';
import { MemoryStore } from './helpers/memoryStore';
import { RefreshManager } from '../../src/fleet/refreshManager';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index';

function setup(seconds: number, visible: boolean, client?: GslApi, pageSize = 100) {
  const visibility = new Emitter<{ visible: boolean }>();
  const view = { visible, onDidChangeVisibility: visibility.event };
  let setting = seconds;
  const model = new FleetModel({ client: () => client, pageSize: () => pageSize });
  const cardChanges = new CardChanges();
  // One account's fleet, as the manager sees the fleets.
  const account = { id: 'demo', kind: 'demo' as const, label: 'demo', currentClient: () => client };
  const pins = new PinnedCards(new MemoryStore(), 'demo', () => client);
  const fleet = { account, model, tracker: undefined as never, pins, views: undefined as never, attributes: { refresh: async () => undefined } as never, workOrders: undefined as never, history: undefined as never, pools: undefined as never, threeNetwork: undefined as never };
  const fleets = { all: () => [fleet], get: (id: string) => (id === 'demo' ? fleet : undefined) };
  const manager = new RefreshManager({ fleets, view, autoRefreshSeconds: () => setting, cardChanges });
  const show = (v: boolean) => {
    view.visible = v;
    visibility.fire({ visible: v });
  };
  return { manager, model, cardChanges, show, set: (s: number) => (setting = s) };
}

test('no polling when autoRefreshSeconds is 0, even while visible', () => {
  const { manager } = setup(0, true);
  assert.equal(manager.polling, false);
  manager.dispose();
});

test('polls only while the view is visible', () => {
  const { manager, show } = setup(30, false);
  assert.equal(manager.polling, false);
  show(true);
  assert.equal(manager.polling, true);
  show(false);
  assert.equal(manager.polling, false);
  manager.dispose();
});

test('a setting change takes effect on schedule()', () => {
  const { manager, set } = setup(30, true);
  assert.equal(manager.polling, true);
  set(0);
  manager.schedule();
  assert.equal(manager.polling, false);
  manager.dispose();
});

test('a reset forgets the loaded fleet at once and tells the panels', () => {
  const { manager, model, cardChanges } = setup(0, true);
  let changes = 0;
  let panelEvents = 0;
  model.onDidChange(() => changes++);
  cardChanges.onDidChange((e) => (panelEvents += e.cardIds === undefined ? 1 : 0));
  manager.resetNow();
  assert.equal(changes, 1);
  assert.equal(panelEvents, 1);
  manager.dispose();
});

let sim: RunningSimulator;
let client: GslClient;

before(async () => {
  sim = await startSimulator({ port: 0, cards: 400, seed: 11, workOrderMs: 20 });
  client = clientFor(sim, 'aksk').client;
});
after(async () => {
  await client.dispose();
  await sim.close();
});

async function until(cond: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// An automatic refresh used to throw away every page loaded with "Load more", collapsing the
// group back to its first page; it must refresh those pages in place instead.
test('the automatic refresh keeps three loaded pages and shows fresh data in them', async () => {
  const { manager, model, set } = setup(0, true, client, 10);
  await model.loadCounts();
  for (let i = 0; i < 3; i++) await model.loadNextPage(20);
  assert.equal(model.group(20).pagesLoaded, 3);
  const shown = model.group(20).cards;
  assert.equal(shown.length, 30);
  // A colleague stops a card on the second page; once its work order ends it has left "In use".
  const stopped = shown[15];
  const { work_order_id } = await client.stopSimCard({ sim_card_id: stopped.sim_card_id });
  for (let i = 0; i < 100 && (await client.showWorkOrder(work_order_id))?.status !== 4; i++) await new Promise((r) => setTimeout(r, 20));
  const before20 = model.group(20).count as number;

  let refreshes = 0;
  model.onDidChange((e) => (refreshes += e.status === 20 ? 1 : 0));
  set(0.05);
  manager.schedule();
  try {
    await until(() => refreshes > 0, 'the interval to refresh "In use"');
  } finally {
    manager.dispose();
  }

  const view = model.group(20);
  assert.equal(view.pagesLoaded, 3, 'still three pages');
  assert.equal(view.cards.length, 30, 'still thirty cards on screen');
  assert.equal(view.cards.some((c) => c.sim_card_id === stopped.sim_card_id), false, 'the stopped card is gone: the data is fresh');
  assert.equal(view.count, before20 - 1);
  assert.equal(model.loadedCard(stopped.sim_card_id), undefined, 'its stale copy is not kept anywhere');
});

test('a refresh asks for each loaded page once and the counts once, and forgets nothing while it waits', async () => {
  const { manager, model } = setup(0, true, client, 10);
  await model.loadCounts();
  await model.loadNextPage(14);
  await model.loadNextPage(14);
  sim.resetStats();
  const refreshing = manager.refreshNow();
  assert.equal(model.group(14).cards.length, 20, 'the old pages stay shown until the answers arrive');
  await refreshing;
  assert.equal(sim.stats().requests, 6 + 2, 'six counts and the two loaded pages');
  assert.equal(model.group(14).pagesLoaded, 2);
  manager.dispose();
});

test('a failed refresh keeps the pages, and Retry refreshes them again rather than loading a new page', async () => {
  const { manager, model } = setup(0, true, client, 10);
  await model.loadCounts();
  await model.loadNextPage(20);
  sim.setFaults({ errorRate: 1, errorStatus: 500, pathPattern: 'sim-cards$' });
  await manager.refreshNow();
  sim.setFaults(undefined);
  assert.notEqual(model.group(20).error, undefined);
  assert.equal(model.group(20).cards.length, 10);
  await model.retry(20);
  assert.equal(model.group(20).error, undefined);
  assert.equal(model.group(20).pagesLoaded, 1, 'Retry after a failed refresh does not load a second page');
  manager.dispose();
});
