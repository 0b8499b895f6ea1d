// Pinned cards and saved views, kept per account in a store (VS Code's global state), against the
// simulator over real HTTP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { GslClient } from '../../src/gsl/client';
import { clientFor } from './helpers/clientSim';
import { PinnedCards } from '../../src/fleet/pins';
import { SavedViews, missingTags, viewNameProblem } from '../../src/fleet/savedViews';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index';
import { MemoryStore } from './helpers/memoryStore';

let sim: RunningSimulator;
let client: GslClient;

before(async () => {
  sim = await startSimulator({ port: 0, cards: 200, seed: 9, workOrderMs: 20 });
  client = clientFor(sim, 'aksk').client;
});
after(async () => {
  await client.dispose();
  await sim.close();
});

test('pins are kept per account and survive a restart; each is read live', async () => {
  const store = new MemoryStore();
  const [a, b] = (await client.listSimCards({ sim_status: 20, limit: 10, offset: 1 })).sim_cards;
  const pins = new PinnedCards(store, 'demo', () => client);
  await pins.pin(a);
  await pins.pin(b);
  assert.deepEqual(pins.list().map((p) => p.cardId), [a.sim_card_id, b.sim_card_id]);
  // Another account's pins are its own.
  assert.deepEqual(new PinnedCards(store, 'acct-0000000000000000', () => client).list(), []);

  // "After a restart": a new object over the same store knows the ids, and reads the cards live.
  await client.stopSimCard({ sim_card_id: a.sim_card_id });
  sim.settleWorkOrders();
  const again = new PinnedCards(store, 'demo', () => client);
  assert.deepEqual(again.list().map((p) => [p.cardId, p.card]), [[a.sim_card_id, undefined], [b.sim_card_id, undefined]]);
  await again.refresh();
  assert.equal(again.list()[0].card?.sim_status, 14, 'the live status, not the status when pinned');
  await again.unpin(a.sim_card_id);
  assert.deepEqual(new PinnedCards(store, 'demo', () => client).list().map((p) => p.cardId), [b.sim_card_id]);
});

test('a pinned card that cannot be read keeps its place and its error', async () => {
  const store = new MemoryStore();
  await store.update('simFleet.pins.demo', ['999999999']);
  const pins = new PinnedCards(store, 'demo', () => client);
  await pins.refresh();
  assert.equal(pins.list().length, 1);
  assert.notEqual(pins.list()[0].error, undefined);
});

test('saved views are kept per account, renamed, replaced and deleted', async () => {
  const store = new MemoryStore();
  const views = new SavedViews(store, 'demo');
  await views.save({ name: 'meters', filter: { simType: 3 } });
  await views.save({ name: 'busy', filter: { usedMb: { min: 100 } }, sort: { key: 'flow_used', order: 'desc' } });
  await views.save({ name: 'meters', filter: { simType: 2 } });
  assert.deepEqual(views.list().map((v) => [v.name, v.filter]), [['busy', { usedMb: { min: 100 } }], ['meters', { simType: 2 }]]);
  await views.rename('busy', 'heavy users');
  assert.deepEqual(new SavedViews(store, 'demo').list().map((v) => v.name), ['heavy users', 'meters']);
  assert.deepEqual(new SavedViews(store, 'acct-0000000000000000').list(), []);
  await views.delete('meters');
  assert.deepEqual(views.list().map((v) => v.name), ['heavy users']);
});

test('a view names the tags that no longer exist, and only those', async () => {
  const kept = await client.createTag('kept-tag');
  const gone = await client.createTag('gone-tag');
  await client.deleteTag(gone.id);
  const view = { name: 'tagged', filter: { tags: [{ id: kept.id, name: 'kept-tag' }, { id: gone.id, name: 'gone-tag' }] } };
  assert.deepEqual(await missingTags(client, view), [{ id: gone.id, name: 'gone-tag' }]);
});

test('a view needs a name of at most 60 characters', () => {
  assert.equal(viewNameProblem('  '), 'Enter a name for the view.');
  assert.equal(viewNameProblem('x'.repeat(61)), 'Enter at most {0} characters.');
  assert.equal(viewNameProblem('meters in use'), undefined);
});
