// Every one of the 39 GSL operations, called through the client against the simulator
// over real HTTP, with the response shape checked and, where an operation changes
// something, the change read back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { GslClient, SimDeviceVO } from '../../src/gsl/index';
import type { RunningSimulator } from '../../src/simulator/index';
import { startSimulator } from '../../src/simulator/index';
import { clientFor } from './helpers/clientSim';

const DECIMAL_ID = /^\d+$/;
const TWO_53 = 2n ** 53n;

function thisMonth(): { dash: string; plain: string } {
  const iso = new Date().toISOString();
  return { dash: iso.slice(0, 7), plain: iso.slice(0, 4) + iso.slice(5, 7) };
}

function assertPaged(r: { limit: number; offset: number; count: number }, key: string, items: unknown): void {
  assert.equal(typeof r.count, 'number', `${key}: count`);
  assert.equal(typeof r.limit, 'number', `${key}: limit`);
  assert.equal(typeof r.offset, 'number', `${key}: offset`);
  assert.ok(Array.isArray(items), `${key}: array`);
}

describe('every GSL operation against the simulator', () => {
  let sim: RunningSimulator;
  let client: GslClient;
  const fleet: SimDeviceVO[] = [];
  const used = new Set<string>();
  /** A card matching `pred` not yet used by another test (pending orders would clash). */
  const pick = (what: string, pred: (c: SimDeviceVO) => boolean): SimDeviceVO => {
    const c = fleet.find((x) => !used.has(x.sim_card_id) && pred(x));
    assert.ok(c, `the fleet has a card that is ${what}`);
    used.add(c.sim_card_id);
    return c;
  };
  // The simulator knows carriers; on the wire, China Telecom cards are the ones with IMEI re-binds counted.
  const isTelecom = (c: SimDeviceVO) => c.imei_bind_remain_times !== null && c.imei_bind_remain_times !== undefined;

  before(async () => {
    sim = await startSimulator({ port: 0, cards: 2000, seed: 7, workOrderMs: 200 });
    client = clientFor(sim, 'aksk').client;
    for await (const page of client.iterateSimCards({})) fleet.push(...page);
  });
  after(async () => {
    await client.dispose();
    await sim.close();
  });

  test('1 listSimCards: a paged list with ids as exact decimal strings', async () => {
    const r = await client.listSimCards({ limit: 50, offset: 2, sort: 'cid', order: 'desc' });
    assertPaged(r, 'sim_cards', r.sim_cards);
    assert.equal(r.count, 2000);
    assert.equal(r.sim_cards.length, 50);
    assert.equal(r.offset, 2);
    for (const c of r.sim_cards) {
      assert.match(c.sim_card_id, DECIMAL_ID);
      assert.ok(c.iccid && c.iccid.length >= 19 && c.iccid.length <= 20);
    }
    const cids = r.sim_cards.map((c) => c.cid ?? '');
    assert.deepEqual(cids, [...cids].sort().reverse());
    // Filters with arrays, booleans and a value needing encoding reach the service intact.
    const inUse = await client.listSimCards({ sim_status: 20, real_named: true, limit: 10 });
    assert.ok(inUse.count > 0 && inUse.sim_cards.every((c) => c.sim_status === 20 && c.real_named === true));
    assert.equal(fleet.length, 2000);
  });

  test('2 showSimCard: by id and by ICCID (sim_card_id 0 plus iccid in the query)', async () => {
    const c = fleet[3];
    const byId = await client.showSimCard({ sim_card_id: c.sim_card_id });
    assert.equal(byId.sim_card_id, c.sim_card_id);
    assert.equal(byId.iccid, c.iccid);
    const byIccid = await client.showSimCard({ iccid: c.iccid as string });
    assert.equal(byIccid.sim_card_id, c.sim_card_id);
  });

  test('3, 4, 33, 34 stopSimCard then resetSimCard, followed through the work orders', async () => {
    const c = pick('in use', (x) => x.sim_status === 20);
    const wo = await client.stopSimCard({ sim_card_id: c.sim_card_id });
    assert.match(wo.work_order_id, DECIMAL_ID);

    const list = await client.listWorkOrders({ main_search_key: wo.work_order_id, limit: 10 });
    assertPaged(list, 'work_orders', list.work_orders);
    assert.ok(list.work_orders.some((w) => w.id === wo.work_order_id));
    const details = await client.listWorkOrderDetails(wo.work_order_id, { limit: 10 });
    assertPaged(details, 'work_order_details', details.work_order_details);
    assert.equal(details.work_order_details[0].sim_card_id, c.sim_card_id);

    sim.settleWorkOrders();
    const done = await client.showWorkOrder(wo.work_order_id);
    assert.ok(done);
    assert.equal(done.id, wo.work_order_id);
    assert.equal(done.work_order_type, 5);
    assert.equal(done.status, 4);
    assert.equal((await client.showSimCard({ sim_card_id: c.sim_card_id })).sim_status, 14);

    // Stop sent down_up_switch 1 by default: the order records the request detail.
    assert.match(done.req_detail ?? '', /"down_up_switch":1/);

    const suspended = pick('suspended and resumable', (x) => x.sim_status === 14 && x.operator_status !== 6 && x.operator_status !== 7);
    const wo2 = await client.resetSimCard({ iccid: suspended.iccid as string });
    sim.settleWorkOrders();
    const done2 = await client.showWorkOrder(wo2.work_order_id);
    assert.equal(done2?.status, 4);
    assert.match(done2?.req_detail ?? '', /"down_up_switch":2/);
    assert.equal((await client.showSimCard({ sim_card_id: suspended.sim_card_id })).sim_status, 20);
    assert.equal(await client.showWorkOrder('1'), undefined);
  });

  test('5 enableSimCard: activates a testable or activatable physical card, by ICCID', async () => {
    const c = pick('physical and activatable', (x) => x.sim_type === 3 && (x.sim_status === 10 || x.sim_status === 13));
    const wo = await client.enableSimCard({ iccid: c.iccid as string });
    assert.match(wo.work_order_id, DECIMAL_ID);
    sim.settleWorkOrders();
    assert.equal((await client.showSimCard({ sim_card_id: c.sim_card_id })).sim_status, 20);
  });

  test('6 showMonthUsages and 7 listSimCardFlowPerDay: read-only POSTs', async () => {
    const ids = fleet.slice(0, 3).map((c) => c.sim_card_id);
    const m = thisMonth();
    const months = await client.showMonthUsages({ sim_card_ids: ids, billing_cycles: [m.dash] });
    assert.ok(Array.isArray(months.month_usages));
    assert.deepEqual(months.month_usages.map((u) => u.sim_card_id).sort(), [...ids].sort());
    assert.ok(months.month_usages.every((u) => Array.isArray(u.flow_usages)));
    const daily = await client.listSimCardFlowPerDay({ sim_card_ids: ids, month: m.plain });
    assert.ok(Array.isArray(daily));
    for (const d of daily) {
      assert.equal(typeof d.date, 'string');
      assert.ok(d.sim_flow.every((f) => ids.includes(f.sim_card_id) && typeof f.flow === 'number'));
    }
  });

  test('8 showRealNamed: real-name status by ICCID', async () => {
    const c = fleet[10];
    const r = await client.showRealNamed({ iccid: c.iccid as string });
    assert.equal(r.iccid, c.iccid);
    assert.equal(typeof r.real_named, 'boolean');
    const byId = await client.showRealNamed({ sim_card_id: c.sim_card_id });
    assert.equal(byId.iccid, c.iccid);
  });

  test('9 deleteRealName, 10 startStopNet, 11 setExceedCutNet, 12 registerImei, 13 setSpeedValue on China Telecom cards', async () => {
    const a = pick('Telecom', isTelecom);
    const b = pick('Telecom', isTelecom);
    const c = pick('Telecom', isTelecom);
    const d = pick('Telecom with a re-bind left', (x) => isTelecom(x) && (x.imei_bind_remain_times ?? 0) > 0);
    const e = pick('Telecom physical', (x) => isTelecom(x) && x.sim_type === 3);
    const orders = [
      await client.deleteRealName({ iccid: a.iccid as string }),
      await client.startStopNet({ iccid: b.iccid as string }, { action: 'ADD' }),
      await client.setExceedCutNet({ sim_card_id: c.sim_card_id }, { action: 1, quota: '100' }),
      await client.registerImei({ sim_card_id: d.sim_card_id }, { bind_type: 2, imei: '861234567890123' }),
      await client.setSpeedValue({ iccid: e.iccid as string }, { speed_value: 512 }),
    ];
    for (const o of orders) assert.match(o.work_order_id, DECIMAL_ID);
    sim.settleWorkOrders();
    assert.equal((await client.showSimCard({ sim_card_id: a.sim_card_id })).real_named, false);
    assert.equal((await client.showSimCard({ sim_card_id: b.sim_card_id })).cut_net_flag, true);
    const cc = await client.showSimCard({ sim_card_id: c.sim_card_id });
    assert.equal(cc.exceed_cut_net_flag, true);
    assert.equal(cc.exceed_cut_net_quota, 100);
    assert.equal((await client.showSimCard({ sim_card_id: d.sim_card_id })).imei, '861234567890123');
    assert.equal((await client.showSimCard({ sim_card_id: e.sim_card_id })).speed_value, 512);
  });

  test('14 listProPricePlans, 15 listSimPricePlans, 16 listFlowBySimCards', async () => {
    const plans = await client.listProPricePlans({ limit: 50 });
    assertPaged(plans, 'price_plans', plans.price_plans);
    assert.ok(plans.count > 0 && plans.price_plans.every((p) => typeof p.price_plan_id === 'string'));
    const card = fleet.find((c) => c.sim_type === 3 && c.sim_status === 20) as SimDeviceVO;
    const own = await client.listSimPricePlans({ sim_card_id: card.sim_card_id });
    assert.ok(Array.isArray(own) && own.length >= 1);
    assert.equal(own[0].sim_card_id, card.sim_card_id);
    const byIccid = await client.listSimPricePlans({ sim_card_id: '0', iccid: card.iccid, real_time: true });
    assert.equal(byIccid[0].sim_card_id, card.sim_card_id);
    const usage = await client.listFlowBySimCards({ sim_card_ids: [card.sim_card_id] });
    assert.ok(Array.isArray(usage));
    assert.equal(usage[0].sim_card_id, card.sim_card_id);
    assert.equal(typeof usage[0].flow_used, 'number');
  });

  test('17 listSimPools, 18 listSimPoolMembers, 19 listBackPools, 20 listBackPoolMembers', async () => {
    const cycle = thisMonth().dash;
    const pools = await client.listSimPools({ limit: 10 });
    assertPaged(pools, 'pools', pools.pools);
    assert.ok(pools.count > 0);
    const members = await client.listSimPoolMembers(pools.pools[0].id, { billing_cycle: cycle, limit: 10 });
    assertPaged(members, 'pool_members', members.pool_members);
    const back = await client.listBackPools({ limit: 10 });
    assertPaged(back, 'back pools', back.pools);
    assert.ok(back.count > 0);
    const backMembers = await client.listBackPoolMembers(back.pools[0].id, { billing_cycle: cycle, limit: 10 });
    assertPaged(backMembers, 'back pool_members', backMembers.pool_members);
  });

  test('21 listTags, 22 createTag, 23 deleteTag, 24 batchSetTags', async () => {
    const before = await client.listTags({ limit: 100 });
    assertPaged(before, 'tags', before.tags);
    const tag = await client.createTag('client-test-tag');
    assert.match(tag.id, DECIMAL_ID);
    assert.equal(tag.tag_name, 'client-test-tag');
    const card = fleet[20];
    const set = await client.batchSetTags({ sim_card_ids: [card.sim_card_id], tag_ids: [tag.id] });
    assert.equal(set, true);
    const tagged = await client.listSimCards({ tag_id: [tag.id], limit: 10 });
    assert.deepEqual(tagged.sim_cards.map((c) => c.sim_card_id), [card.sim_card_id]);
    assert.equal(await client.deleteTag(tag.id), true);
    const afterDelete = await client.listTags({ tag_name: 'client-test-tag', limit: 10 });
    assert.equal(afterDelete.count, 0);
  });

  test('25 listAttributes, 26 createAttribute, 27 updateAttribute, 28 enableAttribute, 29 disableAttribute, 30 batchSetAttributes', async () => {
    const list = await client.listAttributes({ limit: 10 });
    assertPaged(list, 'attributes', list.attributes);
    const created = await client.createAttribute('Rack');
    assert.match(created.id, DECIMAL_ID);
    assert.equal(await client.updateAttribute(created.id, 'Rack row'), true);
    assert.equal(await client.disableAttribute(created.id), true);
    let now = (await client.listAttributes({ cust_attr_name: 'Rack row', limit: 10 })).attributes[0];
    assert.equal(now.status, 0);
    assert.equal(await client.enableAttribute(created.id), true);
    now = (await client.listAttributes({ cust_attr_name: 'Rack row', limit: 10 })).attributes[0];
    assert.equal(now.status, 1);
    const slot = Number(/(\d+)$/.exec(now.default_attr_name_en ?? '')?.[1]);
    assert.ok(slot >= 1 && slot <= 6);
    const card = fleet[30];
    assert.equal(await client.batchSetAttributes({ attributes: [{ sim_card_id: card.sim_card_id, [`customer_attribute${slot}`]: 'row 7 "A"' }] }), true);
    const shown = await client.showSimCard({ sim_card_id: card.sim_card_id });
    assert.equal((shown as unknown as Record<string, unknown>)[`customer_attribute${slot}`], 'row 7 "A"');
  });

  test('31 sendSms and 32 listSmsDetails', async () => {
    const c = pick('in use, not Unicom', (x) => x.sim_status === 20 && (isTelecom(x) || x.speed_value === null));
    const sent = await client.sendSms({ sms_content: 'ping 你好', cids: [c.cid as string] });
    assert.notEqual(sent, undefined);
    const details = await client.listSmsDetails({ cid: c.cid, limit: 10 });
    assertPaged(details, 'sms_details', details.sms_details);
    assert.ok(details.sms_details.some((d) => d.sms_content === 'ping 你好'));
  });

  test('35 listSimDeviceMultiply, 36 switchNetwork, 37 setNetworkSwitchPolicy, 38 addNetworkSwitchPolicy, 39 listNetworkSwitchPolicies', async () => {
    const multi = await client.listSimDeviceMultiply({ limit: 10 });
    assertPaged(multi, 'multiply sim_cards', multi.sim_cards);
    assert.ok(multi.sim_cards.length >= 2);
    const [m1, m2] = multi.sim_cards;
    const target = m1.online_carrier === 1 ? 2 : 1;
    const wo = await client.switchNetwork(m1.sim_card_id, { cid: m1.cid, carrier_type: target });
    assert.match(wo.work_order_id, DECIMAL_ID);

    const added = await client.addNetworkSwitchPolicy({ version: 1, policy_name: 'client-test-policy', weak_signal_switch: true, preferred_carrier: 1, least_preferred_carrier: 2 });
    assert.notEqual(added, undefined);
    const policies = await client.listNetworkSwitchPolicies({ policy_name: 'client-test-policy', limit: 10 });
    assertPaged(policies, 'network_switch_policy_list', policies.network_switch_policy_list);
    const policy = policies.network_switch_policy_list[0];
    assert.match(policy.id, DECIMAL_ID);
    const wo2 = await client.setNetworkSwitchPolicy(m2.sim_card_id, { cid: m2.cid, network_switch_policy_id: policy.id });
    assert.match(wo2.work_order_id, DECIMAL_ID);
    sim.settleWorkOrders();
    const afterwards = await client.listSimDeviceMultiply({ sim_card_id: m2.sim_card_id, limit: 10 });
    assert.equal(afterwards.sim_cards[0].network_switch_policy_id, policy.id);
    const switched = await client.listSimDeviceMultiply({ sim_card_id: m1.sim_card_id, limit: 10 });
    assert.equal(switched.sim_cards[0].online_carrier, target);
  });

  test('countSimCards reads count from a 10-card page', async () => {
    assert.equal(await client.countSimCards({}), 2000);
    const inUse = fleet.filter((c) => c.sim_status === 20).length;
    // Earlier tests changed a few cards' status; the count must match the service's view now.
    const now = await client.countSimCards({ sim_status: 20 });
    assert.ok(Math.abs(now - inUse) <= 3, `${now} vs ${inUse}`);
  });

  test('an id above 2^53 survives a round trip: list, show by that id, same id', async () => {
    const big = fleet.find((c) => BigInt(c.sim_card_id) > TWO_53);
    assert.ok(big, 'the simulated fleet has ids above 2^53');
    const shown = await client.showSimCard({ sim_card_id: big.sim_card_id });
    assert.equal(shown.sim_card_id, big.sim_card_id);
    assert.equal(shown.iccid, big.iccid);
    // The neighbours that a rounded number would land on are not the same card.
    assert.notEqual(String(Number(big.sim_card_id)), big.sim_card_id);
    // In a request body too: month usage by that id comes back under the exact id.
    const usage = await client.showMonthUsages({ sim_card_ids: [big.sim_card_id], billing_cycles: [thisMonth().dash] });
    assert.equal(usage.month_usages[0].sim_card_id, big.sim_card_id);
  });

  test('the simulator saw every one of the 39 operations', () => {
    const ops = Object.keys(sim.stats().operations).filter((k) => k.includes(' /v1/'));
    assert.equal(ops.length, 39, ops.sort().join('\n'));
  });
});
