// The simulator changes a card as the service would for every operation SIM Fleet offers, and
// refuses as gsl-api.md says: tags and attributes show in the list and the detail, a cut card's
// network state changes, an SMS appears in the history with its delivery status.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator } from '../../src/simulator/index';
import type { Card, RunningSimulator } from '../../src/simulator/index';
import { call, cardPicker } from './helpers/simRequest';
import type { CallOptions } from './helpers/simRequest';

const ORDER_MS = 60_000;
let clock = Date.UTC(2025, 4, 17, 9, 30, 0);
let sim: RunningSimulator;
type Obj = Record<string, unknown>;
const req = (method: string, path: string, opts: CallOptions = {}) => call(sim.info, method, path, { date: new Date(clock), ...opts });
/** A fresh card matching the test's needs, so tests do not share cards. */
const card = cardPicker(() => sim);
const show = async (c: Card) => (await req('GET', `/v1/sim-cards/${c.vo.sim_card_id}`)).json as Obj;
const listed = async (c: Card) => {
  const page = (await req('GET', '/v1/sim-cards', { query: [['main_search_type', 1], ['main_search_key', c.vo.iccid], ['limit', 10]] })).json as { sim_cards: Obj[] };
  return page.sim_cards.find((x) => x.sim_card_id === c.vo.sim_card_id) as Obj;
};
const code = (r: { json: unknown }) => (r.json as Obj).error_code;

before(async () => {
  sim = await startSimulator({ cards: 2000, seed: 11, now: () => clock, workOrderMs: ORDER_MS });
});
after(() => sim.close());

test('network off then on within 5 minutes: two operations, each changing the network state; repeating one is GSL.00016016', async () => {
  const c = card((x) => x.carrier === 'CT' && x.vo.sim_status === 20 && !x.vo.cut_net_flag);
  assert.equal((await req('POST', `/v1/sim-cards/${c.vo.sim_card_id}/cut-net`, { body: { action: 'ADD' } })).status, 200);
  clock += ORDER_MS;
  assert.equal((await show(c)).cut_net_flag, true);
  assert.equal((await listed(c)).cut_net_flag, true, 'the list shows it too');
  const again = await req('POST', `/v1/sim-cards/${c.vo.sim_card_id}/cut-net`, { body: { action: 'ADD' } });
  assert.deepEqual([again.status, code(again)], [403, 'GSL.00016016']);
  assert.equal((await req('POST', `/v1/sim-cards/${c.vo.sim_card_id}/cut-net`, { body: { action: 'DEL' } })).status, 200);
  clock += ORDER_MS;
  assert.equal((await show(c)).cut_net_flag, false);
});

test('usage cut-off set then cancelled; China Unicom needs a pool', async () => {
  const c = card((x) => x.carrier === 'CU' && x.vo.sim_type === 3 && x.vo.sim_status === 20 && !!x.vo.sim_pool_id);
  assert.equal((await req('POST', `/v1/sim-cards/${c.vo.sim_card_id}/exceed-cut-net`, { body: { action: 1, quota: '0' } })).status, 200);
  clock += ORDER_MS;
  assert.equal((await show(c)).exceed_cut_net_flag, true);
  assert.equal((await req('POST', `/v1/sim-cards/${c.vo.sim_card_id}/exceed-cut-net`, { body: { action: 2 } })).status, 200);
  clock += ORDER_MS;
  const s = await show(c);
  assert.deepEqual([s.exceed_cut_net_flag, s.exceed_cut_net_quota], [false, null]);
  const unpooled = card((x) => x.carrier === 'CU' && !x.vo.sim_pool_id);
  const r = await req('POST', `/v1/sim-cards/${unpooled.vo.sim_card_id}/exceed-cut-net`, { body: { action: 1, quota: '10' } });
  assert.deepEqual([r.status, code(r)], [400, 'GSL.00010004']);
  assert.match((r.json as Obj).error_msg as string, /pooled/);
});

test('a China Telecom card without rebinds left fails its rebind order; China Mobile refuses a fixed rebind', async () => {
  const c = card((x) => x.carrier === 'CT' && x.vo.sim_status === 20 && x.vo.imei_bind_remain_times === 0);
  const id = ((await req('POST', `/v1/sim-cards/${c.vo.sim_card_id}/bind-device`, { body: { bind_type: 1 } })).json as Obj).work_order_id as string;
  clock += ORDER_MS;
  const o = ((await req('GET', '/v1/work-orders', { query: [['main_search_key', id]] })).json as { work_orders: Obj[] }).work_orders[0];
  assert.equal(o.status, 6);
  assert.match(o.fail_reason as string, /re-binds left/);
  const m = card((x) => x.carrier === 'CM' && x.vo.sim_status === 20);
  const fixed = await req('POST', `/v1/sim-cards/${m.vo.sim_card_id}/bind-device`, { body: { bind_type: 2, imei: '490154203237518' } });
  assert.deepEqual([fixed.status, code(fixed)], [400, 'GSL.00010004']);
});

test('a speed the carrier does not offer is GSL.00011016; China Unicom takes 7.25 Mbps as 7424', async () => {
  const u = card((x) => x.carrier === 'CU' && x.vo.sim_type === 3 && x.vo.sim_status === 20 && x.vo.real_named === true);
  const bad = await req('POST', `/v1/sim-cards/${u.vo.sim_card_id}/speed-limit`, { body: { speed_value: 3072 } });
  assert.deepEqual([bad.status, code(bad)], [400, 'GSL.00011016']);
  assert.equal((await req('POST', `/v1/sim-cards/${u.vo.sim_card_id}/speed-limit`, { body: { speed_value: 7424 } })).status, 200);
  clock += ORDER_MS;
  assert.equal((await show(u)).speed_value, 7424);
});

test('tags: set on cards (BatchSetTags sets, an empty list clears), shown by name in the list and the detail, in use in ListTags', async () => {
  const created = (await req('POST', '/v1/tags', { body: { tag_name: 'ops-test' } })).json as Obj;
  const [a, b] = [card((x) => x.tagIds.length === 0), card((x) => x.tagIds.length === 1)];
  const other = sim.store.tags.get(b.tagIds[0])!.tag_name;
  assert.equal((await req('POST', '/v1/sim-tags/batch-set', { body: { sim_card_ids: [a.vo.sim_card_id], tag_ids: [created.id] } })).status, 200);
  assert.equal((await req('POST', '/v1/sim-tags/batch-set', { body: { sim_card_ids: [b.vo.sim_card_id], tag_ids: [b.tagIds[0], created.id] } })).status, 200);
  assert.equal((await show(a)).tag_names, 'ops-test');
  assert.equal((await listed(b)).tag_names, `${other},ops-test`);
  const tags = (await req('GET', '/v1/tags', { query: [['tag_name', 'ops-test'], ['limit', 10]] })).json as { tags: Obj[] };
  assert.equal(tags.tags[0].status, 1);
  assert.equal((await req('POST', '/v1/sim-tags/batch-set', { body: { sim_card_ids: [a.vo.sim_card_id], tag_ids: [] } })).status, 200);
  assert.equal((await show(a)).tag_names, null);
  // More than 500 cards in one request is refused as a whole.
  const many = sim.store.allCards().slice(0, 501).map((x) => x.vo.sim_card_id);
  const tooMany = await req('POST', '/v1/sim-tags/batch-set', { body: { sim_card_ids: many, tag_ids: [created.id] } });
  assert.deepEqual([tooMany.status, code(tooMany)], [400, 'GSL.00016051']);
});

test('tag names are 1–32 characters without commas or control characters (cards join their tag names with commas)', async () => {
  for (const name of ['a,b', 'line\nbreak', '', 'x'.repeat(33)]) {
    const r = await req('POST', '/v1/tags', { body: { tag_name: name } });
    assert.deepEqual([r.status, code(r)], [400, 'GSL.00022001'], JSON.stringify(name));
  }
  const dup = await req('POST', '/v1/tags', { body: { tag_name: 'north-fleet' } });
  assert.deepEqual([dup.status, code(dup)], [400, 'GSL.00022002']);
});

test('custom attributes: values written to enabled slots show in the list and detail; a disabled slot and a 7th attribute are refused', async () => {
  const c = card(() => true);
  assert.equal((await req('POST', '/v1/sim-cards/attributes/batch-set', { body: { attributes: [{ sim_card_id: c.vo.sim_card_id, customer_attribute1: 'Site <X>' }] } })).status, 200);
  assert.equal((await show(c)).customer_attribute1, 'Site <X>');
  assert.equal((await listed(c)).customer_attribute1, 'Site <X>');
  assert.equal((await req('POST', '/v1/sim-cards/attributes/batch-set', { body: { attributes: [{ sim_card_id: c.vo.sim_card_id, customer_attribute1: '' }] } })).status, 200);
  assert.equal((await show(c)).customer_attribute1, null);
  const attrs = ((await req('GET', '/v1/attributes', { query: [['limit', 10]] })).json as { attributes: Obj[] }).attributes;
  assert.equal((await req('POST', `/v1/attributes/${attrs[1].id}/disable`)).status, 200);
  const disabled = await req('POST', '/v1/sim-cards/attributes/batch-set', { body: { attributes: [{ sim_card_id: c.vo.sim_card_id, customer_attribute2: 'x' }] } });
  assert.deepEqual([disabled.status, code(disabled)], [400, 'GSL.00020004']);
  assert.equal((await req('POST', `/v1/attributes/${attrs[1].id}/enable`)).status, 200);
  assert.equal((await req('PUT', `/v1/attributes/${attrs[0].id}`, { body: { cust_attr_name: 'Location' } })).status, 200);
  for (const name of ['Fifth', 'Sixth']) assert.equal((await req('POST', '/v1/attributes', { body: { cust_attr_name: name } })).status, 200, name);
  const seventh = await req('POST', '/v1/attributes', { body: { cust_attr_name: 'Seventh' } });
  assert.deepEqual([seventh.status, code(seventh)], [400, 'GSL.00027004']);
  const clash = await req('PUT', `/v1/attributes/${attrs[0].id}`, { body: { cust_attr_name: 'ICCID' } });
  assert.deepEqual([clash.status, code(clash)], [400, 'GSL.00027003']);
});

test('an SMS appears in the card\'s history, sending and then delivered; China Unicom cards and cards not in use are refused', async () => {
  const c = card((x) => x.carrier === 'CT' && x.vo.sim_status === 20);
  assert.equal((await req('POST', '/v1/sms-send-infos', { body: { sms_content: 'REBOOT', cids: [c.vo.cid] } })).status, 200);
  const history = async () => ((await req('GET', '/v1/sms-send-infos/details', { query: [['cid', c.vo.cid], ['limit', 10]] })).json as { sms_details: Obj[] }).sms_details;
  assert.deepEqual((await history()).map((m) => [m.sms_content, m.sms_status]), [['REBOOT', 1]]);
  clock += 5000;
  const [delivered] = await history();
  assert.equal(delivered.sms_status, 2);
  assert.ok(delivered.received_time);
  const u = card((x) => x.carrier === 'CU' && x.vo.sim_status === 20);
  const unicom = await req('POST', '/v1/sms-send-infos', { body: { sms_content: 'x', cids: [u.vo.cid] } });
  assert.deepEqual([unicom.status, code(unicom)], [400, 'GSL.00010004']);
  const s = card((x) => x.carrier === 'CM' && x.vo.sim_status === 14);
  const stopped = await req('POST', '/v1/sms-send-infos', { body: { sms_content: 'x', cids: [s.vo.cid] } });
  assert.deepEqual([stopped.status, code(stopped)], [400, 'GSL.00010004']);
});
