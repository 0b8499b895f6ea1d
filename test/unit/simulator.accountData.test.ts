// What surrounds the cards, as the simulator answers it: the account's work orders from every
// origin (batches, scheduled stops, a card's whole life), three-network cards that are cards of
// the fleet and switch carrier through work orders, plan usage per plan, and six billing cycles
// of a pool.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator } from '../../src/simulator/index';
import type { RunningSimulator } from '../../src/simulator/index';
import { call } from './helpers/simRequest';
import type { CallOptions } from './helpers/simRequest';

const ORDER_MS = 10 * 60_000;
let clock = Date.UTC(2025, 4, 17, 9, 30, 0);
let sim: RunningSimulator;
type Obj = Record<string, unknown>;
type Orders = { count: number; work_orders: Obj[] };
const req = (method: string, path: string, opts: CallOptions = {}) => call(sim.info, method, path, { date: new Date(clock), ...opts });
const get = async <T = Obj>(path: string, query: CallOptions['query'] = []) => (await req('GET', path, { query })).json as T;

before(async () => {
  sim = await startSimulator({ cards: 2000, seed: 9, now: () => clock, workOrderMs: ORDER_MS });
});
after(() => sim.close());

test('work orders come from every origin, newest first, with batches whose lines add up', async () => {
  const all = await get<Orders>('/v1/work-orders', [['limit', 500]]);
  assert.ok(all.count > 40, `a lived-in list (${all.count})`);
  const times = all.work_orders.map((o) => o.create_time as string);
  assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
  const sources = new Set(all.work_orders.map((o) => o.work_order_source));
  for (const s of [1, 2, 3, 5, 6]) assert.ok(sources.has(s), `an order of source ${s}`);
  const batches = all.work_orders.filter((o) => (o.total_count as number) > 1);
  assert.ok(batches.length >= 5, 'batch orders');
  for (const o of batches) {
    const d = await get<{ count: number; work_order_details: Obj[] }>(`/v1/work-orders/${o.id}/details`, [['limit', 500]]);
    assert.equal(d.count, o.total_count);
    const failedLines = d.work_order_details.filter((l) => l.status === 3).length;
    assert.equal(failedLines, o.fail_count, `failed lines of ${o.id}`);
    assert.equal(o.success_count as number, (o.total_count as number) - failedLines);
  }
  assert.ok(all.work_orders.some((o) => o.status === 5), 'a cancelled order');
  assert.ok(all.work_orders.some((o) => o.status === 4 && (o.fail_count as number) > 0), 'a completed batch with failed lines');
});

test('work orders page past the first page without overlap, and filter by type and status', async () => {
  const first = await get<Orders>('/v1/work-orders', [['limit', 10], ['offset', 1]]);
  const second = await get<Orders>('/v1/work-orders', [['limit', 10], ['offset', 2]]);
  assert.equal(first.work_orders.length, 10);
  assert.equal(second.work_orders.length, 10);
  const ids = new Set(first.work_orders.map((o) => o.id));
  assert.ok(second.work_orders.every((o) => !ids.has(o.id)));
  const failedRebinds = await get<Orders>('/v1/work-orders', [['work_order_type', 13], ['status', 6], ['limit', 100]]);
  assert.ok(failedRebinds.count >= 1);
  assert.ok(failedRebinds.work_orders.every((o) => o.work_order_type === 13 && o.status === 6));
});

test('the planted life card appears in every order of its story, each with the line for it', async () => {
  const { history } = sim.planted();
  assert.ok(history, 'a life card is planted');
  const card = sim.store.byCardId(history.sim_card_id)!;
  assert.equal(card.vo.iccid, history.iccid);
  assert.equal(card.vo.sim_status, 20);
  const all = await get<Orders>('/v1/work-orders', [['limit', 500]]);
  const found: Obj[] = [];
  for (const o of all.work_orders) {
    const d = await get<{ work_order_details: Obj[] }>(`/v1/work-orders/${o.id}/details`, [['main_search_key', card.vo.cid], ['limit', 10]]);
    found.push(...d.work_order_details.filter((l) => l.sim_card_id === card.vo.sim_card_id).map((l) => ({ ...l, type: o.work_order_type, source: o.work_order_source })));
  }
  assert.ok(found.length >= history.orders);
  const types = found.map((l) => l.type);
  for (const t of [10, 5, 4, 15, 13, 7, 6]) assert.ok(types.includes(t), `type ${t} in its history`);
  assert.ok(new Set(found.map((l) => l.source)).size >= 4, 'orders of several origins');
  assert.ok(found.some((l) => l.status === 3 && typeof l.description === 'string' && (l.description as string).length > 0), 'a failed line with its reason');
});

test('three-network cards switch carrier through a work order; the plan usage names the ICCID in use', async () => {
  const cards = await get<{ count: number; sim_cards: Obj[] }>('/v1/sim-cards-multiply', [['limit', 100]]);
  const tn = cards.sim_cards[0];
  const id = tn.sim_card_id as string;
  const from = tn.online_carrier as number;
  const to = from === 1 ? 2 : 1;
  const r = await req('POST', `/v1/sim-cards-multiply/${id}/switch-network`, { body: { carrier_type: to } });
  assert.equal(r.status, 200, r.text);
  const orderId = (r.json as Obj).work_order_id as string;
  const pending = await get<Orders>('/v1/work-orders', [['main_search_key', orderId]]);
  assert.equal(pending.work_orders[0].status, 3);
  assert.equal((await get<{ sim_cards: Obj[] }>('/v1/sim-cards-multiply', [['sim_card_id', id]])).sim_cards[0].online_carrier, from, 'unchanged while processing');
  const again = await req('POST', `/v1/sim-cards-multiply/${id}/switch-network`, { body: { carrier_type: to } });
  assert.equal((again.json as Obj).error_code, 'GSL.00016016', 'the same operation within 5 minutes is refused');
  clock += ORDER_MS;
  sim.settleWorkOrders();
  const after = (await get<{ sim_cards: Obj[] }>('/v1/sim-cards-multiply', [['sim_card_id', id]])).sim_cards[0];
  assert.equal(after.online_carrier, to);
  assert.equal((await get<Orders>('/v1/work-orders', [['main_search_key', orderId]])).work_orders[0].status, 4);
  const usage = (await req('POST', '/v1/sim-price-plans/usage/batch-query', { body: { sim_card_ids: [id] } })).json as Obj[];
  assert.equal(usage[0].iccid, [after.iccid_mobile, after.iccid_telcom, after.iccid_unicom][to - 1]);
});

test('applying a switch policy is a work order that attaches the policy when it completes', async () => {
  const cards = await get<{ sim_cards: Obj[] }>('/v1/sim-cards-multiply', [['limit', 100]]);
  const tn = cards.sim_cards.find((c) => c.network_switch_policy_id === null)!;
  const policies = await get<{ network_switch_policy_list: Obj[] }>('/v1/network-switch-policies');
  const policy = policies.network_switch_policy_list[0];
  const r = await req('POST', `/v1/sim-cards/${tn.sim_card_id}/network-switch-policy/set`, { body: { network_switch_policy_id: policy.id } });
  assert.equal(r.status, 200, r.text);
  clock += ORDER_MS;
  sim.settleWorkOrders();
  const after = (await get<{ sim_cards: Obj[] }>('/v1/sim-cards-multiply', [['sim_card_id', tn.sim_card_id as string]])).sim_cards[0];
  assert.deepEqual([after.network_switch_policy_id, after.policy_name], [policy.id, policy.policy_name]);
});

test('plan usage has a row per plan the card holds; a pool lists six billing cycles', async () => {
  const esim = sim.store.allCards().find((c) => c.vo.sim_type === 2 && c.vo.sim_status === 20)!;
  const rows = (await req('POST', '/v1/sim-price-plans/usage/batch-query', { body: { sim_card_ids: [esim.vo.sim_card_id] } })).json as Obj[];
  const plans = await get<Obj[]>('/v1/sim-price-plans', [['sim_card_id', esim.vo.sim_card_id]]);
  assert.equal(rows.length, plans.length);
  assert.deepEqual(rows.map((r) => r.id), plans.map((p) => p.id));
  const pools = await get<{ count: number; pools: Obj[] }>('/v1/sim-pools', [['all_billing_cycle', true], ['limit', 100]]);
  const forOne = pools.pools.filter((p) => p.id === pools.pools[0].id);
  assert.deepEqual(forOne.map((p) => p.billing_cycle), ['2025-05', '2025-04', '2025-03', '2025-02', '2025-01', '2024-12']);
});
