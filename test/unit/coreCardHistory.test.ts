// A card's whole history from the API against the real simulator: every order that touched the
// planted card, whoever started it, newest first, with its own line; lines of ended orders are
// kept, so the next look asks only about what it has not seen end.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { GslClient } from '../../src/gsl/client';
import { CardHistoryIndex } from '../../src/core/cardHistory';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index';

let sim: RunningSimulator;
let client: GslClient;

before(async () => {
  sim = await startSimulator({ port: 0, cards: 400, seed: 5, workOrderMs: 60_000 });
  const { info } = sim;
  client = new GslClient({ endpoints: { gsl: info.endpoint, iam: info.iamEndpoint }, credentials: { get: async () => ({ kind: 'aksk', ak: info.ak, sk: info.sk, projectId: info.projectId }) } });
});
after(async () => {
  await client.dispose();
  await sim.close();
});

test('the planted card\'s history is every order that touched it, of every origin, newest first', async () => {
  const planted = sim.planted().history!;
  const card = await client.showSimCard({ sim_card_id: planted.sim_card_id });
  const index = new CardHistoryIndex(() => client);
  const entries = await index.historyOf(card);
  assert.ok(entries.length >= planted.orders, `${entries.length} orders`);
  assert.ok(entries.every((e) => e.line.sim_card_id === card.sim_card_id));
  const created = entries.map((e) => e.order.create_time);
  assert.deepEqual(created, [...created].sort().reverse(), 'newest first');
  assert.ok(new Set(entries.map((e) => e.order.work_order_source)).size >= 4, 'several origins');
  const failed = entries.find((e) => e.line.status === 3);
  assert.equal(failed?.line.description, 'The device did not answer the rebind request');

  // An order started now joins the history; the ended orders' lines are not asked for again.
  const { work_order_id } = await client.stopSimCard({ sim_card_id: card.sim_card_id });
  let asked = 0;
  const again = await index.historyOf(card, { onProgress: (p) => (asked = p.linesAsked) });
  assert.equal(again[0].order.id, work_order_id);
  assert.equal(again.length, entries.length + 1);
  assert.equal(asked, 1, 'only the new (pending) order was asked about');
});
