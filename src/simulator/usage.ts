/**
 * Usage history derived from each card's seed, so it is stable across requests and agrees
 * with the card record. Everything is anchored to the day the fleet was generated (`today`):
 * the data is "as of 24:00 yesterday", as the service's is.
 *
 * - the current month's usage is the card's `flow_used`;
 * - the current month's daily flows (day 1 up to yesterday) add up to `flow_used`, to the
 *   hundredth of a MB; on the 1st of a month, when there is no "yesterday" in the month yet,
 *   the month so far is shown on day 1;
 * - an earlier month's daily flows add up to that month's month-usage;
 * - months before activation, and cards never activated, have no usage.
 *
 * Cards in use follow a usage profile (`UsageProfile`): a daily rate with day-to-day noise,
 * the same in this month and the last, so a card's recent days look like its own past. A few
 * profiles are planted so the attention rules have something true to find (see `PLANTING`):
 * `runner` cards will run out before the month ends, `over` cards are already over their
 * plan, `silent` cards stopped sending data days ago, `spike` cards had one recent day many
 * times their usual. The margins are wide on purpose: a planted card meets its rule whatever
 * reasonable forecast reads it, and an ordinary card meets none (its pace stays under about
 * 60% of its plan, its days never reach twice its median, and it uses data every day).
 * Other cards (not in use) keep a month total spread over the days by seeded weights.
 */
import type { Card } from './generator';
import { PLAN_BY_ID } from './catalog';
import { DAY_MS, daysInMonth, monthOf, monthStart, startOfDay } from './dates';
import type { MonthNo } from './dates';
import { mixUnit, unit } from './rng';

/** What a card in use does with its data; `idle` for cards not in use when generated. */
export type UsageKind = 'ordinary' | 'runner' | 'over' | 'silent' | 'spike' | 'idle';

/**
 * The simulator's own planting constants. They are not the rules' settings (the simulator
 * may not import the core): each is chosen so the planted cards meet the rules' defaults
 * with room to spare, and the unit tests check that the two agree.
 */
export const PLANTING = {
  /** Shares of the cards in use (by a per-card hash), in this order. */
  runnerShare: 0.035,
  overShare: 0.03,
  silentShare: 0.03,
  /** Of which only cards whose plan holds at least `spikePlanMinMb` spike (about 45% do). */
  spikeShare: 0.06,
  /** Share of cards in use whose plan expires within `expiresInDays` (rule: 30 days). */
  expiresShare: 0.03,
  expiresInDays: [3, 25] as const,
  /** Cards not planted to expire soon expire at least this many days from the generation day. */
  ordinaryExpiryMinDays: 45,
  /** A forecast needs this many days of the month (rule default: 3). */
  minForecastDays: 3,
  /** Over-plan cards in use are planted from this day of data on (earlier they would spike). */
  overMinDays: 10,
  /** Silent cards have sent nothing for this many days up to yesterday (rule: 7). */
  silentDays: [9, 25] as const,
  /** A spike is on one of the last three days (rule: 3), 8–12× the usual day (rule: 5×), at least 15 MB (rule: 10 MB). */
  spikeWithinDays: 3,
  spikeFactor: [8, 12] as const,
  spikeMinMb: 15,
  spikePlanMinMb: 500,
  /** Ordinary pace: a share of the plan per month, 2%–47%, most cards low. */
  ordinaryPace: [0.02, 0.47] as const,
  /** Day-to-day noise: ±30% for most cards, ±10% for runners (their forecast must be clear). */
  noise: 0.3,
  runnerNoise: 0.1,
  /** The pool planted at risk projects this many times its total at its current pace. */
  poolRiskFactor: 1.3,
} as const;

export interface UsageProfile {
  readonly kind: UsageKind;
  /** The generation day (start, UTC). */
  readonly today: number;
  /** Start of the generation day's month: `rate` applies from here, `lastRate` before. */
  readonly monthFrom: number;
  /** Start of the activation day; undefined when never activated. */
  readonly activeFrom: number | undefined;
  /** MB per day in the current month, and before it. */
  readonly rate: number;
  readonly lastRate: number;
  /** Relative half-width of the day-to-day variation. */
  readonly noise: number;
  /** No traffic from this day on. */
  readonly silentFrom?: number;
  readonly spikeDay?: number;
  readonly spikeMb?: number;
  /** Hundredths of a MB used this month so far: the card's `flow_used` × 100. */
  readonly monthHundredths: number;
}

export interface DataDays {
  first: number;
  last: number;
  count: number;
  daysInMonth: number;
}

let lastDataDays: { today: number; days: DataDays } | undefined;

/** The days of the current month that have data: day 1 to yesterday (day 1 itself on the 1st). */
export function dataDays(today: number): DataDays {
  // Asked once per card at fleet start, always for the same day: remember the answer.
  if (lastDataDays?.today === today) return lastDataDays.days;
  const m = monthOf(today);
  const first = monthStart(m);
  const last = Math.max(first, today - DAY_MS);
  const days = { first, last, count: Math.round((last - first) / DAY_MS) + 1, daysInMonth: daysInMonth(m) };
  lastDataDays = { today, days };
  return days;
}

const SALT_DAY = 0x5bd1e995;
const round2 = (x: number): number => Math.round(x * 100);

/** Noise factor of one day, in [1 − noise, 1 + noise]. */
function noiseOf(seed: number, day: number, noise: number): number {
  return 1 + noise * (2 * mixUnit(seed ^ SALT_DAY, day / DAY_MS) - 1);
}

/** Hundredths of a MB a card in use sent on `day`. */
function dayHundredths(seed: number, p: UsageProfile, day: number): number {
  if (p.activeFrom === undefined || day < p.activeFrom) return 0;
  if (p.silentFrom !== undefined && day >= p.silentFrom) return 0;
  if (day === p.spikeDay) return round2(p.spikeMb!);
  const rate = day >= p.monthFrom ? p.rate : p.lastRate;
  return round2(rate * noiseOf(seed, day, p.noise));
}

// Salts of the per-card draws, so each is independent of the others (integer hashing: these
// run for every card of a million-card fleet at start).
const SALT = { kind: 1, pace: 2, over: 3, overLast: 4, silent: 5, spikeFactor: 6, spikeMb: 7, spikeDay: 8 } as const;
const draw = (seed: number, salt: number): number => mixUnit(seed, salt);

/**
 * The usage profile of a card in use, from its seed: which kind (planted or ordinary) and its
 * rates, set so that this month's days add up to what the kind needs (a runner has data left
 * but half the remaining days' worth; an over card is 5–35% over its plan).
 */
export function inUseProfile(seed: number, totalMb: number, actMs: number, today: number): UsageProfile {
  const { first, count: n, daysInMonth: dim } = dataDays(today);
  const yesterday = today - DAY_MS;
  const left = dim - n;
  const u = draw(seed, SALT.kind);
  const P = PLANTING;
  let kind: UsageKind = 'ordinary';
  let edge = P.runnerShare;
  if (u < edge) kind = n >= P.minForecastDays && left >= 1 ? 'runner' : 'ordinary';
  else if (u < (edge += P.overShare)) kind = n >= P.overMinDays ? 'over' : 'ordinary';
  else if (u < (edge += P.silentShare)) kind = 'silent';
  else if (u < (edge += P.spikeShare)) kind = totalMb >= P.spikePlanMinMb ? 'spike' : 'ordinary';

  const u2 = draw(seed, SALT.pace);
  const [lo, hi] = P.ordinaryPace;
  // One object shape for every profile (fields unused by a kind stay undefined).
  const p = {
    kind,
    today,
    monthFrom: first,
    activeFrom: startOfDay(actMs),
    rate: (totalMb * (lo + (hi - lo) * u2 * u2)) / dim,
    lastRate: 0,
    noise: P.noise as number,
    silentFrom: undefined as number | undefined,
    spikeDay: undefined as number | undefined,
    spikeMb: undefined as number | undefined,
    monthHundredths: 0,
  };
  const sumNoise = (noise: number): number => {
    let s = 0;
    for (let k = 0; k < n; k++) s += noiseOf(seed, first + k * DAY_MS, noise);
    return s;
  };
  switch (kind) {
    case 'runner':
      // Data left is exactly half the remaining days' use: it runs out mid-way through them.
      p.noise = P.runnerNoise;
      p.rate = totalMb / (sumNoise(P.runnerNoise) + 0.5 * left);
      break;
    case 'over':
      p.rate = (totalMb * (1.05 + 0.3 * draw(seed, SALT.over))) / sumNoise(P.noise);
      p.lastRate = p.rate * (0.6 + 0.3 * draw(seed, SALT.overLast));
      break;
    case 'silent': {
      const [a, b] = P.silentDays;
      p.silentFrom = yesterday - (a + Math.floor(draw(seed, SALT.silent) * (b - a + 1)) - 1) * DAY_MS;
      break;
    }
    case 'spike': {
      p.rate = (totalMb * (0.03 + 0.09 * u2)) / dim;
      const [a, b] = P.spikeFactor;
      const factor = a + (b - a) * draw(seed, SALT.spikeFactor);
      p.spikeMb = Math.max(P.spikeMinMb + 10 * draw(seed, SALT.spikeMb), factor * p.rate);
      p.spikeDay = yesterday - Math.floor(draw(seed, SALT.spikeDay) * P.spikeWithinDays) * DAY_MS;
      break;
    }
    default:
      break;
  }
  if (kind !== 'over') p.lastRate = p.rate;
  let month = 0;
  for (let k = 0; k < n; k++) month += dayHundredths(seed, p, first + k * DAY_MS);
  p.monthHundredths = month;
  return p;
}

/** The profile of a card not in use: its month so far is given (from the generator's draws). */
export function idleProfile(usedMb: number, actMs: number | undefined, today: number): UsageProfile {
  return {
    kind: 'idle',
    today,
    monthFrom: dataDays(today).first,
    activeFrom: actMs === undefined ? undefined : startOfDay(actMs),
    rate: 0,
    lastRate: 0,
    noise: 0,
    monthHundredths: Math.round(usedMb * 100),
  };
}

/** MB used in a month, or undefined for a month after the generation day's. */
export function monthUsage(card: Card, month: MonthNo, _nowMs?: number): number | undefined {
  const p = card.usage;
  const current = monthOf(p.today);
  if (month > current) return undefined;
  if (month === current) return card.vo.flow_used ?? 0;
  if (p.kind !== 'idle' && month === current - 1) {
    return dailyUsage(card, month).reduce((s, [, f]) => s + Math.round(f * 100), 0) / 100;
  }
  const act = card.vo.act_date ? Date.parse(card.vo.act_date) : undefined;
  if (act === undefined || act >= monthStart(month + 1)) return 0;
  const total = PLAN_BY_ID.get(card.planId)?.flow_total ?? 0;
  // Most months use a good part of the plan; a few run over it.
  const f = 0.1 + unit(card.seed, 'month', month) * 1.05;
  return Math.round(total * f * 100) / 100;
}

/**
 * Daily MB for a month, as `[dayStartMs, flow]` for each day that has data: the whole month
 * for past months, day 1 to yesterday for the current one (as of the generation day).
 */
export function dailyUsage(card: Card, month: MonthNo, _nowMs?: number): Array<[number, number]> {
  const p = card.usage;
  const current = monthOf(p.today);
  if (month > current) return [];
  const first = monthStart(month);
  const count = month === current ? dataDays(p.today).count : daysInMonth(month);
  const days: number[] = [];
  for (let d = 0; d < count; d++) days.push(first + d * DAY_MS);
  if (p.kind !== 'idle' && month >= current - 1) return days.map((t) => [t, dayHundredths(card.seed, p, t) / 100]);
  return spread(card, days, monthUsage(card, month) ?? 0);
}

/**
 * A month total shared out over its days by seeded weights; hundredths are shared as integers
 * so the rounded days sum to the month exactly. Days before activation carry nothing; if
 * activation is after the last day, it all goes on the last.
 */
function spread(card: Card, days: number[], total: number): Array<[number, number]> {
  const act = card.usage.activeFrom;
  const active = act === undefined ? days : days.filter((t) => t >= act);
  const carriers = active.length > 0 ? active : [days[days.length - 1]];
  const hundredths = Math.round(total * 100);
  const weights = carriers.map((t) => 0.2 + unit(card.seed, 'day', t));
  const wsum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((hundredths * w) / wsum));
  let rest = hundredths - shares.reduce((a, b) => a + b, 0);
  for (let i = shares.length - 1; rest > 0; i = (i - 1 + shares.length) % shares.length, rest--) shares[i]++;
  const byDay = new Map(carriers.map((t, i) => [t, shares[i] / 100]));
  return days.map((t) => [t, byDay.get(t) ?? 0]);
}

/**
 * `flow_used` as the card list showed it the day after `asOfDay`: the usage of the month of
 * `asOfDay` up to and including it. Tests build the fleet's past daily snapshots from it.
 */
export function flowUsedAsOf(card: Card, asOfDay: number): number {
  const days = dailyUsage(card, monthOf(asOfDay));
  let h = 0;
  for (const [t, f] of days) if (t <= asOfDay) h += Math.round(f * 100);
  return h / 100;
}
