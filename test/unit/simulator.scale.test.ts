// A list page must cost the same whatever the fleet's size: the store counts the cards it
// generates or reads and the rows its filters examine, so these tests compare work, not time
// (time belongs in the bench).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoreWork } from '../../src/simulator/store';
import { FleetStore } from '../../src/simulator/store';
import { startSimulator } from '../../src/simulator/index';
import type { RunningSimulator } from '../../src/simulator/index';
import { call } from './helpers/simRequest';

const NOW = Date.UTC(2025, 4, 17, 9, 30);
const SMALL = 5_000;
const LARGE = 50_000;

function workOf(store: FleetStore, fn: () => void): StoreWork {
  const before = { ...store.work };
  fn();
  return { materialized: store.work.materialized - before.materialized, rowsExamined: store.work.rowsExamined - before.rowsExamined, sortedViews: store.work.sortedViews - before.sortedViews };
}

let small: FleetStore;
let large: FleetStore;
before(() => {
  small = new FleetStore({ seed: 3, size: SMALL, nowMs: NOW });
  large = new FleetStore({ seed: 3, size: LARGE, nowMs: NOW });
});

test('a status group\'s page, its count and a page of the whole fleet touch only their own cards, at any size', () => {
  for (const store of [small, large]) {
    // Offset 3 of the in-use group, 500 cards; a count (a 10-card page); the whole fleet's 7th page.
    assert.deepEqual(workOf(store, () => store.query({ status: 20 }, 500, 3)), { materialized: 500, rowsExamined: 0, sortedViews: 0 });
    assert.deepEqual(workOf(store, () => store.query({ status: 14 }, 10, 1)), { materialized: 10, rowsExamined: 0, sortedViews: 0 });
    assert.deepEqual(workOf(store, () => store.query({}, 500, 7)), { materialized: 500, rowsExamined: 0, sortedViews: 0 });
  }
});

test('a sorted view is built once; after that its pages cost only their cards', () => {
  for (const store of [small, large]) {
    const first = workOf(store, () => store.query({ status: 20, sort: 'flow_used', order: 'desc' }, 500, 2));
    assert.equal(first.sortedViews, 1);
    assert.deepEqual(workOf(store, () => store.query({ status: 20, sort: 'flow_used', order: 'desc' }, 500, 4)), { materialized: 500, rowsExamined: 0, sortedViews: 0 });
    assert.deepEqual(workOf(store, () => store.query({ status: 14, sort: 'flow_used', order: 'desc' }, 500, 1)).sortedViews, 0, 'other groups filter the same sorted view');
  }
});

test('a filter scans its status group once; its next pages are slices of what it found', () => {
  for (const store of [small, large]) {
    const tests = [{ cheap: true, test: (r: { index: number }) => store.usedMbOf(r.index) >= 5 }];
    const scan = workOf(store, () => store.query({ status: 20, tests, key: 'min_used_flow=5' }, 100, 1));
    assert.equal(scan.rowsExamined, store.statusCount(20), 'O(n) once, and no card generated for a column test');
    assert.equal(scan.materialized, 100);
    assert.deepEqual(workOf(store, () => store.query({ status: 20, tests, key: 'min_used_flow=5' }, 100, 2)), { materialized: 100, rowsExamined: 0, sortedViews: 0 });
  }
});

let sims: RunningSimulator[] = [];
after(() => Promise.all(sims.map((s) => s.close())));

test('over HTTP: the same page of a status group generates the same cards at 5,000 and 50,000', async () => {
  sims = await Promise.all([SMALL, LARGE].map((cards) => startSimulator({ cards, seed: 3, now: () => NOW })));
  const cost: number[] = [];
  for (const sim of sims) {
    const get = (query: Array<[string, string | number]>) => call(sim.info, 'GET', '/v1/sim-cards', { query, date: new Date(NOW) });
    await get([['sim_status', 20], ['limit', 10]]); // builds the status index
    const before = sim.store.work.materialized;
    const r = await get([['sim_status', 20], ['limit', 500], ['offset', 3]]);
    assert.equal(r.status, 200);
    assert.equal((r.json as { sim_cards: unknown[] }).sim_cards.length, 500);
    cost.push(sim.store.work.materialized - before);
  }
  assert.deepEqual(cost, [500, 500]);
});
