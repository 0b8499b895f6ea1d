process.env.TZ = 'UTC';

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatOnly } from '../../src/core/translate';
import type { MonthUsageVo, SimCardFlowPerDayReq, SimCardFlowPerDayRsp, ShowMonthUsageReq, ListFlowBySimCardsReq, SimCardsFlowVo } from '../../src/gsl/models';
import { DAILY_BATCH, MONTHLY_BATCH, PLAN_BATCH, chunk, loadDailyUsage, loadMonthlyUsage, loadPlanUsage } from '../../src/panels/usageData';
import { buildCardPlansView, buildDailyView, buildFleetPlansView, buildMonthlyView, buildUsageCsv, csvCell, csvRow, dailyPeriods, usageCards } from '../../src/panels/usageModel';
import { cardLabel } from '../../src/core/cardText';
import { billingCycles, dailyMonths, normalizeCycle, normalizeDay } from '../../src/panels/format';
import type { UsageView } from '../../src/panels/protocol';

const english = formatOnly;
const ids = (n: number) => Array.from({ length: n }, (_, i) => String(1000 + i));

test('the month picker offers this month and last month; monthly covers the current and five earlier cycles', () => {
  assert.deepEqual(dailyMonths(new Date(2024, 0, 15)), ['202401', '202312']);
  assert.deepEqual(dailyMonths(new Date(2024, 2, 31)), ['202403', '202402']);
  assert.deepEqual(billingCycles(new Date(2024, 2, 31)), ['2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03']);
});

test('daily periods stop at yesterday in the current month and cover all of last month', () => {
  const now = new Date(2024, 2, 4, 10);
  assert.deepEqual(dailyPeriods('202403', now), ['2024-03-01', '2024-03-02', '2024-03-03']);
  assert.equal(dailyPeriods('202402', now).length, 29);
  assert.deepEqual(dailyPeriods('202403', new Date(2024, 2, 1)), []);
});

test('API day and cycle spellings are read in either form', () => {
  assert.equal(normalizeDay('20240301'), '2024-03-01');
  assert.equal(normalizeDay('2024-03-01'), '2024-03-01');
  assert.equal(normalizeCycle('202207'), '2022-07');
  assert.equal(normalizeCycle('2022-07'), '2022-07');
});

test('daily usage becomes one series per card aligned to the days, missing days as zero', () => {
  const cards = usageCards([{ sim_card_id: '1', cid: 'A' } as never, { sim_card_id: '2' }, { sim_card_id: '1' }]);
  assert.deepEqual(cards, [{ cardId: '1', label: 'A' }, { cardId: '2', label: '2' }]);
  const days: SimCardFlowPerDayRsp[] = [
    { date: '20240301', sim_flow: [{ sim_card_id: '1', iccid: 'A', flow: 1.5 }, { sim_card_id: '2', iccid: 'B', flow: 0.25 }] },
    { date: '20240303', sim_flow: [{ sim_card_id: '1', iccid: 'A', flow: 0.1 }, { sim_card_id: '1', iccid: 'A', flow: 0.2 }] },
  ];
  const view = buildDailyView(cards, ['2024-03-01', '2024-03-02', '2024-03-03'], days);
  assert.deepEqual(view.periods, ['2024-03-01', '2024-03-02', '2024-03-03']);
  assert.deepEqual(view.series, [
    { cardId: '1', label: 'A', values: [1.5, 0, 0.3], total: 1.8 },
    { cardId: '2', label: '2', values: [0.25, 0, 0], total: 0.25 },
  ]);
});

test('monthly usage follows the requested cycles, whatever spelling the response uses', () => {
  const usages: MonthUsageVo[] = [{ sim_card_id: '1', iccid: 'A', flow_usages: [{ billing_cycle: '202403', flow_used: 10 }, { billing_cycle: '2024-02', flow_used: 5.555 }] }];
  const view = buildMonthlyView([{ cardId: '1', label: 'A' }], ['2024-02', '2024-03'], usages);
  assert.deepEqual(view.series[0].values, [5.56, 10]);
  assert.equal(view.series[0].total, 15.56);
});

test('plan usage: one card lists its plans in use first; several cards list physical ones and say what is left out', () => {
  const one = buildCardPlansView({ cardId: '1', label: 'A' }, [
    { id: '1', sim_card_id: '1', status: 0, price_plan_name: 'deleted' },
    { id: '2', sim_card_id: '1', status: 1, using: '0', price_plan_name: 'next', flow_total: 100, flow_used: 0, flow_left: 100 },
    { id: '3', sim_card_id: '1', status: 2, using: '1', price_plan_name: 'now', flow_total: 1024, flow_used: 512, flow_left: 512 },
  ], english);
  assert.deepEqual(one.rows.map((r) => [r.plan, r.percentUsed]), [['now', 50], ['next', 0]]);
  const flows: SimCardsFlowVo[] = [{ id: '9', sim_card_id: '2', iccid: 'B', price_plan_name: 'P', flow_total: 100, flow_used: 120, flow_left: -20 }];
  const many = buildFleetPlansView([{ cardId: '2', label: 'B-label' }], flows, 3, english);
  assert.equal(many.rows[0].card, 'B-label');
  assert.equal(many.rows[0].percentUsed, 100);
  assert.equal(many.note, 'Plan usage is only available for physical cards; 3 card(s) not shown.');
});

test('CSV cells are quoted when needed and cannot start a formula', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
  assert.equal(csvCell('+1'), "'+1");
  assert.equal(csvCell('-2+3'), "'-2+3");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('\t=1'), "'\t=1");
  assert.equal(csvCell(' padded '), '" padded "');
  // Numbers are numbers: a negative balance stays a negative number, not text.
  assert.equal(csvCell(-20.5), '-20.5');
  assert.equal(csvCell(Number.NaN), '');
  assert.equal(csvCell(undefined), '');
  assert.equal(csvRow(['a', 1, undefined, '=x']), "a,1,,'=x");
});

test('the CSV export holds exactly the numbers the panel shows', () => {
  const view: UsageView = {
    title: 'Usage',
    cards: [{ cardId: '1', label: '=cmd|calc' }],
    months: [{ value: '202403', label: '2024-03' }],
    month: '202403',
    daily: { status: 'ready', data: { periods: ['2024-03-01', '2024-03-02'], series: [{ cardId: '1', label: '=cmd|calc', values: [1.5, 0], total: 1.5 }] } },
    monthly: { status: 'error', message: 'System busy' },
    plans: { status: 'ready', data: { rows: [{ cardId: '1', card: '=cmd|calc', plan: 'P, "big"', usedMb: 120, leftMb: -20, totalMb: 100, percentUsed: 100, text: '' }] } },
  };
  const csv = buildUsageCsv(view, english);
  assert.equal(
    csv,
    [
      'Section,sim_card_id,Card,Period,Plan,Used (MB),Left (MB),Total (MB)',
      "Daily,1,'=cmd|calc,2024-03-01,,1.5,,",
      "Daily,1,'=cmd|calc,2024-03-02,,0,,",
      "Plan,1,'=cmd|calc,,\"P, \"\"big\"\"\",120,-20,100",
      '',
    ].join('\r\n'),
  );
});

test('chunk splits in order and refuses a nonsense size', () => {
  assert.deepEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  assert.deepEqual(chunk([], 3), []);
  assert.throws(() => chunk([1], 0), RangeError);
});

/**
 * A recording client: these tests are about how many ids go into each request and how many
 * requests are in flight at once, which only a recorder can observe.
 */
function recorder<Req, Res>(answer: (req: Req) => Res) {
  const calls: Req[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const releases: (() => void)[] = [];
  const fn = async (req: Req): Promise<Res> => {
    calls.push(req);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise<void>((r) => releases.push(r));
    inFlight--;
    return answer(req);
  };
  // Release every request only once all have been sent: sequential code would deadlock here.
  const releaseWhen = async (n: number) => {
    while (calls.length < n) await new Promise((r) => setImmediate(r));
    for (const r of releases.splice(0)) r();
  };
  return { fn, calls, releaseWhen, get maxInFlight() { return maxInFlight; } };
}

test('daily usage goes out 100 cards per request, all requests at once, merged by date', async () => {
  const rec = recorder<SimCardFlowPerDayReq, SimCardFlowPerDayRsp[]>((req) => [
    { date: '20240301', sim_flow: (req.sim_card_ids ?? []).map((id) => ({ sim_card_id: id, iccid: `i${id}`, flow: 1 })) },
  ]);
  const all = ids(250);
  const done = loadDailyUsage({ listSimCardFlowPerDay: rec.fn }, [...all, all[0]], '202403');
  await rec.releaseWhen(3);
  const days = await done;
  assert.equal(DAILY_BATCH, 100);
  assert.deepEqual(rec.calls.map((c) => c.sim_card_ids?.length), [100, 100, 50]);
  assert.ok(rec.calls.every((c) => c.month === '202403' && c.date === undefined));
  assert.equal(rec.maxInFlight, 3);
  assert.equal(days.length, 1);
  assert.deepEqual(days[0].sim_flow.map((f) => f.sim_card_id), all);
});

test('monthly usage goes out 500 cards per request, in parallel', async () => {
  const rec = recorder<ShowMonthUsageReq, { month_usages: MonthUsageVo[] }>((req) => ({ month_usages: (req.sim_card_ids ?? []).map((id) => ({ sim_card_id: id, iccid: '', flow_usages: [] })) }));
  const done = loadMonthlyUsage({ showMonthUsages: rec.fn }, ids(1001), ['2024-02', '2024-03']);
  await rec.releaseWhen(3);
  const usages = await done;
  assert.equal(MONTHLY_BATCH, 500);
  assert.deepEqual(rec.calls.map((c) => c.sim_card_ids?.length), [500, 500, 1]);
  assert.deepEqual(rec.calls[0].billing_cycles, ['2024-02', '2024-03']);
  assert.equal(rec.maxInFlight, 3);
  assert.equal(usages.length, 1001);
});

test('plan usage goes out 50 cards per request, in parallel', async () => {
  const rec = recorder<ListFlowBySimCardsReq, SimCardsFlowVo[]>((req) => (req.sim_card_ids ?? []).map((id) => ({ id, sim_card_id: id, flow_total: 1, flow_used: 0, flow_left: 1 })));
  const done = loadPlanUsage({ listFlowBySimCards: rec.fn }, ids(120));
  await rec.releaseWhen(3);
  const flows = await done;
  assert.equal(PLAN_BATCH, 50);
  assert.deepEqual(rec.calls.map((c) => c.sim_card_ids?.length), [50, 50, 20]);
  assert.equal(rec.maxInFlight, 3);
  assert.equal(flows.length, 120);
});

test('a card is labelled by container id, then ICCID, MSISDN, id', () => {
  assert.equal(cardLabel({ sim_card_id: '1', cid: 'C', iccid: 'I' } as never), 'C');
  assert.equal(cardLabel({ sim_card_id: '1', iccid: 'I' } as never), 'I');
  assert.equal(cardLabel({ sim_card_id: '1', msisdn: 'M' } as never), 'M');
  assert.equal(cardLabel({ sim_card_id: '1' }), '1');
});
