// The forecast both panels draw: cumulative usage against the plan, the projection as its own
// series, the days left, and the same "runs out" date the tree shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attentionSettings } from '../../src/core/attention/index';
import { buildForecastState, forecastMonth } from '../../src/panels/forecastModel';

const t = (s: string, ...args: unknown[]): string => s.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
const NOW = Date.UTC(2025, 4, 17, 9, 30);
// 16 days of May with 40 MB each (the API writes dates as YYYYMMDD).
const days = Array.from({ length: 16 }, (_, i) => ({ date: `202505${String(i + 1).padStart(2, '0')}`, sim_flow: [{ sim_card_id: '7', iccid: '89860000000000000007', flow: 40 }] }));

test('a card at 40 MB a day with 400 MB left runs out on the 26th; the series split at the last day with data', () => {
  assert.equal(forecastMonth(NOW), '202505');
  const state = buildForecastState({ sim_card_id: '7', flow_used: 640, flow_left: 400 }, days, NOW, attentionSettings(), t);
  assert.equal(state.status, 'ready');
  if (state.status !== 'ready') return;
  const f = state.data;
  assert.equal(f.periods.length, 31);
  assert.equal(f.periods[0], '2025-05-01');
  assert.equal(f.totalMb, 1040);
  assert.deepEqual(f.used.slice(0, 3), [40, 80, 120]);
  assert.equal(f.used[15], 640);
  assert.equal(f.used[16], null, 'no usage is drawn for today or later');
  assert.equal(f.projection[14], null, 'the projection starts at the last day with data');
  assert.equal(f.projection[15], 640);
  assert.equal(f.projection[30], 640 + 40 * 15);
  assert.ok(f.low[30]! <= f.projection[30]! && f.projection[30]! <= f.high[30]!);
  assert.equal(f.willRunOut, true);
  assert.equal(f.daysLeft, 10);
  assert.equal(f.short, 'runs out ~May 26');
  assert.match(f.outcome, /runs out ~May 26/);
  assert.equal(f.daysLeftText, 'Days left at the current pace: 10.');
});

test('a card without plan figures, or without a plan total, says why instead of drawing', () => {
  assert.equal(buildForecastState({ sim_card_id: '7' }, days, NOW, attentionSettings(), t).status, 'none');
  assert.equal(buildForecastState({ sim_card_id: '7', flow_used: 0, flow_left: 0 }, days, NOW, attentionSettings(), t).status, 'none');
  const light = buildForecastState({ sim_card_id: '7', flow_used: 640, flow_left: 5000 }, days, NOW, attentionSettings(), t);
  assert.ok(light.status === 'ready' && !light.data.willRunOut && light.data.short === undefined);
});
