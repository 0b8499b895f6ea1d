// The fleet model and work-order tracker against the real simulator over HTTP with real signing:
// counts come from count-only calls, pages load one at a time, concurrent loads share a request.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { GslClient } from '../../src/gsl/client';
import type { SimDeviceVO, SimStatus } from '../../src/gsl/models';
import { SIM_STATUSES } from '../../src/gsl/models';
import { FleetModel } from '../../src/fleet/fleetModel';
import { FleetWorkOrderTracker } from '../../src/fleet/workOrderTracker';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index';

let sim: RunningSimulator;
let client: GslClient;
const byStatus = new Map<SimStatus, SimDeviceVO[]>();

before(async () => {
  sim = await startSimulator({ port: 0, cards: 400, seed: 7, workOrderMs: 30 });
  const { info } = sim;
  client = new GslClient({ endpoints: { gsl: info.endpoint, iam: info.iamEndpoint }, credentials: { get: async () => ({ kind: 'aksk', ak: info.ak, sk: info.sk, projectId: info.projectId }) } });
  // The expected grouping, read independently by walking the whole fleet once.
  for await (const page of client.iterateSimCards({})) {
    for (const c of page) byStatus.set(c.sim_status as SimStatus, [...(byStatus.get(c.sim_status as SimStatus) ?? []), c]);
  }
});
after(async () => {
  await client.dispose();
  await sim.close();
});

const newModel = (pageSize = 10) => new FleetModel({ client: () => client, pageSize: () => pageSize });
const biggest = (): SimStatus => [...SIM_STATUSES].sort((a, b) => (byStatus.get(b)?.length ?? 0) - (byStatus.get(a)?.length ?? 0))[0];

test('group counts equal the fleet, from six count-only calls and no card pages', async () => {
  const model = newModel();
  sim.resetStats();
  await model.loadCounts();
  for (const s of SIM_STATUSES) assert.equal(model.group(s).count, byStatus.get(s)?.length ?? 0, `status ${s}`);
  assert.equal(model.total(), 400);
  assert.equal(sim.stats().requests, 6);
  assert.deepEqual(SIM_STATUSES.map((s) => model.group(s).cards.length), [0, 0, 0, 0, 0, 0]);
});

test('pages load one at a time with hasMore until the group is complete, without duplicates', async () => {
  const model = newModel(10);
  const s = biggest();
  const expected = byStatus.get(s)?.length ?? 0;
  assert.ok(expected > 20, 'the seed gives a group with several pages');
  await model.ensureFirstPage(s);
  assert.equal(model.group(s).cards.length, 10);
  assert.equal(model.group(s).hasMore, true);
  while (model.group(s).hasMore) await model.loadNextPage(s);
  const ids = model.group(s).cards.map((c) => c.sim_card_id);
  assert.equal(ids.length, expected);
  assert.equal(new Set(ids).size, expected);
  assert.equal(model.group(s).pagesLoaded, Math.ceil(expected / 10));
});

test('concurrent loads of one group share a single request', async () => {
  const model = newModel(10);
  const s = biggest();
  sim.resetStats();
  await Promise.all([model.loadNextPage(s), model.loadNextPage(s), model.ensureFirstPage(s)]);
  assert.equal(sim.stats().requests, 1);
  assert.equal(model.group(s).pagesLoaded, 1);
});

test('filters run on the server: counts under a filter match the filtered fleet', async () => {
  const model = newModel();
  model.setFilter({ simType: 3 });
  await model.loadCounts();
  for (const s of SIM_STATUSES) {
    assert.equal(model.group(s).count, (byStatus.get(s) ?? []).filter((c) => c.sim_type === 3).length, `status ${s}`);
  }
});

test('a pinned (found) card shows in its group before its page is loaded, and only once after', async () => {
  const model = newModel(10);
  const s = biggest();
  const last = (byStatus.get(s) ?? []).at(-1) as SimDeviceVO;
  model.pin(last);
  assert.deepEqual(model.group(s).cards.map((c) => c.sim_card_id), [last.sim_card_id]);
  while (model.group(s).pagesLoaded === 0 || model.group(s).hasMore) await model.loadNextPage(s);
  assert.equal(model.group(s).cards.filter((c) => c.sim_card_id === last.sim_card_id).length, 1);
});

test('a stop work order is followed to completion, then the refreshed groups recount', async () => {
  const model = newModel();
  await model.loadCounts();
  const before20 = model.group(20).count as number;
  const before14 = model.group(14).count as number;
  const card = (byStatus.get(20) ?? [])[0];
  const tracker = new FleetWorkOrderTracker({ client: () => client, firstDelayMs: 20, maxDelayMs: 50 });
  const { work_order_id } = await client.stopSimCard({ sim_card_id: card.sim_card_id });
  const following = tracker.track({ workOrderId: work_order_id, cardId: card.sim_card_id, action: 'stop' });
  assert.equal(tracker.isPending(card.sim_card_id), true);
  const ended = await following;
  assert.equal(ended.status, 4);
  assert.equal(ended.outcome, 'succeeded');
  assert.equal(ended.failReason, undefined);
  assert.equal(tracker.isPending(card.sim_card_id), false);
  await model.refresh([20, 14]);
  assert.equal(model.group(20).count, before20 - 1);
  assert.equal(model.group(14).count, before14 + 1);
  tracker.dispose();
});

test('following many work orders keeps a few polls in flight, not one per order', async () => {
  let inFlight = 0;
  let peak = 0;
  const fake = {
    showWorkOrder: async (id: string) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return { id, status: 4 as const, fail_count: 0 };
    },
  } as unknown as GslClient;
  const tracker = new FleetWorkOrderTracker({ client: () => fake, firstDelayMs: 1, maxConcurrentPolls: 4 });
  const ended = await Promise.all(Array.from({ length: 100 }, (_, i) => tracker.track({ workOrderId: String(i + 1), cardId: String(i + 1), action: 'cutNetwork' })));
  assert.ok(ended.every((o) => o.outcome === 'succeeded'));
  assert.equal(peak, 4);
  tracker.dispose();
});
