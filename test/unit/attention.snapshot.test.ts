import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REASON_BIT, SnapshotBuilder, buildUsageHistory, compareSnapshots, decodeSnapshot, encodeSnapshot, UNKNOWN } from '../../src/core/attention/index';
import type { FleetSnapshot } from '../../src/core/attention/index';
import type { SimDeviceVO, SimStatus } from '../../src/gsl/models';
import { FleetStore } from '../../src/simulator/store';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 4, 17, 8);

function card(id: string, over: Partial<SimDeviceVO> = {}): SimDeviceVO {
  return {
    sim_card_id: id,
    sim_type: 3,
    iccid: `8986${id.slice(-16).padStart(16, '0')}`,
    sim_status: 20,
    operator_status: -1,
    flow_used: 10,
    flow_left: 90,
    price_plan_name: 'Plan 100 MB',
    expire_time: '2026-01-31T15:59:59.000Z',
    tag_names: 'north-fleet',
    ...over,
  };
}

function snapshot(takenAt: number, cards: SimDeviceVO[], reasons: Record<string, number> = {}): FleetSnapshot {
  const b = new SnapshotBuilder(4);
  for (const c of cards) b.setReasons(b.add(c), reasons[c.sim_card_id] ?? 0);
  return b.finish(takenAt);
}

test('a snapshot keeps every field through encode and decode, ids exact above 2^53', () => {
  const cards = [
    card('4710226018477568'),
    card('9223372036854770001', { sim_type: 2, cid: 'EID-<b>"x"</b>', iccid: '89049032000000000012', flow_used: 1234.56, flow_left: -34.56, operator_status: 1, sim_status: 14 }),
    card('9007199254740993', { flow_used: null, flow_left: null, expire_time: null, tag_names: null, price_plan_name: null, operator_status: null }),
    card('12', { tag_names: '测试,$(sign-out)$(check) verified', sim_status: 30 }),
  ];
  const s = snapshot(T0, cards, { '9223372036854770001': REASON_BIT.overPlan | REASON_BIT.suspended });
  const back = decodeSnapshot(encodeSnapshot(s));
  assert.equal(back.size, 4);
  assert.equal(back.takenAt, T0);
  assert.equal(back.asOfDay, Date.UTC(2025, 4, 16));
  for (let row = 0; row < 4; row++) assert.deepEqual(back.card(row), s.card(row));
  assert.deepEqual(back.card(1), {
    sim_card_id: '9223372036854770001',
    label: 'EID-<b>"x"</b>',
    sim_status: 14,
    operator_status: 1,
    flow_used: 1234.56,
    flow_left: -34.56,
    price_plan_name: 'Plan 100 MB',
    expire_time: Date.parse('2026-01-31T15:59:59.000Z'),
    tag_names: 'north-fleet',
    reasons: ['overPlan', 'suspended'],
  });
  assert.deepEqual([back.card(2).flow_used, back.card(2).expire_time, back.card(2).tag_names, back.card(2).operator_status], [null, null, null, null]);
  assert.equal(back.card(3).tag_names, '测试,$(sign-out)$(check) verified');
  assert.equal(back.findRow('9007199254740993'), 2);
  assert.equal(back.findRow('9007199254740992'), -1);
  assert.equal(back.findRow('not an id'), -1);
});

test('a damaged or foreign file is refused, not misread', () => {
  const buf = encodeSnapshot(snapshot(T0, [card('1'), card('2')]));
  assert.throws(() => decodeSnapshot(Buffer.from('hello world')), /Not a SIM Fleet snapshot/);
  assert.throws(() => decodeSnapshot(buf.subarray(0, buf.length - 5)));
});

test('a snapshot of the simulator fleet takes under 20 bytes a card on disk', () => {
  const store = new FleetStore({ seed: 42, size: 20_000, nowMs: T0 });
  const b = new SnapshotBuilder();
  for (let i = 0; i < store.size; i++) b.add(store.card(i).vo);
  const bytes = encodeSnapshot(b.finish(T0)).length;
  // 2 MB for 100,000 cards is 21 bytes a card.
  assert.ok(bytes / store.size < 20, `${(bytes / store.size).toFixed(1)} bytes a card`);
});

test('what changed: status changes, cards added and removed, the largest usage growth, new reasons', () => {
  const older = snapshot(T0, [card('1'), card('2', { flow_used: 50 }), card('3'), card('4', { flow_used: 5 })], { '1': REASON_BIT.expiresSoon });
  const newer = snapshot(T0 + 3 * DAY, [card('1', { flow_used: 12 }), card('2', { flow_used: 95, sim_status: 14 }), card('4', { flow_used: 45 }), card('5', { flow_used: 1 })], {
    '1': REASON_BIT.expiresSoon | REASON_BIT.spike,
    '2': REASON_BIT.willRunOut,
    '5': REASON_BIT.silent,
  });
  const c = compareSnapshots(older, newer, { top: 2 });
  assert.deepEqual(c.statusChanges.map((x) => [x.card.sim_card_id, x.from, x.to]), [['2', 20, 14]]);
  assert.deepEqual(c.added.map((x) => x.sim_card_id), ['5']);
  assert.deepEqual(c.removed.map((x) => x.sim_card_id), ['3']);
  assert.deepEqual(c.usageGrowth.map((x) => [x.card.sim_card_id, x.fromMb, x.toMb, x.growthMb]), [['2', 50, 95, 45], ['4', 5, 45, 40]]);
  assert.deepEqual(c.newReasons.map((x) => [x.card.sim_card_id, x.reasons]), [['1', ['spike']], ['2', ['willRunOut']], ['5', ['silent']]]);
  assert.equal(c.added[0].label, card('5').iccid, 'cards are named without fetching them');
});

test('usage growth across a billing cycle counts the new cycle\'s usage', () => {
  const april = snapshot(Date.UTC(2025, 3, 29, 8), [card('1', { flow_used: 80 })]);
  const may = snapshot(Date.UTC(2025, 4, 3, 8), [card('1', { flow_used: 6 })]);
  assert.deepEqual(compareSnapshots(april, may).usageGrowth.map((x) => x.growthMb), [6]);
});

test('the usage history: each card\'s days from how its flow_used grew, across a cycle start, with gaps left unknown', () => {
  // Snapshots taken 1–11 June (as of 31 May – 10 June); the engine runs on 12 June (yesterday = 11 June).
  const yesterday = Date.UTC(2025, 5, 11);
  const used: Record<string, number[]> = {
    // One card: 3 MB a day, restarting with June; 7 MB on 9 June.
    a: [90, 3, 6, 9, 12, 15, 18, 21, 24, 31, 34],
    // Silent since 4 June.
    b: [40, 2, 4, 5, 5, 5, 5, 5, 5, 5, 5],
  };
  const snaps: FleetSnapshot[] = [];
  for (let k = 0; k < 11; k++) {
    const cards = [card('1', { flow_used: used.a[k] }), card('2', { flow_used: used.b[k] })];
    // Card 3 appears from 5 June only.
    if (k >= 5) cards.push(card('3', { flow_used: k }));
    snaps.push(snapshot(Date.UTC(2025, 5, 1 + k, 9), cards));
  }
  const h = buildUsageHistory(snaps.reverse(), yesterday, { silentDays: 7, spikeRecentDays: 3 })!;
  assert.equal(h.days, 10, 'as far back as the features reach: ten days');
  const a = h.findRow('1');
  const b = h.findRow('2');
  const c = h.findRow('3');
  assert.equal(h.usedBefore[a], 3400);
  assert.deepEqual(Array.from(h.recent.subarray(a * 2, a * 2 + 2)), [300, 700], 'used on 10 and 9 June');
  assert.equal(h.quiet[b], 0, 'nothing on 5–10 June');
  assert.equal(h.quiet[a], 300 + 700 + 300 * 4);
  assert.equal(h.baseline[a], 3, 'median day before the recent ones');
  const early = buildUsageHistory(snaps, Date.UTC(2025, 5, 3), { silentDays: 7, spikeRecentDays: 3 })!;
  const ea = early.findRow('1');
  assert.deepEqual(Array.from(early.recent.subarray(ea * 2, ea * 2 + 2)), [300, 300], 'on 1 June flow_used restarted: 3 MB, not 3 − 90');
  assert.equal(h.quiet[c], UNKNOWN, 'card 3 has five days of history, not six');
  assert.equal(h.findRow('99'), -1);
  assert.equal(buildUsageHistory(snaps, yesterday + DAY, { silentDays: 7, spikeRecentDays: 3 }), undefined, 'nothing as of the day before: no history');
  const gap = buildUsageHistory(snaps.filter((s) => s.asOfDay !== Date.UTC(2025, 5, 7)), yesterday, { silentDays: 7, spikeRecentDays: 3 })!;
  assert.equal(gap.days, 3, 'only the consecutive days count');
  assert.equal(gap.quiet[gap.findRow('2')], UNKNOWN);
});

test('snapshots compare by id, whatever order the list came in', () => {
  const ids = Array.from({ length: 50 }, (_, i) => String(1000 + i * 7));
  const statuses: SimStatus[] = [10, 13, 14, 20, 30];
  const older = snapshot(T0, ids.map((id, i) => card(id, { sim_status: statuses[i % 5] })));
  const newer = snapshot(T0 + DAY, [...ids].reverse().map((id) => card(id, { sim_status: id === '1007' ? 30 : statuses[ids.indexOf(id) % 5] })));
  const c = compareSnapshots(older, newer);
  assert.deepEqual(c.statusChanges.map((x) => [x.card.sim_card_id, x.from, x.to]), [['1007', 13, 30]]);
  assert.equal(c.added.length + c.removed.length, 0);
});
