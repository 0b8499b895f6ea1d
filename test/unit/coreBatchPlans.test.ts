// Batch APIs take 500 cards a request, and BatchSetTags sets a card's tags: adding or removing a
// tag on a selection is a request per resulting tag set and per 500 cards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SimDeviceVO } from '../../src/gsl/models';
import { BATCH_LIMIT, chunk, listAllTags, planAttributeChange, planSms, planTagChange, sendBatchRequest, tagIndex } from '../../src/core/batchPlans';

const cards = (n: number, over: (i: number) => Partial<SimDeviceVO> = () => ({})): SimDeviceVO[] =>
  Array.from({ length: n }, (_, i) => ({ sim_card_id: String(1000 + i), cid: `8986031234567890${String(i).padStart(4, '0')}`, sim_status: 20, ...over(i) }));
const index = tagIndex([
  { id: '11', tag_name: 'north' },
  { id: '12', tag_name: 'vip' },
  { id: '13', tag_name: 'pilot' },
]);

test('lists are cut into requests of at most 500', () => {
  assert.equal(BATCH_LIMIT, 500);
  assert.deepEqual(chunk(Array.from({ length: 1201 }, (_, i) => i)).map((c) => c.length), [500, 500, 201]);
  assert.deepEqual(chunk([]), []);
});

test('adding a tag groups cards by the set each will have, 500 a request', () => {
  // 600 cards with no tag, 100 with "north": two resulting sets.
  const selection = [...cards(600), ...cards(100, (i) => ({ sim_card_id: String(5000 + i), tag_names: 'north' }))];
  const plan = planTagChange(selection, { add: ['vip'] }, index);
  assert.deepEqual(plan.held, []);
  assert.deepEqual(
    plan.requests.map((r) => [r.body.tag_ids, r.cards.length]),
    [
      [['12'], 500],
      [['12'], 100],
      [['11', '12'], 100],
    ],
  );
  assert.deepEqual(plan.requests[0].body.sim_card_ids?.slice(0, 2), ['1000', '1001']);
});

test('removing a tag sends each card its remaining tags; the last tag removed sends an empty set', () => {
  const plan = planTagChange([...cards(2, () => ({ tag_names: 'north,vip' })), ...cards(1, () => ({ sim_card_id: '9', tag_names: 'vip' }))], { remove: ['vip'] }, index);
  assert.deepEqual(
    plan.requests.map((r) => [r.body.tag_ids, r.cards.map((c) => c.sim_card_id)]),
    [
      [['11'], ['1000', '1001']],
      [[], ['9']],
    ],
  );
});

test('a card holding a tag name the account list cannot map is held, naming the tag; an unknown name asked for sends nothing', () => {
  const plan = planTagChange(cards(2, (i) => ({ tag_names: i === 0 ? 'ghost,north' : 'north' })), { add: ['vip'] }, index);
  assert.equal(plan.held.length, 1);
  assert.deepEqual(plan.held[0].reason.args, ['ghost']);
  assert.equal(plan.requests.length, 1);
  assert.deepEqual(planTagChange(cards(1), { add: ['nope'] }, index), { requests: [], held: [], unknownNames: ['nope'] });
});

test('attribute values and SMS go 500 cards a request, naming only what changes', () => {
  const attr = planAttributeChange(cards(501), 3, 'Beijing');
  assert.deepEqual(attr.map((r) => r.body.attributes.length), [500, 1]);
  assert.deepEqual(attr[1].body.attributes[0], { sim_card_id: '1500', customer_attribute3: 'Beijing' });
  const sms = planSms(cards(1000), 'REBOOT');
  assert.deepEqual(sms.map((r) => [r.body.cids?.length, r.body.sms_content]), [
    [500, 'REBOOT'],
    [500, 'REBOOT'],
  ]);
});

test('each planned request goes to its API once', async () => {
  const calls: string[] = [];
  const client = {
    batchSetTags: async () => calls.push('tags'),
    batchSetAttributes: async () => calls.push('attributes'),
    sendSms: async () => calls.push('sms'),
  };
  for (const r of [...planTagChange(cards(1), { add: ['vip'] }, index).requests, ...planAttributeChange(cards(1), 1, ''), ...planSms(cards(1), 'x')]) await sendBatchRequest(client, r);
  assert.deepEqual(calls, ['tags', 'attributes', 'sms']);
});

test('the whole tag list is read page by page', async () => {
  const all = Array.from({ length: 1200 }, (_, i) => ({ id: String(i), tag_name: `t${i}`, status: 0 }));
  const asked: number[] = [];
  const client = { listTags: async (q: { limit?: number; offset?: number }) => (asked.push(q.offset ?? 0), { limit: 500, offset: q.offset ?? 1, count: all.length, tags: all.slice(((q.offset ?? 1) - 1) * 500, (q.offset ?? 1) * 500) }) };
  assert.equal((await listAllTags(client)).length, 1200);
  assert.deepEqual(asked, [1, 2, 3]);
});
