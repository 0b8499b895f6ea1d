import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateFleet, cardId } from '../../src/simulator/generator';
import { FleetStore } from '../../src/simulator/store';
import { dailyUsage, monthUsage } from '../../src/simulator/usage';
import { luhnValid } from '../../src/gsl/luhn';
import { MARKUP_ATTRIBUTE, MARKUP_TAG, PLAN_BY_ID } from '../../src/simulator/catalog';
import { isoTime, monthOf } from '../../src/simulator/dates';

const NOW = Date.UTC(2025, 4, 17, 9, 30, 0);

test('the same seed and size give the same fleet; another seed gives another', () => {
  const a = generateFleet(42, 500, NOW).cards.map((c) => c.vo);
  const b = generateFleet(42, 500, NOW).cards.map((c) => c.vo);
  const c = generateFleet(43, 500, NOW).cards.map((c) => c.vo);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test('the fleet has a realistic mix of statuses, types, carriers and overage', () => {
  const cards = generateFleet(1, 5000, NOW).cards;
  const share = (f: (c: (typeof cards)[number]) => boolean) => cards.filter(f).length / cards.length;
  assert.ok(share((c) => c.vo.sim_status === 20) > 0.55, 'mostly in use');
  for (const s of [10, 13, 14, 30]) assert.ok(share((c) => c.vo.sim_status === s) > 0.01, `some in status ${s}`);
  assert.ok(share((c) => c.vo.sim_status === 11) > 0.002, 'a few inactive non-physical cards');
  assert.equal(cards.filter((c) => c.vo.sim_status === 11 && c.vo.sim_type === 3).length, 0, '11 only for non-physical cards');
  assert.ok(share((c) => c.vo.sim_type === 3) > 0.7, 'mostly physical');
  assert.ok(share((c) => c.vo.sim_type === 2) > 0.05 && share((c) => c.vo.sim_type === 1) > 0.03);
  for (const c of cards) {
    if (c.vo.sim_type === 3) {
      assert.equal(c.vo.device_status, null);
      assert.equal(c.vo.dbm, null);
      assert.equal(c.vo.cid, c.vo.iccid);
    } else {
      assert.ok(c.vo.device_status !== null && c.vo.device_model && c.vo.signal_level && c.vo.dbm);
    }
  }
  const prefixes = { CM: ['898600', '898602', '898604', '898607'], CT: ['898603', '898611'], CU: ['898601', '898606', '898609'] };
  for (const c of cards) {
    assert.ok(prefixes[c.carrier].includes(c.vo.iccid.slice(0, 6)), c.vo.iccid);
    assert.ok(c.vo.price_plan_name!.startsWith({ CM: 'China Mobile', CT: 'China Telecom', CU: 'China Unicom' }[c.carrier]));
  }
  assert.ok(share((c) => (c.vo.flow_left ?? 0) < 0) > 0.01, 'some cards over their plan');
  assert.ok(cards.some((c) => c.vo.operator_status === 5) && cards.some((c) => c.vo.operator_status === -1));
});

test('ICCIDs are 19–20 digits with a valid Luhn digit and unique; IMEIs are Luhn-valid', () => {
  const cards = generateFleet(9, 3000, NOW).cards;
  const seen = new Set<string>();
  for (const c of cards) {
    assert.match(c.vo.iccid, /^\d{19,20}$/);
    assert.ok(luhnValid(c.vo.iccid), c.vo.iccid);
    assert.ok(!seen.has(c.vo.iccid));
    seen.add(c.vo.iccid);
    if (c.vo.imei) assert.ok(luhnValid(c.vo.imei) && c.vo.imei.length === 15);
  }
  assert.ok(cards.some((c) => c.vo.iccid.length === 19) && cards.some((c) => c.vo.iccid.length === 20));
});

test('some card ids exceed 2^53 and all ids are distinct decimal strings', () => {
  const cards = generateFleet(1, 1000, NOW).cards;
  const big = cards.filter((c) => BigInt(c.vo.sim_card_id) > BigInt(Number.MAX_SAFE_INTEGER));
  assert.ok(big.length > 10);
  assert.equal(new Set(cards.map((c) => c.vo.sim_card_id)).size, cards.length);
  assert.equal(cardId(5), '9007199254741003');
});

test('a few cards carry markup in tags and attributes, and tags exist in the store', () => {
  const store = new FleetStore({ seed: 1, size: 100, nowMs: NOW });
  const marked = store.allCards().filter((c) => c.vo.customer_attribute1 === MARKUP_ATTRIBUTE);
  assert.ok(marked.length >= 2);
  for (const c of marked) assert.ok(c.vo.tag_names!.includes(MARKUP_TAG));
  const tag = [...store.tags.values()].find((t) => t.tag_name === MARKUP_TAG)!;
  assert.equal(store.tagVo(tag).status, 1);
});

test('the store serves exactly the generated fleet: same cards, found by id, ICCID and container id', () => {
  const generated = generateFleet(7, 3000, NOW).cards;
  const store = new FleetStore({ seed: 7, size: 3000, nowMs: NOW });
  // The generator leaves tag names to the store, which knows the tags' current names.
  assert.deepEqual(store.allCards().map((c) => c.vo), generated.map((c) => ({ ...c.vo, tag_names: store.tagNames(c.tagIds) })));
  for (const i of [0, 5, 42, 1999, 2999]) {
    const c = generated[i];
    assert.equal(store.byCardId(c.vo.sim_card_id)?.index, i);
    assert.equal(store.byCardIccid(c.vo.iccid)?.index, i);
    assert.equal(store.byCid(c.vo.cid)?.index, i);
  }
  assert.equal(store.byCardId('4710226018477569'), undefined, 'an id between two cards');
  assert.equal(store.byCardId(String(4710226018477568 + 3000 * 4099)), undefined, 'an id past the fleet');
  assert.equal(store.byCardIccid('89860000000000000000'), undefined);
});

test('100,000 cards generate and index', () => {
  const store = new FleetStore({ seed: 7, size: 100_000, nowMs: NOW });
  assert.equal(store.size, 100_000);
  const last = store.card(99_999);
  assert.equal(store.byCardIccid(last.vo.iccid)?.vo.sim_card_id, last.vo.sim_card_id);
  assert.equal(store.byCardId(last.vo.sim_card_id)?.vo.iccid, last.vo.iccid);
  const page = store.query({ status: 20, sort: 'flow_used', order: 'desc' }, 500, 3);
  assert.equal(page.cards.length, 500);
  let inUse = 0;
  for (let i = 0; i < store.size; i++) if (store.statusOf(i) === 20) inUse++;
  assert.equal(page.count, inUse);
  assert.ok(page.cards.every((c, k) => k === 0 || page.cards[k - 1].vo.flow_used! >= c.vo.flow_used!));
});

test('sorted views order by the key with ties kept in generation order, and follow a changed card', () => {
  const store = new FleetStore({ seed: 3, size: 2000, nowMs: NOW });
  const cards = (rows: Int32Array) => Array.from(rows, (i) => store.card(i));
  const asc = cards(store.viewRows(undefined, 'flow_left', 'asc'));
  for (let i = 1; i < asc.length; i++) {
    const a = asc[i - 1], b = asc[i];
    assert.ok(a.vo.flow_left! < b.vo.flow_left! || (a.vo.flow_left === b.vo.flow_left && a.index < b.index));
  }
  const byCid = cards(store.viewRows(undefined, 'cid', 'asc'));
  for (let i = 1; i < byCid.length; i++) assert.ok(byCid[i - 1].vo.cid < byCid[i].vo.cid, 'cid order is string order');
  const descRows = store.viewRows(14, 'act_date', 'desc');
  const desc = cards(descRows);
  assert.ok(desc.every((c) => c.vo.sim_status === 14));
  for (let i = 1; i < desc.length; i++) assert.ok(desc[i - 1].vo.act_date! >= desc[i].vo.act_date!);
  assert.equal(store.viewRows(14, 'act_date', 'desc'), descRows, 'cached');
  const moved = store.edit(store.card(store.viewRows(20, undefined)[0]));
  moved.vo.sim_status = 14;
  store.touch(moved);
  assert.ok(Array.from(store.viewRows(14, 'act_date', 'desc')).includes(moved.index));
  assert.equal(store.card(moved.index), moved, 'the changed card is the one kept');
  assert.equal(store.statusCount(14), desc.length + 1);
});

test('usage agrees with the card: daily flows sum to the month usage, which is flow_used this month', () => {
  const cards = generateFleet(5, 300, NOW).cards;
  const current = monthOf(NOW);
  for (const c of cards) {
    assert.equal(monthUsage(c, current, NOW), c.vo.flow_used);
    const days = dailyUsage(c, current, NOW);
    assert.equal(days.length, 16, 'May 1 to 16 when today is May 17');
    const sum = days.reduce((s, [, f]) => s + f, 0);
    assert.ok(Math.abs(sum - (c.vo.flow_used ?? 0)) < 1e-6, `${sum} vs ${c.vo.flow_used}`);
    const last = dailyUsage(c, current - 1, NOW);
    assert.equal(last.length, 30);
    assert.ok(Math.abs(last.reduce((s, [, f]) => s + f, 0) - monthUsage(c, current - 1, NOW)!) < 1e-6);
    assert.equal(monthUsage(c, current + 1, NOW), undefined);
    if (!c.vo.act_date) assert.equal(monthUsage(c, current - 2, NOW), 0);
    assert.ok(PLAN_BY_ID.get(c.planId));
  }
});

test('dates are emitted as YYYY-MM-DDTHH:mm:ss.000Z and agree with Date', () => {
  for (const t of [0, NOW, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(2100, 11, 31, 1, 2, 3), Date.UTC(1999, 0, 1)]) {
    assert.equal(isoTime(t), new Date(Math.floor(t / 1000) * 1000).toISOString());
  }
});

test('on the first of a month the month so far is shown on day 1', () => {
  const first = Date.UTC(2025, 5, 1, 8);
  const c = generateFleet(5, 50, first).cards.find((x) => (x.vo.flow_used ?? 0) > 0)!;
  const days = dailyUsage(c, monthOf(first), first);
  assert.equal(days.length, 1);
  assert.equal(days[0][1], c.vo.flow_used);
});
