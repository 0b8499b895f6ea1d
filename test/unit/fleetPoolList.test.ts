// The Pools view's list against the real simulator: both kinds of pool read at once, each
// pool's members in its cycle with their share, paged; the pool planted at risk reads as near
// its limit, and the pool rules say why.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { GslClient } from '../../src/gsl/client';
import { PoolList } from '../../src/fleet/poolList';
import { poolDescription, poolMemberDescription, poolNearLimit } from '../../src/core/poolText';
import type { AnyPool } from '../../src/core/poolText';
import { formatOnly } from '../../src/core/translate';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index';

let sim: RunningSimulator;
let client: GslClient;

before(async () => {
  sim = await startSimulator({ port: 0, cards: 2000, seed: 3 });
  const { info } = sim;
  client = new GslClient({ endpoints: { gsl: info.endpoint, iam: info.iamEndpoint }, credentials: { get: async () => ({ kind: 'aksk', ak: info.ak, sk: info.sk, projectId: info.projectId }) } });
});
after(async () => {
  await client.dispose();
  await sim.close();
});

test('flow and back pools load together, as the API lists them', async () => {
  const list = new PoolList(() => client, () => 10);
  sim.resetStats();
  await list.load();
  assert.equal(sim.stats().requests, 2);
  const flow = await client.listSimPools({ limit: 10, offset: 1 });
  const back = await client.listBackPools({ limit: 10, offset: 1 });
  assert.deepEqual(list.pools('flow').items.map((p) => p.pool.id), flow.pools.map((p) => p.id));
  assert.deepEqual(list.pools('back').items.map((p) => p.pool.id), back.pools.map((p) => p.id));
  assert.ok(flow.pools.length > 0 && back.pools.length > 0);
});

test('a pool\'s members are its cards of the cycle, paged, each with its share of the pool', async () => {
  const list = new PoolList(() => client, () => 10);
  await list.load();
  const pool = [...list.pools('flow').items, ...list.pools('back').items].find((p) => (p.pool.quantity ?? 0) > 10)!;
  const members = list.membersOf(pool);
  await members.load();
  assert.equal(members.count, pool.pool.quantity);
  assert.ok(members.hasMore);
  await members.loadMore();
  const expected = pool.kind === 'flow' ? await client.listSimPoolMembers(pool.pool.id, { billing_cycle: pool.pool.billing_cycle!, limit: 10, offset: 2 }) : await client.listBackPoolMembers(pool.pool.id, { billing_cycle: pool.pool.billing_cycle!, limit: 10, offset: 2 });
  assert.deepEqual(members.items.slice(10).map((m) => m.cid), expected.pool_members.map((m) => m.cid));
  const m = members.items[0];
  const used = pool.pool.flow_used ?? 0;
  assert.match(poolMemberDescription(m, used, formatOnly), new RegExp(`· ${Math.round((m.flow_used / used) * 1000) / 10}% of the pool$`));
});

test('the pool planted at risk is near its limit; a pool far from it is not', async () => {
  const risky = sim.planted().poolAtRisk[0];
  const list = new PoolList(() => client, () => 500);
  await list.load();
  const flows = list.pools('flow').items;
  const atRisk = flows.find((p) => p.pool.id === risky.pool_id)!;
  assert.ok(poolNearLimit(atRisk), poolDescription(atRisk, formatOnly));
  const clock = { elapsedDays: 15, cycle: { days: 30 } } as const;
  const pool = (used: number, total: number): AnyPool => ({ kind: 'flow', pool: { id: '1', pool_name: 'p', flow_used: used, flow_total: total, quantity: 3 } });
  assert.equal(poolNearLimit(pool(100, 1000), clock as never), false);
  assert.equal(poolNearLimit(pool(900, 1000), clock as never), true, '90% used');
  assert.equal(poolNearLimit(pool(600, 1000), clock as never), true, 'on pace for 1,200 MB');
  assert.equal(poolDescription(pool(600, 1000), formatOnly), '600 MB of 1000 MB (60%) · 3 cards');
  assert.equal(poolNearLimit({ kind: 'back', pool: { id: '2', pool_name: 'b', flow_used: 5000 } }, clock as never), false, 'a back pool has no total');
});
