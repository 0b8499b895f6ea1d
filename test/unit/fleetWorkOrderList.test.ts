// The Work Orders view's list against the real simulator: pending orders on top of the newest,
// both read at once; pages in order; a filter read on the server; a pending order followed to
// its end; a failed page kept apart from the orders loaded.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { GslClient } from '../../src/gsl/client';
import type { WorkOrderVo } from '../../src/gsl/models';
import { WorkOrderList } from '../../src/fleet/workOrderList';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index';

let sim: RunningSimulator;
let client: GslClient;
const all: WorkOrderVo[] = [];

before(async () => {
  sim = await startSimulator({ port: 0, cards: 600, seed: 11, workOrderMs: 60_000 });
  const { info } = sim;
  client = new GslClient({ endpoints: { gsl: info.endpoint, iam: info.iamEndpoint }, credentials: { get: async () => ({ kind: 'aksk', ak: info.ak, sk: info.sk, projectId: info.projectId }) } });
  const page = await client.listWorkOrders({ limit: 500, offset: 1 });
  all.push(...page.work_orders);
  assert.equal(all.length, page.count);
});
after(async () => {
  await client.dispose();
  await sim.close();
});

const newList = () => new WorkOrderList(() => client, () => 10);

test('the first page and the pending orders load together, then Load more reads the next page', async () => {
  const list = newList();
  sim.resetStats();
  await list.load();
  // One page and one request per pending status, sent at once.
  assert.equal(sim.stats().requests, 4);
  assert.deepEqual(list.rows().map((o) => o.id), all.slice(0, 10).map((o) => o.id));
  assert.equal(list.orders.count, all.length);
  assert.ok(list.orders.hasMore);
  await list.orders.loadMore();
  assert.deepEqual(list.rows().map((o) => o.id), all.slice(0, 20).map((o) => o.id));
});

test('a filter is read on the server, and a pending order sits on top until it ends', async () => {
  const card = (await client.listSimCards({ sim_status: 20, limit: 10, offset: 1 })).sim_cards.find((c) => c.sim_type === 3)!;
  const { work_order_id } = await client.stopSimCard({ sim_card_id: card.sim_card_id });
  const list = newList();
  await list.load();
  assert.equal(list.rows()[0].id, work_order_id);
  assert.deepEqual(list.pending.map((o) => o.id), [work_order_id]);
  // Nothing ended yet.
  assert.deepEqual(await list.followPending(), []);
  sim.settleWorkOrders();
  const ended = await list.followPending();
  assert.deepEqual(ended.map((o) => [o.id, o.status]), [[work_order_id, 4]]);
  assert.equal(list.pending.length, 0);
  assert.equal(list.rows()[0].id, work_order_id, 'the ended order keeps its place as the newest');
  assert.equal(list.rows()[0].status, 4);

  list.setFilter({ type: 5, status: 4 });
  await list.load();
  const expected = await client.listWorkOrders({ work_order_type: 5, status: 4, limit: 10, offset: 1 });
  assert.deepEqual(list.rows().map((o) => o.id), expected.work_orders.map((o) => o.id));
  assert.equal(list.orders.count, expected.count);
});

test('a page that fails keeps the orders loaded and says why; loading again recovers', async () => {
  const list = newList();
  await list.load();
  sim.setFaults({ errorRate: 1, errorStatus: 403, errorCode: 'APIGW.0302', pathPattern: '^/v1/work-orders' });
  await list.orders.loadMore();
  sim.setFaults(undefined);
  assert.equal(list.rows().length, 10);
  assert.ok(list.error !== undefined);
  await list.orders.loadMore();
  assert.equal(list.error, undefined);
  assert.equal(list.rows().length, 20);
});

test('an order\'s lines are its details, paged', async () => {
  const batch = all.find((o) => o.total_count > 10)!;
  const lines = newList().linesOf(batch.id);
  await lines.load();
  const expected = await client.listWorkOrderDetails(batch.id, { limit: 10, offset: 1 });
  assert.deepEqual(lines.items.map((l) => l.sim_card_id), expected.work_order_details.map((l) => l.sim_card_id));
  assert.equal(lines.count, batch.total_count);
  assert.ok(lines.hasMore);
});
