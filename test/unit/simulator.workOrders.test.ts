import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator } from '../../src/simulator/index';
import type { Card, RunningSimulator } from '../../src/simulator/index';
import { call, cardPicker } from './helpers/simRequest';
import type { CallOptions } from './helpers/simRequest';

// Orders take 10 simulated minutes; the tests move the clock instead of waiting.
const ORDER_MS = 10 * 60_000;
let clock = Date.UTC(2025, 4, 17, 9, 30, 0);
let sim: RunningSimulator;
type Obj = Record<string, unknown>;
const req = (method: string, path: string, opts: CallOptions = {}) => call(sim.info, method, path, { date: new Date(clock), ...opts });
/** A fresh card matching the test's needs, so tests do not share cards. */
const card = cardPicker(() => sim);
const show = async (c: Card) => (await req('GET', `/v1/sim-cards/${c.vo.sim_card_id}`)).json as Obj;
const order = async (id: string) => ((await req('GET', '/v1/work-orders', { query: [['main_search_key', id]] })).json as { count: number; work_orders: Obj[] });

before(async () => {
  sim = await startSimulator({ cards: 2000, seed: 5, now: () => clock, workOrderMs: ORDER_MS });
});
after(() => sim.close());

test('resume: a suspended card gets a processing order, which completes and puts the card in use', async () => {
  const c = card((x) => x.vo.sim_status === 14 && x.vo.operator_status === 5);
  const r = await req('POST', `/v1/sim-cards/${c.vo.sim_card_id}/reset`, { body: { down_up_switch: 2 } });
  assert.equal(r.status, 200);
  const id = (r.json as Obj).work_order_id as string;
  assert.ok(BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER), 'work order ids exceed 2^53');
  assert.match(r.text, new RegExp(`^\\{"work_order_id":${id}\\}$`));
  let o = (await order(id)).work_orders[0];
  assert.deepEqual([o.status, o.work_order_type, o.work_order_source, o.total_count, o.process_count], [3, 4, 8, 1, 1]);
  assert.equal((await show(c)).sim_status, 14, 'no change until the order completes');
  const details = (await req('GET', `/v1/work-orders/${id}/details`)).json as { count: number; work_order_details: Obj[] };
  assert.deepEqual([details.count, details.work_order_details[0].status, details.work_order_details[0].sim_card_id], [1, 2, c.vo.sim_card_id]);
  clock += ORDER_MS;
  o = (await order(id)).work_orders[0];
  assert.deepEqual([o.status, o.success_count, o.process_count], [4, 1, 0]);
  assert.ok(o.finish_time);
  const after = await show(c);
  assert.deepEqual([after.sim_status, after.operator_status], [20, -1]);
  const d = ((await req('GET', `/v1/work-orders/${id}/details`)).json as { work_order_details: Obj[] }).work_order_details[0];
  assert.equal(d.status, 1);
});

test('stop by ICCID (id 0) suspends the card; the list views follow the new status', async () => {
  const c = card((x) => x.vo.sim_status === 20 && x.vo.sim_type === 3);
  const r = await req('POST', '/v1/sim-cards/0/stop', { body: { down_up_switch: 1, iccid: c.vo.iccid } });
  assert.equal(r.status, 200);
  clock += ORDER_MS;
  const list = (await req('GET', '/v1/sim-cards', { query: [['sim_status', 14], ['limit', 500], ['sort', 'cid']] })).json as { sim_cards: Obj[] };
  assert.ok(list.sim_cards.some((x) => x.sim_card_id === c.vo.sim_card_id));
  assert.equal((await show(c)).operator_status, 5);
});

test('enable activates a testable physical card and sets act_date', async () => {
  const c = card((x) => x.vo.sim_status === 13 && x.vo.sim_type === 3);
  const r = await req('POST', `/v1/sim-cards/${c.vo.sim_card_id}/enable`);
  assert.equal(r.status, 200);
  clock += ORDER_MS;
  const s = await show(c);
  assert.equal(s.sim_status, 20);
  assert.equal(s.act_date, new Date(clock).toISOString(), 'activated when the order completed');
});

test('the same operation on a card within 5 minutes is GSL.00016016 403', async () => {
  const c = card((x) => x.vo.sim_status === 14 && x.vo.operator_status === 5);
  assert.equal((await req('POST', `/v1/sim-cards/${c.vo.sim_card_id}/reset`, { body: {} })).status, 200);
  const again = await req('POST', `/v1/sim-cards/${c.vo.sim_card_id}/reset`, { body: {} });
  assert.equal(again.status, 403);
  assert.equal((again.json as Obj).error_code, 'GSL.00016016');
  clock += ORDER_MS;
});

test('stop or reset while a suspend order is pending is GSL.00016010 403', async () => {
  const c = card((x) => x.vo.sim_status === 20 && x.vo.sim_type === 3);
  assert.equal((await req('POST', `/v1/sim-cards/${c.vo.sim_card_id}/stop`, { body: { down_up_switch: 1 } })).status, 200);
  const reset = await req('POST', `/v1/sim-cards/${c.vo.sim_card_id}/reset`, { body: { down_up_switch: 2 } });
  assert.deepEqual([reset.status, (reset.json as Obj).error_code], [403, 'GSL.00016010']);
  clock += 6 * 60_000; // past the repeat window, order still pending
  const stop = await req('POST', `/v1/sim-cards/${c.vo.sim_card_id}/stop`, { body: { down_up_switch: 1 } });
  assert.deepEqual([stop.status, (stop.json as Obj).error_code], [403, 'GSL.00016010']);
  clock += ORDER_MS;
});

test('enable while an activation is pending is GSL.00016015; other operations meanwhile are GSL.00016010', async () => {
  const c = card((x) => x.vo.sim_status === 10 && x.vo.sim_type === 3 && x.carrier === 'CT');
  assert.equal((await req('POST', `/v1/sim-cards/${c.vo.sim_card_id}/enable`)).status, 200);
  clock += 6 * 60_000;
  const again = await req('POST', '/v1/sim-cards/0/enable', { query: [['iccid', c.vo.iccid]] });
  assert.deepEqual([again.status, (again.json as Obj).error_code], [403, 'GSL.00016015']);
  const cut = await req('POST', `/v1/sim-cards/${c.vo.sim_card_id}/cut-net`, { body: { action: 'ADD' } });
  assert.deepEqual([cut.status, (cut.json as Obj).error_code], [403, 'GSL.00016010']);
  clock += ORDER_MS;
});

test('status preconditions: stop needs 20, reset needs 14 without violation, enable needs 10/13 on a physical card', async () => {
  const cases: Array<[string, Card, string, CallOptions]> = [
    ['stop a suspended card', card((x) => x.vo.sim_status === 14), 'stop', { body: {} }],
    ['reset a card in use', card((x) => x.vo.sim_status === 20), 'reset', { body: {} }],
    ['reset a card suspended for violation', card((x) => x.vo.sim_status === 14 && (x.vo.operator_status === 6 || x.vo.operator_status === 7)), 'reset', { body: {} }],
    ['enable a card in use', card((x) => x.vo.sim_status === 20 && x.vo.sim_type === 3), 'enable', {}],
    ['enable an eSIM', card((x) => x.vo.sim_status === 13 && x.vo.sim_type === 2), 'enable', {}],
  ];
  for (const [name, c, op, opts] of cases) {
    const r = await req('POST', `/v1/sim-cards/${c.vo.sim_card_id}/${op}`, opts);
    assert.equal(r.status, 400, name);
    assert.equal((r.json as Obj).error_code, 'GSL.00010004', name);
    assert.ok((r.json as Obj).error_msg, name);
  }
});

test('a rule that fails at completion fails the order (6) with a reason and leaves the card unchanged', async () => {
  const c = card((x) => x.carrier === 'CU' && x.vo.sim_type === 3 && x.vo.real_named === false && x.vo.sim_status === 20);
  const before = c.vo.speed_value;
  const id = ((await req('POST', `/v1/sim-cards/${c.vo.sim_card_id}/speed-limit`, { body: { speed_value: 512 } })).json as Obj).work_order_id as string;
  clock += ORDER_MS;
  const o = (await order(id)).work_orders[0];
  assert.deepEqual([o.status, o.fail_count, o.success_count], [6, 1, 0]);
  assert.match(o.fail_reason as string, /real-name/);
  const d = ((await req('GET', `/v1/work-orders/${id}/details`)).json as { work_order_details: Obj[] }).work_order_details[0];
  assert.equal(d.status, 3);
  assert.equal((await show(c)).speed_value, before);
});

test('Telecom operations change the card when they complete', async () => {
  const c = card((x) => x.carrier === 'CT' && x.vo.sim_type === 3 && x.vo.sim_status === 20 && x.vo.imei_bind_remain_times === 2 && x.vo.real_named === true);
  const ops: Array<[string, unknown]> = [['cut-net', { action: 'ADD' }], ['exceed-cut-net', { action: 1, quota: '300' }], ['speed-limit', { speed_value: 3072 }], ['bind-device', { bind_type: 2, imei: '861234567890128' }]];
  for (const [op, body] of ops) {
    assert.equal((await req('POST', `/v1/sim-cards/${c.vo.sim_card_id}/${op}`, { body })).status, 200, op);
    clock += ORDER_MS;
  }
  assert.equal((await req('POST', `/v1/sim-cards/${c.vo.sim_card_id}/clear-real-name`)).status, 200);
  clock += ORDER_MS;
  const s = await show(c);
  assert.deepEqual(
    [s.cut_net_flag, s.exceed_cut_net_flag, s.exceed_cut_net_quota, s.speed_value, s.imei, s.imei_bind_remain_times, s.real_named],
    [true, true, 300, 3072, '861234567890128', 1, false],
  );
});

test('work orders list newest first and filter by type and status', async () => {
  const all = (await req('GET', '/v1/work-orders', { query: [['limit', 100]] })).json as { count: number; work_orders: Obj[] };
  const times = all.work_orders.map((o) => o.create_time as string);
  assert.deepEqual(times, [...times].sort().reverse());
  const failed = (await req('GET', '/v1/work-orders', { query: [['status', 6], ['work_order_type', 15]] })).json as { work_orders: Obj[] };
  assert.ok(failed.work_orders.length >= 1 && failed.work_orders.every((o) => o.status === 6 && o.work_order_type === 15));
});

test('a real timer completes orders without further requests', async () => {
  const s2 = await startSimulator({ cards: 200, seed: 5, workOrderMs: 30 });
  try {
    const c = s2.store.allCards().find((x) => x.vo.sim_status === 14 && x.vo.operator_status === 5)!;
    const r = await call(s2.info, 'POST', `/v1/sim-cards/${c.vo.sim_card_id}/reset`, { body: {} });
    assert.equal(r.status, 200);
    // The store keeps the card the order changes; read it from there, not from the copy found above.
    const status = () => s2.store.card(c.index).vo.sim_status;
    for (let i = 0; i < 100 && status() !== 20; i++) await new Promise((res) => setTimeout(res, 20));
    assert.equal(status(), 20);
  } finally {
    await s2.close();
  }
});
