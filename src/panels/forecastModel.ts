/**
 * The cycle forecast both panels show for one card: cumulative usage so far against the plan's
 * total, the projection to the cycle's end as its own series (with its likely range), and the
 * sentences (pace, outcome, days left). The numbers come from the same home as Needs attention's
 * "will run out" (core/attention/forecast.ts `forecastCard`), so the panels and the tree agree.
 * Pure (no `vscode`).
 */
import type { SimCardFlowPerDayRsp, SimDeviceVO } from '../gsl/models';
import { dailyMbByCard } from '../core/attention/daily';
import { DAY_MS, dayLabel, monthKey } from '../core/attention/days';
import { forecastCard } from '../core/attention/forecast';
import { clockAt } from '../core/attention/rules';
import type { AttentionSettings } from '../core/attention/settings';
import { forecastWords, shortDay } from '../core/attentionWords';
import type { Translate } from '../core/translate';
import type { ForecastState, ForecastView } from './protocol';

/** The month (YYYYMM) whose daily usage the forecast reads: the current cycle's. */
export function forecastMonth(now: number): string {
  return monthKey(clockAt(now).today);
}

/** The forecast of `card` from its figures and this cycle's daily usage; `none` when it has no plan total to forecast against. */
export function buildForecastState(card: Pick<SimDeviceVO, 'sim_card_id' | 'flow_used' | 'flow_left'>, days: readonly SimCardFlowPerDayRsp[], now: number, settings: Pick<AttentionSettings, 'forecastHalfLifeDays'>, t: Translate): ForecastState {
  if (typeof card.flow_used !== 'number' && typeof card.flow_left !== 'number') return { status: 'none', message: t('No plan figures to forecast from.') };
  const clock = clockAt(now);
  const daily = dailyMbByCard(days, [card.sim_card_id], clock.cycle, clock.elapsedDays).get(card.sim_card_id)!;
  const f = forecastCard({ usedMb: card.flow_used, leftMb: card.flow_left, dailyMb: daily }, clock, settings);
  if (f.totalMb <= 0) return { status: 'none', message: t('No plan total to forecast against.') };
  const periods: string[] = [];
  for (let day = clock.cycle.start; day <= clock.cycle.end; day += DAY_MS) periods.push(dayLabel(day));
  const at = (day: number): number => Math.round((day - clock.cycle.start) / DAY_MS);
  const empty = (): Array<number | null> => periods.map(() => null);
  const used = empty();
  for (const p of f.cumulative) used[at(p.day)] = p.mb;
  // The list's `flow_used` is the better figure for the last day with data (the days may lag it).
  if (f.cumulative.length > 0) used[f.cumulative.length - 1] = f.usedMb;
  const projection = empty();
  const low = empty();
  const high = empty();
  for (const p of f.projection) {
    const i = at(p.day);
    if (i < 0 || i >= periods.length) continue;
    projection[i] = p.mb;
    low[i] = p.lowMb;
    high[i] = p.highMb;
  }
  const words = forecastWords(f, t);
  const view: ForecastView = {
    periods,
    used,
    projection,
    low,
    high,
    totalMb: f.totalMb,
    usedMb: f.usedMb,
    projectedMb: f.projectedMb,
    daysLeft: f.daysLeft,
    willRunOut: f.willRunOut,
    short: f.willRunOut && f.runOutDate !== undefined ? t('runs out ~{0}', shortDay(f.runOutDate, t)) : undefined,
    pace: words.pace,
    outcome: words.outcome,
    daysLeftText: words.daysLeft,
  };
  return { status: 'ready', data: view };
}
