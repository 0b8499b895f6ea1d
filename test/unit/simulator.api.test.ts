import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator } from '../../src/simulator/index';
import type { Card, RunningSimulator } from '../../src/simulator/index';
import { call } from './helpers/simRequest';
import type { CallOptions, SimResponse } from './helpers/simRequest';
import { MARKUP_ATTRIBUTE } from '../../src/simulator/catalog';

// A fixed clock (17 May 2025) so usage windows are known; requests are signed at that time.
const NOW = Date.UTC(2025, 4, 17, 9, 30, 0);
let sim: RunningSimulator;
const req = (method: string, path: string, opts: CallOptions = {}): Promise<SimResponse> => call(sim.info, method, path, { date: new Date(NOW), ...opts });
const get = (path: string, query: CallOptions['query'] = []) => req('GET', path, { query });
const post = (path: string, body?: unknown) => req('POST', path, { body });
type Obj = Record<string, unknown>;
type ListBody = { limit: number; offset: number; count: number; sim_cards: Obj[] };

before(async () => {
  sim = await startSimulator({ cards: 3000, seed: 11, now: () => NOW, workOrderMs: 1000 });
});
after(() => sim.close());

describe('card list semantics', () => {
  test('defaults to page 1 of 10 with count = fleet size, ids exact on the wire', async () => {
    const r = await get('/v1/sim-cards');
    assert.equal(r.status, 200);
    const body = r.json as ListBody;
    assert.deepEqual([body.limit, body.offset, body.count, body.sim_cards.length], [10, 1, 3000, 10]);
    // Card 5 has an id above 2^53; it must be a bare integer in the text, digit for digit.
    assert.match(r.text, /"sim_card_id":9007199254741003,/);
    assert.equal(body.sim_cards[5].sim_card_id, '9007199254741003');
    assert.ok(r.headers.get('x-request-id'));
  });

  test('pages are 1-based, cover every card once, and a page past the end is empty with count', async () => {
    const seen: string[] = [];
    for (let p = 1; p <= 6; p++) {
      const b = (await get('/v1/sim-cards', [['limit', 500], ['offset', p]])).json as ListBody;
      assert.equal(b.count, 3000);
      seen.push(...b.sim_cards.map((c) => c.sim_card_id as string));
    }
    assert.deepEqual(seen, sim.store.allCards().map((c) => c.vo.sim_card_id));
    const past = (await get('/v1/sim-cards', [['limit', 500], ['offset', 7]])).json as ListBody;
    assert.deepEqual([past.count, past.sim_cards.length], [3000, 0]);
  });

  // The oracle is a plain scan in the test, written independently of the store's views.
  const cases: Array<[string, CallOptions['query'], (c: Card) => boolean]> = [
    ['sim_status', [['sim_status', 14]], (c) => c.vo.sim_status === 14],
    ['sim_type', [['sim_type', 2]], (c) => c.vo.sim_type === 2],
    ['device_status', [['device_status', 3]], (c) => c.vo.device_status === 3],
    ['status + type', [['sim_status', 20], ['sim_type', 3]], (c) => c.vo.sim_status === 20 && c.vo.sim_type === 3],
    ['real_named=false', [['real_named', false]], (c) => !c.vo.real_named],
    ['min/max used', [['min_used_flow', 10], ['max_used_flow', 50]], (c) => c.vo.flow_used! >= 10 && c.vo.flow_used! <= 50],
    ['max left (overage)', [['max_left_flow', 0]], (c) => c.vo.flow_left! <= 0],
    ['price plan any-of', [['price_plan_id', 'PP-CT-50M-1Y'], ['price_plan_id', 'PP-CU-30M-1Y']], (c) => ['PP-CT-50M-1Y', 'PP-CU-30M-1Y'].includes(c.planId)],
    ['container id contains', [['main_search_type', 1], ['main_search_key', '898603']], (c) => c.vo.cid.includes('898603') || c.vo.iccid.includes('898603')],
    ['attribute contains', [['customer_attribute1', 'Beijing']], (c) => (c.vo.customer_attribute1 ?? '').includes('Beijing')],
    ['filter_downtime_period', [['filter_downtime_period', true]], (c) => !(c.vo.sim_status === 14 && c.vo.operator_status === 5)],
  ];
  for (const [name, query, oracle] of cases) {
    test(`filter ${name} returns exactly the matching cards`, async () => {
      const b = (await get('/v1/sim-cards', [...query!, ['limit', 500]])).json as ListBody;
      const expected = sim.store.allCards().filter(oracle);
      assert.ok(expected.length > 0, 'the case must match something');
      assert.equal(b.count, expected.length);
      assert.deepEqual(b.sim_cards.map((c) => c.sim_card_id), expected.slice(0, 500).map((c) => c.vo.sim_card_id));
    });
  }

  test('batch search is exact on the order id, IMEI and msisdn search is by containment', async () => {
    const batch = sim.store.batches[2].order_id;
    const b = (await get('/v1/sim-cards', [['main_search_type', 2], ['main_search_key', batch], ['limit', 10]])).json as ListBody;
    assert.equal(b.count, sim.store.allCards().filter((c) => c.vo.order_id === batch).length);
    assert.equal((await get('/v1/sim-cards', [['main_search_type', 2], ['main_search_key', batch.slice(0, 8)]])).json && ((await get('/v1/sim-cards', [['main_search_type', 2], ['main_search_key', batch.slice(0, 8)]])).json as ListBody).count, 0);
    const card = sim.store.allCards().find((c) => c.vo.imei)!;
    const byImei = (await get('/v1/sim-cards', [['main_search_type', 3], ['main_search_key', card.vo.imei!.slice(2, 12)]])).json as ListBody;
    assert.ok(byImei.sim_cards.some((c) => c.sim_card_id === card.vo.sim_card_id));
    const byMsisdn = (await get('/v1/sim-cards', [['msisdn', card.vo.msisdn!]])).json as ListBody;
    assert.ok(byMsisdn.sim_cards.some((c) => c.sim_card_id === card.vo.sim_card_id));
  });

  test('tag_id matches cards holding any of the tags, including a tag id above 2^53', async () => {
    const big = '9007199254740995';
    const other = '7100000000000018';
    const b = (await get('/v1/sim-cards', [['tag_id', big], ['tag_id', other], ['limit', 500]])).json as ListBody;
    const expected = sim.store.allCards().filter((c) => c.tagIds.includes(big) || c.tagIds.includes(other));
    assert.ok(expected.length > 0);
    assert.equal(b.count, expected.length);
  });

  for (const sort of ['cid', 'flow_used', 'flow_left', 'act_date', 'expire_time'] as const) {
    test(`sort by ${sort} asc and desc, within a status`, async () => {
      for (const order of ['asc', 'desc'] as const) {
        const b = (await get('/v1/sim-cards', [['sim_status', 20], ['sort', sort], ['order', order], ['limit', 500], ['offset', 2]])).json as ListBody;
        assert.equal(b.sim_cards.length, 500);
        const vals = b.sim_cards.map((c) => c[sort] as string | number);
        for (let i = 1; i < vals.length; i++) assert.ok(order === 'asc' ? vals[i - 1] <= vals[i] : vals[i - 1] >= vals[i], `${sort} ${order} at ${i}`);
      }
    });
  }
});

describe('single cards', () => {
  test('a card is found by id, or by ICCID with id 0', async () => {
    const card = sim.store.card(5);
    const byId = (await get(`/v1/sim-cards/${card.vo.sim_card_id}`)).json as Obj;
    assert.equal(byId.iccid, card.vo.iccid);
    const byIccid = (await get('/v1/sim-cards/0', [['iccid', card.vo.iccid]])).json as Obj;
    assert.equal(byIccid.sim_card_id, card.vo.sim_card_id);
    assert.equal(Object.keys(byIccid).length, 38, 'the 38 SimDeviceVO fields at top level');
  });

  test('real-name status of a physical card', async () => {
    const card = sim.store.allCards().find((c) => c.vo.sim_type === 3)!;
    assert.deepEqual((await get(`/v1/sim-cards/${card.vo.sim_card_id}/real-named`)).json, { iccid: card.vo.iccid, real_named: !!card.vo.real_named });
  });
});

describe('validation refuses with the documented code and status', () => {
  let physicalCard: Card | undefined;
  // Found once: the cases below name it a hundred times over.
  const physical = () => (physicalCard ??= sim.store.allCards().find((c) => c.vo.sim_type === 3 && c.carrier === 'CM')!);
  // The fleet's three-network cards, read once through the API.
  let threeNetworkIds: string[] = [];
  before(async () => {
    threeNetworkIds = ((await get('/v1/sim-cards-multiply', [['limit', 100]])).json as { sim_cards: Obj[] }).sim_cards.map((c) => c.sim_card_id as string);
  });
  const threeNetwork = () => threeNetworkIds[0];
  const plainPhysical = () => sim.store.allCards().find((c) => c.vo.sim_type === 3 && !threeNetworkIds.includes(c.vo.sim_card_id))!;
  const cases: Array<[string, () => [string, string, CallOptions], number, string]> = [
    ['limit below 10', () => ['GET', '/v1/sim-cards', { query: [['limit', 9]] }], 400, 'GSL.00010004'],
    ['limit above 500', () => ['GET', '/v1/sim-cards', { query: [['limit', 501]] }], 400, 'GSL.00010004'],
    ['offset 0', () => ['GET', '/v1/sim-cards', { query: [['offset', 0]] }], 400, 'GSL.00010004'],
    ['offset above 1,000,000', () => ['GET', '/v1/sim-cards', { query: [['offset', 1_000_001]] }], 400, 'GSL.00010004'],
    ['limit not a number', () => ['GET', '/v1/sim-cards', { query: [['limit', 'ten']] }], 400, 'GSL.00010004'],
    ['unknown sim_status', () => ['GET', '/v1/sim-cards', { query: [['sim_status', 12]] }], 400, 'GSL.00010004'],
    ['unknown sort key', () => ['GET', '/v1/sim-cards', { query: [['sort', 'msisdn']] }], 400, 'GSL.00010004'],
    ['bad order', () => ['GET', '/v1/sim-cards', { query: [['order', 'up']] }], 400, 'GSL.00010004'],
    ['11 tag ids', () => ['GET', '/v1/sim-cards', { query: Array.from({ length: 11 }, (_, i) => ['tag_id', i + 1] as [string, number]) }], 400, 'GSL.00010004'],
    ['31 price plans', () => ['GET', '/v1/sim-cards', { query: Array.from({ length: 31 }, (_, i) => ['price_plan_id', `P${i}`] as [string, string]) }], 400, 'GSL.00010004'],
    ['msisdn too long', () => ['GET', '/v1/sim-cards', { query: [['msisdn', '1'.repeat(33)]] }], 400, 'GSL.00010004'],
    ['search key too long', () => ['GET', '/v1/sim-cards', { query: [['main_search_key', 'x'.repeat(129)]] }], 400, 'GSL.00010004'],
    ['attribute filter too long', () => ['GET', '/v1/sim-cards', { query: [['customer_attribute3', 'x'.repeat(101)]] }], 400, 'GSL.00010004'],
    ['real_named not boolean', () => ['GET', '/v1/sim-cards', { query: [['real_named', 'yes']] }], 400, 'GSL.00010004'],
    ['negative flow bound', () => ['GET', '/v1/sim-cards', { query: [['min_used_flow', -1]] }], 400, 'GSL.00010004'],
    ['ICCID of 18 characters', () => ['GET', '/v1/sim-cards/0', { query: [['iccid', '8'.repeat(18)]] }], 400, 'GSL.00010004'],
    ['id 0 without ICCID', () => ['GET', '/v1/sim-cards/0', {}], 400, 'GSL.00010004'],
    ['non-numeric card id', () => ['GET', '/v1/sim-cards/abc', {}], 400, 'GSL.00010004'],
    ['unknown card id', () => ['GET', '/v1/sim-cards/123', {}], 400, 'GSL.00011001'],
    ['unknown ICCID', () => ['GET', '/v1/sim-cards/0', { query: [['iccid', '89860000000000000000']] }], 400, 'GSL.00011011'],
    ['daily flow: 101 ids', () => ['POST', '/v1/sim-cards/batch-daily-flow', { body: { month: '202505', sim_card_ids: Array.from({ length: 101 }, (_, i) => String(i + 1)) } }], 400, 'GSL.00016051'],
    ['daily flow: 101 iccids', () => ['POST', '/v1/sim-cards/batch-daily-flow', { body: { month: '202505', iccids: Array.from({ length: 101 }, () => physical().vo.iccid) } }], 400, 'GSL.00011010'],
    ['daily flow: ids and iccids', () => ['POST', '/v1/sim-cards/batch-daily-flow', { body: { month: '202505', sim_card_ids: [physical().vo.sim_card_id], iccids: [physical().vo.iccid] } }], 400, 'GSL.00010004'],
    ['daily flow: month and date', () => ['POST', '/v1/sim-cards/batch-daily-flow', { body: { month: '202505', date: '20250510', sim_card_ids: [physical().vo.sim_card_id] } }], 400, 'GSL.00010004'],
    ['daily flow: neither month nor date', () => ['POST', '/v1/sim-cards/batch-daily-flow', { body: { sim_card_ids: [physical().vo.sim_card_id] } }], 400, 'GSL.00010004'],
    ['daily flow: month two back', () => ['POST', '/v1/sim-cards/batch-daily-flow', { body: { month: '202503', sim_card_ids: [physical().vo.sim_card_id] } }], 400, 'GSL.00010004'],
    ['daily flow: month as YYYY-MM', () => ['POST', '/v1/sim-cards/batch-daily-flow', { body: { month: '2025-05', sim_card_ids: [physical().vo.sim_card_id] } }], 400, 'GSL.00010004'],
    ['daily flow: today', () => ['POST', '/v1/sim-cards/batch-daily-flow', { body: { date: '20250517', sim_card_ids: [physical().vo.sim_card_id] } }], 400, 'GSL.00010004'],
    ['daily flow: before last month', () => ['POST', '/v1/sim-cards/batch-daily-flow', { body: { date: '20250331', sim_card_ids: [physical().vo.sim_card_id] } }], 400, 'GSL.00010004'],
    ['daily flow: impossible date', () => ['POST', '/v1/sim-cards/batch-daily-flow', { body: { date: '20250431', sim_card_ids: [physical().vo.sim_card_id] } }], 400, 'GSL.00010004'],
    ['daily flow: no cards', () => ['POST', '/v1/sim-cards/batch-daily-flow', { body: { month: '202505' } }], 400, 'GSL.00016051'],
    ['month usage: future cycle', () => ['POST', '/v1/sim-cards/month-usages', { body: { sim_card_ids: [physical().vo.sim_card_id], billing_cycles: ['2025-06'] } }], 403, 'GSL.00011004'],
    ['month usage: 7 cycles', () => ['POST', '/v1/sim-cards/month-usages', { body: { sim_card_ids: [physical().vo.sim_card_id], billing_cycles: ['2025-05', '2025-04', '2025-03', '2025-02', '2025-01', '2024-12', '2024-11'] } }], 403, 'GSL.00011004'],
    ['month usage: older than six cycles', () => ['POST', '/v1/sim-cards/month-usages', { body: { sim_card_ids: [physical().vo.sim_card_id], billing_cycles: ['2024-11'] } }], 403, 'GSL.00011004'],
    ['month usage: YYYYMM cycle', () => ['POST', '/v1/sim-cards/month-usages', { body: { sim_card_ids: [physical().vo.sim_card_id], billing_cycles: ['202505'] } }], 403, 'GSL.00011004'],
    ['month usage: no billing_cycles', () => ['POST', '/v1/sim-cards/month-usages', { body: { sim_card_ids: [physical().vo.sim_card_id] } }], 400, 'GSL.00010004'],
    ['month usage: 501 ids', () => ['POST', '/v1/sim-cards/month-usages', { body: { sim_card_ids: Array.from({ length: 501 }, (_, i) => String(i + 1)), billing_cycles: ['2025-05'] } }], 400, 'GSL.00016051'],
    ['month usage: no cards', () => ['POST', '/v1/sim-cards/month-usages', { body: { billing_cycles: ['2025-05'] } }], 400, 'GSL.00016051'],
    ['month usage: unknown card', () => ['POST', '/v1/sim-cards/month-usages', { body: { sim_card_ids: ['77'], billing_cycles: ['2025-05'] } }], 400, 'GSL.00011001'],
    ['plan usage: 51 ids', () => ['POST', '/v1/sim-price-plans/usage/batch-query', { body: { sim_card_ids: Array.from({ length: 51 }, (_, i) => String(i + 1)) } }], 400, 'GSL.00016051'],
    ['plan usage: 51 iccids', () => ['POST', '/v1/sim-price-plans/usage/batch-query', { body: { iccids: Array.from({ length: 51 }, () => physical().vo.iccid) } }], 400, 'GSL.00011010'],
    ['plan usage: unknown ICCID', () => ['POST', '/v1/sim-price-plans/usage/batch-query', { body: { iccids: ['89860000000000000001'] } }], 400, 'GSL.00011011'],
    ['sim price plans: no sim_card_id', () => ['GET', '/v1/sim-price-plans', {}], 400, 'GSL.00010004'],
    ['stop: down_up_switch 10', () => ['POST', `/v1/sim-cards/${physical().vo.sim_card_id}/stop`, { body: { down_up_switch: 10 } }], 400, 'GSL.00010004'],
    ['cut-net: bad action', () => ['POST', `/v1/sim-cards/${physical().vo.sim_card_id}/cut-net`, { body: { action: 'CUT' } }], 400, 'GSL.00010004'],
    ['cut-net: China Mobile card', () => ['POST', `/v1/sim-cards/${physical().vo.sim_card_id}/cut-net`, { body: { action: 'ADD' } }], 400, 'GSL.00010004'],
    ['speed: China Mobile card', () => ['POST', `/v1/sim-cards/${physical().vo.sim_card_id}/speed-limit`, { body: { speed_value: 1024 } }], 400, 'GSL.00010004'],
    ['speed: unsupported Telecom value', () => ['POST', `/v1/sim-cards/${sim.store.allCards().find((c) => c.carrier === 'CT' && c.vo.sim_type === 3)!.vo.sim_card_id}/speed-limit`, { body: { speed_value: 100 } }], 400, 'GSL.00011016'],
    ['speed: missing value', () => ['POST', `/v1/sim-cards/${physical().vo.sim_card_id}/speed-limit`, { body: {} }], 400, 'GSL.00010004'],
    ['bind: China Mobile fixed rebind', () => ['POST', `/v1/sim-cards/${physical().vo.sim_card_id}/bind-device`, { body: { bind_type: 2, imei: '861234567890123' } }], 400, 'GSL.00010004'],
    ['bind: Unicom card', () => ['POST', `/v1/sim-cards/${sim.store.allCards().find((c) => c.carrier === 'CU')!.vo.sim_card_id}/bind-device`, { body: { bind_type: 1 } }], 400, 'GSL.00010004'],
    ['exceed-cut-net: quota missing', () => ['POST', `/v1/sim-cards/${physical().vo.sim_card_id}/exceed-cut-net`, { body: { action: 1 } }], 400, 'GSL.00010004'],
    ['exceed-cut-net: unpooled Mobile card', () => ['POST', `/v1/sim-cards/${sim.store.allCards().find((c) => c.carrier === 'CM' && !c.vo.sim_pool_id)!.vo.sim_card_id}/exceed-cut-net`, { body: { action: 1, quota: '100' } }], 400, 'GSL.00010004'],
    ['clear-real-name: Mobile card', () => ['POST', `/v1/sim-cards/${physical().vo.sim_card_id}/clear-real-name`, {}], 400, 'GSL.00010004'],
    ['body not JSON', () => ['POST', `/v1/sim-cards/${physical().vo.sim_card_id}/stop`, { rawBody: '{"down_up_switch":' }], 400, 'GSL.00010004'],
    ['tags: 11 tag ids', () => ['POST', '/v1/sim-tags/batch-set', { body: { sim_card_ids: [physical().vo.sim_card_id], tag_ids: Array.from({ length: 11 }, (_, i) => String(i + 1)) } }], 400, 'GSL.00020004'],
    ['tags: 501 cards', () => ['POST', '/v1/sim-tags/batch-set', { body: { sim_card_ids: Array.from({ length: 501 }, (_, i) => String(i + 1)), tag_ids: [] } }], 400, 'GSL.00016051'],
    ['tags: duplicate card ids', () => ['POST', '/v1/sim-tags/batch-set', { body: { sim_card_ids: [physical().vo.sim_card_id, physical().vo.sim_card_id], tag_ids: [] } }], 400, 'GSL.00020004'],
    ['tags: unknown tag', () => ['POST', '/v1/sim-tags/batch-set', { body: { sim_card_ids: [physical().vo.sim_card_id], tag_ids: ['5'] } }], 400, 'GSL.00022004'],
    ['tags: empty name', () => ['POST', '/v1/tags', { body: { tag_name: '' } }], 400, 'GSL.00022001'],
    ['tags: name too long', () => ['POST', '/v1/tags', { body: { tag_name: 'x'.repeat(33) } }], 400, 'GSL.00022001'],
    ['tags: existing name', () => ['POST', '/v1/tags', { body: { tag_name: 'pilot' } }], 400, 'GSL.00022002'],
    ['tags: delete unknown', () => ['DELETE', '/v1/tags/42', {}], 400, 'GSL.00022004'],
    ['tags: list limit 5', () => ['GET', '/v1/tags', { query: [['limit', 5]] }], 400, 'GSL.00020004'],
    ['attributes: name too long', () => ['POST', '/v1/attributes', { body: { cust_attr_name: 'x'.repeat(33) } }], 400, 'GSL.00027001'],
    ['attributes: existing name', () => ['POST', '/v1/attributes', { body: { cust_attr_name: 'Site' } }], 400, 'GSL.00027002'],
    ['attributes: built-in column', () => ['POST', '/v1/attributes', { body: { cust_attr_name: 'ICCID' } }], 400, 'GSL.00027003'],
    ['attributes: update unknown', () => ['PUT', '/v1/attributes/99', { body: { cust_attr_name: 'x' } }], 400, 'GSL.00027005'],
    ['attributes: value too long', () => ['POST', '/v1/sim-cards/attributes/batch-set', { body: { attributes: [{ sim_card_id: physical().vo.sim_card_id, customer_attribute1: 'x'.repeat(101) }] } }], 400, 'GSL.00020004'],
    ['attributes: empty batch', () => ['POST', '/v1/sim-cards/attributes/batch-set', { body: { attributes: [] } }], 400, 'GSL.00016051'],
    ['attributes: undefined slot', () => ['POST', '/v1/sim-cards/attributes/batch-set', { body: { attributes: [{ sim_card_id: physical().vo.sim_card_id, customer_attribute6: 'x' }] } }], 400, 'GSL.00020004'],
    ['work orders: status 8', () => ['GET', '/v1/work-orders', { query: [['status', 8]] }], 400, 'GSL.00010004'],
    ['work order details: unknown order', () => ['GET', '/v1/work-orders/5/details', {}], 400, 'GSL.00010002'],
    ['pools: future billing cycle', () => ['GET', '/v1/sim-pools', { query: [['billing_cycle', '2025-07']] }], 403, 'GSL.00011004'],
    ['pool members: no billing cycle', () => ['GET', '/v1/sim-pools/4940000000000001/members', {}], 400, 'GSL.00010004'],
    ['switch network: carrier 7', () => ['POST', `/v1/sim-cards-multiply/${threeNetwork()}/switch-network`, { body: { carrier_type: 7 } }], 400, 'GSL.00011063'],
    ['set policy: unknown policy', () => ['POST', `/v1/sim-cards/${threeNetwork()}/network-switch-policy/set`, { body: { network_switch_policy_id: 1 } }], 400, 'GSL.00015028'],
    ['policy: same preferred and least', () => ['POST', '/v1/network-switch-policies', { body: { version: 1, policy_name: 'p', preferred_carrier: 2, least_preferred_carrier: 2, weak_signal_switch: true } }], 400, 'GSL.00015032'],
    ['policy: no switching strategy', () => ['POST', '/v1/network-switch-policies', { body: { version: 1, policy_name: 'p' } }], 400, 'GSL.00015033'],
    ['policy: connect_ip not an address', () => ['POST', '/v1/network-switch-policies', { body: { version: 1, policy_name: 'p', connect_ip: 'example.com' } }], 400, 'GSL.00010004'],
    ['switch network: not a three-network card', () => ['POST', `/v1/sim-cards-multiply/${plainPhysical().vo.sim_card_id}/switch-network`, { body: { carrier_type: 1 } }], 400, 'GSL.00011001'],
    ['policy: bad switch order', () => ['POST', '/v1/network-switch-policies', { body: { version: 1, policy_name: 'p', weak_signal_switch: true, switch_order: '1,1,2' } }], 400, 'GSL.00010004'],
    ['sms: Unicom card', () => ['POST', '/v1/sms-send-infos', { body: { sms_content: 'hi', cids: [sim.store.allCards().find((c) => c.carrier === 'CU' && c.vo.sim_status === 20)!.vo.cid] } }], 400, 'GSL.00010004'],
    ['sms: no content', () => ['POST', '/v1/sms-send-infos', { body: { cids: [physical().vo.cid] } }], 400, 'GSL.00010004'],
  ];
  for (const [name, make, status, code] of cases) {
    test(name, async () => {
      const [method, path, opts] = make();
      const r = await req(method, path, opts);
      assert.equal(r.status, status, r.text);
      assert.equal((r.json as Obj).error_code, code, r.text);
      assert.equal(typeof (r.json as Obj).error_msg, 'string');
    });
  }

  test('unknown paths and methods are APIGW.0101 404 with a request id in body and header', async () => {
    for (const [method, path] of [['GET', '/v1/nothing'], ['DELETE', '/v1/sim-cards'], ['PUT', '/v1/tags']]) {
      const r = await req(method, path);
      assert.equal(r.status, 404);
      const b = r.json as Obj;
      assert.equal(b.error_code, 'APIGW.0101');
      assert.equal(b.request_id, r.headers.get('x-request-id'));
    }
  });
});

describe('wire shapes and consistency', () => {
  test('daily flow is a bare array whose this-month days sum to the month usage and the card', async () => {
    const cards = sim.store.allCards().filter((c) => c.vo.sim_status === 20).slice(0, 5);
    const ids = cards.map((c) => c.vo.sim_card_id);
    const daily = (await post('/v1/sim-cards/batch-daily-flow', { month: '202505', sim_card_ids: ids })).json as Array<{ date: string; sim_flow: Obj[] }>;
    assert.ok(Array.isArray(daily));
    assert.deepEqual(daily.map((d) => d.date), Array.from({ length: 16 }, (_, i) => `202505${String(i + 1).padStart(2, '0')}`));
    const months = ((await post('/v1/sim-cards/month-usages', { sim_card_ids: ids, billing_cycles: ['2025-05', '2025-04'] })).json as { month_usages: Array<{ sim_card_id: string; flow_usages: Obj[] }> }).month_usages;
    const plans = (await post('/v1/sim-price-plans/usage/batch-query', { sim_card_ids: ids })).json as Obj[];
    assert.ok(Array.isArray(plans));
    cards.forEach((card, k) => {
      const sum = daily.reduce((s, d) => s + (d.sim_flow[k].flow as number), 0);
      assert.equal(daily[0].sim_flow[k].sim_card_id, card.vo.sim_card_id);
      const mu = months[k];
      assert.equal(mu.sim_card_id, card.vo.sim_card_id);
      assert.deepEqual(mu.flow_usages.map((f) => f.billing_cycle), ['202505', '202504']);
      assert.ok(Math.abs(sum - (mu.flow_usages[0].flow_used as number)) < 1e-6);
      assert.equal(mu.flow_usages[0].flow_used, card.vo.flow_used);
      // One row per plan the card holds; its base plan carries the card's own figures.
      const base = plans.find((p) => p.sim_card_id === card.vo.sim_card_id && p.id === card.vo.sim_price_plan_id)!;
      assert.equal(base.flow_used, card.vo.flow_used);
      assert.equal(base.flow_left, card.vo.flow_left);
      assert.equal(base.price_plan_name, card.vo.price_plan_name);
    });
    const lastMonth = (await post('/v1/sim-cards/batch-daily-flow', { month: '202504', iccids: cards.map((c) => c.vo.iccid) })).json as Array<{ sim_flow: Obj[] }>;
    assert.equal(lastMonth.length, 30);
    const aprilSum = lastMonth.reduce((s, d) => s + (d.sim_flow[0].flow as number), 0);
    assert.ok(Math.abs(aprilSum - (months[0].flow_usages[1].flow_used as number)) < 1e-6);
    const oneDay = (await post('/v1/sim-cards/batch-daily-flow', { date: '20250416', sim_card_ids: ids })).json as Array<{ date: string; sim_flow: Obj[] }>;
    assert.deepEqual(oneDay.map((d) => d.date), ['20250416']);
    assert.equal(oneDay[0].sim_flow[0].flow, lastMonth[15].sim_flow[0].flow);
  });

  test('a card lists its plans as a bare array; eSIM cards also hold an add-on', async () => {
    const phys = sim.store.allCards().find((c) => c.vo.sim_type === 3)!;
    const esim = sim.store.allCards().find((c) => c.vo.sim_type === 2)!;
    const p = (await get('/v1/sim-price-plans', [['sim_card_id', phys.vo.sim_card_id]])).json as Obj[];
    assert.equal(p.length, 1);
    assert.equal(p[0].price_plan_name, phys.vo.price_plan_name);
    const e = (await get('/v1/sim-price-plans', [['sim_card_id', '0'], ['iccid', esim.vo.iccid]])).json as Obj[];
    assert.equal(e.length, 2);
    assert.equal(e[1].using, '0');
    const catalogue = (await get('/v1/price-plans', [['carrier_type', 2]])).json as { count: number; price_plans: Obj[] };
    assert.ok(catalogue.count >= 2 && catalogue.price_plans.every((x) => x.carrier_type === 2));
  });

  test('tags: create, set on cards, filter by them, delete; bodies are true', async () => {
    const created = (await post('/v1/tags', { tag_name: 'api-test' })).json as Obj;
    assert.equal(created.status, 0);
    const cards = sim.store.allCards().slice(100, 103);
    const set = await post('/v1/sim-tags/batch-set', { sim_card_ids: cards.map((c) => c.vo.sim_card_id), tag_ids: [created.id] });
    assert.equal(set.text, 'true');
    const listed = (await get('/v1/sim-cards', [['tag_id', created.id as string]])).json as ListBody;
    assert.deepEqual(listed.sim_cards.map((c) => c.tag_names), ['api-test', 'api-test', 'api-test']);
    const tags = (await get('/v1/tags', [['tag_name', 'api-test']])).json as { tags: Obj[] };
    assert.equal(tags.tags[0].status, 1);
    assert.equal((await req('DELETE', `/v1/tags/${created.id}`)).text, 'true');
    assert.equal(sim.store.card(100).vo.tag_names, null);
  });

  test('tags: the 10,000-tag limit is enforced', async () => {
    const before = sim.store.tags.size;
    for (let i = before; i < 10_000; i++) sim.store.createTag(`bulk-${i}`);
    const r = await post('/v1/tags', { tag_name: 'one-too-many' });
    assert.equal((r.json as Obj).error_code, 'GSL.00022003');
    for (const [id, t] of [...sim.store.tags]) if (t.tag_name.startsWith('bulk-')) sim.store.tags.delete(id);
  });

  test('attributes: up to six, rename, disable blocks writes, values with markup round-trip', async () => {
    const a5 = (await post('/v1/attributes', { cust_attr_name: 'Rack' })).json as Obj;
    const a6 = (await post('/v1/attributes', { cust_attr_name: 'Owner' })).json as Obj;
    assert.ok(a5.id && a6.id);
    assert.equal(((await post('/v1/attributes', { cust_attr_name: 'Seventh' })).json as Obj).error_code, 'GSL.00027004');
    assert.equal((await req('PUT', `/v1/attributes/${a6.id}`, { body: { cust_attr_name: 'Owner team' } })).text, 'true');
    const card = sim.store.card(200);
    const write = await post('/v1/sim-cards/attributes/batch-set', { attributes: [{ sim_card_id: '0', iccid: card.vo.iccid, customer_attribute6: MARKUP_ATTRIBUTE, customer_attribute5: 'R1' }] });
    assert.equal(write.text, 'true');
    const shown = (await get(`/v1/sim-cards/${card.vo.sim_card_id}`)).json as Obj;
    assert.equal(shown.customer_attribute6, MARKUP_ATTRIBUTE);
    assert.equal((await post(`/v1/attributes/${a6.id}/disable`)).text, 'true');
    const blocked = await post('/v1/sim-cards/attributes/batch-set', { attributes: [{ sim_card_id: card.vo.sim_card_id, customer_attribute6: 'x' }] });
    assert.equal((blocked.json as Obj).error_code, 'GSL.00020004');
    const list = (await get('/v1/attributes', [['status', 0]])).json as { attributes: Obj[] };
    assert.deepEqual(list.attributes.map((a) => a.cust_attr_name), ['Owner team']);
    assert.equal((await post(`/v1/attributes/${a6.id}/enable`)).text, 'true');
  });

  test('pools: members are the pooled cards and pool usage is the sum of their month usage', async () => {
    const pools = (await get('/v1/sim-pools')).json as { count: number; pools: Obj[] };
    assert.equal(pools.count, 2);
    const pool = pools.pools[0];
    const members = (await get(`/v1/sim-pools/${pool.id}/members`, [['billing_cycle', '2025-05'], ['limit', 500]])).json as { count: number; pool_members: Obj[] };
    assert.equal(members.count, sim.store.allCards().filter((c) => c.vo.sim_pool_id === pool.id).length);
    assert.equal(members.count, pool.quantity);
    const sum = members.pool_members.reduce((s, m) => s + (m.flow_used as number), 0);
    assert.ok(Math.abs(sum - (pool.flow_used as number)) < 0.011);
    const six = (await get('/v1/back-pools', [['all_billing_cycle', true]])).json as { count: number };
    assert.equal(six.count, 12);
  });

  test('SMS: send to a card in use, then find it in the details', async () => {
    const card = sim.store.allCards().find((c) => c.carrier === 'CT' && c.vo.sim_status === 20)!;
    assert.equal((await post('/v1/sms-send-infos', { sms_content: 'PING <b>', cids: [card.vo.cid] })).text, 'true');
    const d = (await get('/v1/sms-send-infos/details', [['cid', card.vo.cid]])).json as { count: number; sms_details: Obj[] };
    assert.ok(d.count >= 1);
    assert.equal(d.sms_details[0].sms_content, 'PING <b>');
  });

  test('three-network cards are cards of the fleet, online with their own carrier; policies list, and a created policy can be attached', async () => {
    const cards = (await get('/v1/sim-cards-multiply')).json as { count: number; sim_cards: Obj[] };
    assert.equal(cards.count, 24);
    for (const c of cards.sim_cards) {
      const card = sim.store.byCardId(c.sim_card_id as string)!;
      assert.ok(card, 'ListSimCards knows the card');
      assert.equal(c.cid, card.vo.cid);
      const online = [c.iccid_mobile, c.iccid_telcom, c.iccid_unicom][(c.online_carrier as number) - 1];
      assert.equal(online, card.vo.iccid, 'the online carrier is the card\'s own');
      assert.equal(new Set([c.iccid_mobile, c.iccid_telcom, c.iccid_unicom]).size, 3);
    }
    assert.equal((await post('/v1/network-switch-policies', { version: 1, policy_name: 'night shift', weak_signal_switch: true, switch_order: '2,1,3' })).text, 'true');
    const pol = (await get('/v1/network-switch-policies', [['policy_name', 'night shift']])).json as { network_switch_policy_list: Obj[] };
    const id = pol.network_switch_policy_list[0].id as string;
    const wo = (await post(`/v1/sim-cards/${cards.sim_cards[1].sim_card_id}/network-switch-policy/set`, { network_switch_policy_id: id })).json as Obj;
    assert.ok(wo.work_order_id);
  });
});

describe('the operation catalogue', () => {
  test('all 39 GSL operations are served at their documented method and path', async () => {
    const c = sim.store.card(0).vo.sim_card_id;
    const ops: Array<[string, string]> = [
      ['GET', '/v1/sim-cards'], ['GET', `/v1/sim-cards/${c}`], ['POST', `/v1/sim-cards/${c}/stop`], ['POST', `/v1/sim-cards/${c}/reset`],
      ['POST', `/v1/sim-cards/${c}/enable`], ['POST', '/v1/sim-cards/month-usages'], ['POST', '/v1/sim-cards/batch-daily-flow'],
      ['GET', `/v1/sim-cards/${c}/real-named`], ['POST', `/v1/sim-cards/${c}/clear-real-name`], ['POST', `/v1/sim-cards/${c}/cut-net`],
      ['POST', `/v1/sim-cards/${c}/exceed-cut-net`], ['POST', `/v1/sim-cards/${c}/bind-device`], ['POST', `/v1/sim-cards/${c}/speed-limit`],
      ['GET', '/v1/price-plans'], ['GET', '/v1/sim-price-plans'], ['POST', '/v1/sim-price-plans/usage/batch-query'],
      ['GET', '/v1/sim-pools'], ['GET', '/v1/sim-pools/1/members'], ['GET', '/v1/back-pools'], ['GET', '/v1/back-pools/1/members'],
      ['GET', '/v1/tags'], ['POST', '/v1/tags'], ['DELETE', '/v1/tags/1'], ['POST', '/v1/sim-tags/batch-set'],
      ['GET', '/v1/attributes'], ['POST', '/v1/attributes'], ['PUT', '/v1/attributes/1'], ['POST', '/v1/attributes/1/enable'],
      ['POST', '/v1/attributes/1/disable'], ['POST', '/v1/sim-cards/attributes/batch-set'], ['POST', '/v1/sms-send-infos'],
      ['GET', '/v1/sms-send-infos/details'], ['GET', '/v1/work-orders'], ['GET', '/v1/work-orders/1/details'],
      ['GET', '/v1/sim-cards-multiply'], ['POST', '/v1/sim-cards-multiply/1/switch-network'], ['POST', `/v1/sim-cards/${c}/network-switch-policy/set`],
      ['POST', '/v1/network-switch-policies'], ['GET', '/v1/network-switch-policies'],
    ];
    assert.equal(new Set(ops.map(([m, p]) => `${m} ${p}`)).size, 39);
    for (const [method, path] of ops) {
      const r = await req(method, path);
      assert.notEqual((r.json as Obj | undefined)?.error_code, 'APIGW.0101', `${method} ${path}`);
      assert.notEqual(r.status, 401, `${method} ${path}`);
    }
  });
});
