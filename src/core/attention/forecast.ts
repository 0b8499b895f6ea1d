/**
 * A cycle's usage forecast: what the Needs attention reason "will run out" decides on, and
 * what the card and usage panels draw. Pure, no Node APIs (the webviews may import it).
 *
 * `forecastCycle({ dailyMb, totalMb, cycle, today })` →
 * - `cumulative`: the cycle's usage so far, day by day;
 * - `projection`: from the last day with data to the cycle's end, at the current rate, with a
 *   low and a high line: its own series for a chart;
 * - `rateMb` (the current daily rate), `daysLeft` at that rate, `runOutDate` and the range
 *   `earliestDate`–`latestDate` (undefined: not within this cycle), and `willRunOut`.
 *
 * The current rate is an exponentially weighted mean of the cycle's days: a day weighs half
 * as much as the day `halfLifeDays` after it, so recent days count more and one old heavy
 * day fades. The range is an 80% band around it: the rate's own uncertainty (the weighted
 * spread of the days over their effective number) plus how much the days left can vary among
 * themselves. With a single day there is no spread to measure, so the band is ±50%.
 */
import type { Cycle } from './days';
import { DAY_MS } from './days';

export interface ForecastInput {
  /** MB per day from the cycle's first day, one entry per day with data (up to yesterday). */
  dailyMb: ArrayLike<number>;
  /** The plan's total for the cycle, MB. */
  totalMb: number;
  cycle: Cycle;
  /** Today's start: the projection runs from here to the cycle's end. */
  today: number;
  /** Used so far, when known better than the sum of the days (the card list's `flow_used`). */
  usedMb?: number;
  halfLifeDays?: number;
}

export interface CyclePoint {
  day: number;
  mb: number;
}

export interface ProjectionPoint extends CyclePoint {
  lowMb: number;
  highMb: number;
}

export interface CycleForecast {
  totalMb: number;
  usedMb: number;
  leftMb: number;
  /** MB per day: the current rate and its 80% range. */
  rateMb: number;
  lowRateMb: number;
  highRateMb: number;
  /** Usage at the cycle's end at those rates. */
  projectedMb: number;
  projectedLowMb: number;
  projectedHighMb: number;
  /** Data left > 0 and the projection reaches the total before the cycle ends. */
  willRunOut: boolean;
  /** The day the data runs out at the current rate, the earliest (high rate) and latest (low rate); undefined: not this cycle. */
  runOutDate?: number;
  earliestDate?: number;
  latestDate?: number;
  /** Days of data left at the current rate; null when the rate is 0. */
  daysLeft: number | null;
  cumulative: CyclePoint[];
  projection: ProjectionPoint[];
}

const Z80 = 1.2816;

export function forecastCycle(input: ForecastInput): CycleForecast {
  const { dailyMb, totalMb, cycle, today } = input;
  const h = input.halfLifeDays ?? 7;
  const n = dailyMb.length;
  const cumulative: CyclePoint[] = [];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += Number.isFinite(dailyMb[i]) ? dailyMb[i] : 0;
    cumulative.push({ day: cycle.start + i * DAY_MS, mb: round2(sum) });
  }
  const usedMb = input.usedMb ?? round2(sum);
  const leftMb = round2(totalMb - usedMb);

  let w = 0;
  let w2 = 0;
  let wx = 0;
  for (let i = 0; i < n; i++) {
    const weight = Math.pow(0.5, (n - 1 - i) / h);
    const x = Number.isFinite(dailyMb[i]) ? dailyMb[i] : 0;
    w += weight;
    w2 += weight * weight;
    wx += weight * x;
  }
  const rateMb = w > 0 ? wx / w : 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    const x = Number.isFinite(dailyMb[i]) ? dailyMb[i] : 0;
    variance += Math.pow(0.5, (n - 1 - i) / h) * (x - rateMb) ** 2;
  }
  variance = w > 0 ? variance / w : 0;
  const remaining = Math.max(0, Math.round((cycle.end - today) / DAY_MS) + 1);
  let half: number;
  if (n < 2) half = 0.5 * rateMb;
  else {
    const nEff = (w * w) / w2;
    half = Z80 * Math.sqrt(variance / nEff + (remaining > 0 ? variance / remaining : 0));
  }
  const lowRateMb = Math.max(0, rateMb - half);
  const highRateMb = rateMb + half;

  const runOut = (rate: number): number | undefined => {
    if (leftMb <= 0 || rate <= 0) return undefined;
    const day = today + (Math.ceil(leftMb / rate - 1e-9) - 1) * DAY_MS;
    return day <= cycle.end ? day : undefined;
  };
  const projection: ProjectionPoint[] = [];
  const lastDay = n > 0 ? cycle.start + (n - 1) * DAY_MS : today - DAY_MS;
  projection.push({ day: lastDay, mb: usedMb, lowMb: usedMb, highMb: usedMb });
  for (let k = 1; k <= remaining; k++) {
    projection.push({ day: lastDay + k * DAY_MS, mb: round2(usedMb + rateMb * k), lowMb: round2(usedMb + lowRateMb * k), highMb: round2(usedMb + highRateMb * k) });
  }
  const projectedMb = round2(usedMb + rateMb * remaining);
  const runOutDate = runOut(rateMb);
  return {
    totalMb,
    usedMb,
    leftMb,
    rateMb: round2(rateMb),
    lowRateMb: round2(lowRateMb),
    highRateMb: round2(highRateMb),
    projectedMb,
    projectedLowMb: round2(usedMb + lowRateMb * remaining),
    projectedHighMb: round2(usedMb + highRateMb * remaining),
    willRunOut: leftMb > 0 && runOutDate !== undefined,
    runOutDate,
    earliestDate: runOut(highRateMb),
    latestDate: runOut(lowRateMb),
    daysLeft: rateMb > 0 && leftMb > 0 ? Math.round((leftMb / rateMb) * 10) / 10 : leftMb <= 0 ? 0 : null,
    cumulative,
    projection,
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** A card's (or several cards' together) figures as the card list gives them, and its days of this cycle. */
export interface CardUsage {
  /** `flow_used`: this cycle's usage so far, MB (null: unknown, read as 0). */
  usedMb: number | null | undefined;
  /** `flow_left`: data left on the plan, MB (negative when over). */
  leftMb: number | null | undefined;
  /** MB per day from the cycle's first day up to yesterday. */
  dailyMb: ArrayLike<number>;
}

/**
 * The forecast of a card from what the list says of it: the plan's total is used plus left (the
 * list's own reading, rounded to the API's hundredths), usage so far is `flow_used`. One home:
 * the engine's "will run out" and the panels' forecast both come from here.
 */
export function forecastCard(usage: CardUsage, clock: { cycle: Cycle; today: number }, settings: { forecastHalfLifeDays: number }): CycleForecast {
  const used = usage.usedMb ?? 0;
  const left = usage.leftMb ?? 0;
  return forecastCycle({ dailyMb: usage.dailyMb, totalMb: round2(used + left), cycle: clock.cycle, today: clock.today, usedMb: used, halfLifeDays: settings.forecastHalfLifeDays });
}
