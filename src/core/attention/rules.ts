/**
 * The attention rules, one function each (settings.ts names them). Pure.
 *
 * List-only rules read one ListSimCards record: `overPlanBy`, `expiresSoon`,
 * `carrierSuspension`. The others need the card's daily usage (`DailySeries`): `assessSilent`
 * and `assessSpike` answer yes, no, or "need more": the days they need are not in the series
 * yet, and the API still keeps them (this month and the last, gsl-api.md 5.5). That lets the
 * engine ask for this month first and for last month only when a card's verdict needs it.
 * `willRunOut` is the forecast's (forecast.ts). `runOutCandidate` is not a rule but the
 * list-only test that decides whose daily usage is worth fetching for a forecast.
 */
import type { SimDeviceVO } from '../../gsl/models';
import { OPERATOR_STATUS_WORDS } from '../words';
import type { Cycle } from './days';
import { DAY_MS, cycleOf, dayStart, parseDateTime, previousCycle } from './days';
import type { AttentionSettings } from './settings';

type ListCard = Pick<SimDeviceVO, 'sim_status' | 'flow_used' | 'flow_left' | 'expire_time' | 'operator_status'>;

/** How far over its plan a card is, in MB (positive), or undefined when it is not. */
export function overPlanBy(card: Pick<SimDeviceVO, 'flow_left'>): number | undefined {
  const left = card.flow_left;
  return typeof left === 'number' && left < 0 ? Math.round(-left * 100) / 100 : undefined;
}

export interface ExpiryDetail {
  /** Epoch ms of `expire_time`. */
  expiresAt: number;
  /** Whole days from now until then (0 = today). */
  daysLeft: number;
}

/** Expiry within the window from now; dismantled cards and plans already expired are not "soon". */
export function expiresSoon(card: ListCard, nowMs: number, settings: Pick<AttentionSettings, 'expiresWithinDays'>): ExpiryDetail | undefined {
  if (card.sim_status === 30) return undefined;
  const at = parseDateTime(card.expire_time);
  if (at === undefined || at < nowMs || at > nowMs + settings.expiresWithinDays * DAY_MS) return undefined;
  return { expiresAt: at, daysLeft: Math.floor((at - nowMs) / DAY_MS) };
}

export interface SuspensionDetail {
  operatorStatus: number;
  /** The English text of the status in `OPERATOR_STATUS_WORDS`, which is also its translation key. */
  words: string;
}

/** Suspended by the carrier (or at the customer's request): `operator_status` set and not −1. */
export function carrierSuspension(card: Pick<SimDeviceVO, 'operator_status'>): SuspensionDetail | undefined {
  const s = card.operator_status;
  if (s === null || s === undefined || s === -1) return undefined;
  return { operatorStatus: s, words: OPERATOR_STATUS_WORDS[s] ?? 'Unknown' };
}

/** The plan's total for the cycle as the list shows it: used plus left. */
export function planTotalMb(card: Pick<SimDeviceVO, 'flow_used' | 'flow_left'>): number | undefined {
  if (typeof card.flow_used !== 'number' || typeof card.flow_left !== 'number') return undefined;
  return Math.round((card.flow_used + card.flow_left) * 100) / 100;
}

/** Where "now" falls: today, yesterday (the last day with data), and the cycle's days so far and left. */
export interface Clock {
  now: number;
  today: number;
  yesterday: number;
  cycle: Cycle;
  /** Days of this cycle with data (its start up to yesterday). */
  elapsedDays: number;
  /** Days of this cycle from today to its end, today included. */
  remainingDays: number;
  /** The first day the API still keeps daily usage for: the start of last cycle. */
  retentionStart: number;
}

export function clockAt(nowMs: number): Clock {
  const today = dayStart(nowMs);
  const cycle = cycleOf(today);
  const elapsedDays = Math.round((today - cycle.start) / DAY_MS);
  return {
    now: nowMs,
    today,
    yesterday: today - DAY_MS,
    cycle,
    elapsedDays,
    remainingDays: cycle.days - elapsedDays,
    retentionStart: previousCycle(cycle).start,
  };
}

/** Where a pool's usage is heading by the cycle's end at its pace so far (Needs attention's pool rule, the Pools view's warning). */
export function poolProjectedMb(usedMb: number, clock: Pick<Clock, 'elapsedDays' | 'cycle'>): number {
  return clock.elapsedDays > 0 ? (usedMb / clock.elapsedDays) * clock.cycle.days : usedMb;
}

/** A member's share of its pool's usage this cycle, 0–1 to three decimals (Needs attention's drivers, the Pools view's members). */
export function poolShare(memberMb: number, poolUsedMb: number): number {
  return poolUsedMb > 0 ? Math.round((memberMb / poolUsedMb) * 1000) / 1000 : 0;
}

/**
 * Whether a card in use with data left is worth a forecast: its cycle so far at a linear pace
 * (or, when the fleet's history gives one, its recent daily rate) projects at least
 * `runOutCandidateShare` of its plan by the cycle's end. The forecast weighs recent days more,
 * so a card can run out from below a linear pace of 100%; the share leaves room for that.
 */
export function runOutCandidate(card: ListCard, clock: Clock, settings: Pick<AttentionSettings, 'minCycleDays' | 'runOutCandidateShare'>, recentRateMb?: number): boolean {
  if (card.sim_status !== 20 || clock.elapsedDays < settings.minCycleDays) return false;
  const total = planTotalMb(card);
  const used = card.flow_used ?? 0;
  if (total === undefined || total <= 0 || (card.flow_left ?? 0) <= 0) return false;
  const threshold = settings.runOutCandidateShare * total;
  if ((used / clock.elapsedDays) * clock.cycle.days >= threshold) return true;
  return recentRateMb !== undefined && used + recentRateMb * clock.remainingDays >= threshold;
}

/** A card's daily MB from `first` on; NaN where the day is not known (yet). */
export interface DailySeries {
  first: number;
  values: ArrayLike<number>;
}

export function dayValue(series: DailySeries, day: number): number {
  const k = Math.round((day - series.first) / DAY_MS);
  return k < 0 || k >= series.values.length ? NaN : series.values[k];
}

export type Verdict<T> = { state: 'yes'; detail: T } | { state: 'no' } | { state: 'needMore' };

export interface SilentDetail {
  /** First day without traffic. */
  since: number;
  /** Days without traffic up to yesterday. */
  days: number;
}

/**
 * Silent: no traffic on each of the last `silentDays` days up to yesterday, and traffic on some
 * day before, within what the API keeps. A card that never had traffic there is not silent
 * (it is new, or idle by design).
 */
export function assessSilent(series: DailySeries, clock: Clock, settings: Pick<AttentionSettings, 'silentDays'>): Verdict<SilentDetail> {
  const from = clock.yesterday - (settings.silentDays - 1) * DAY_MS;
  if (from < clock.retentionStart) return { state: 'no' };
  for (let d = from; d <= clock.yesterday; d += DAY_MS) {
    const v = dayValue(series, d);
    if (Number.isNaN(v)) return { state: 'needMore' };
    if (v > 0) return { state: 'no' };
  }
  for (let d = from - DAY_MS; d >= clock.retentionStart; d -= DAY_MS) {
    const v = dayValue(series, d);
    if (Number.isNaN(v)) return { state: 'needMore' };
    if (v > 0) return { state: 'yes', detail: { since: d + DAY_MS, days: Math.round((clock.yesterday - d) / DAY_MS) } };
  }
  return { state: 'no' };
}

export interface SpikeDetail {
  day: number;
  mb: number;
  /** The card's median day before the recent days. */
  baselineMb: number;
  /** `mb / baselineMb`; null when the baseline is 0. */
  factor: number | null;
}

/** Fewer baseline days than this (a card new to the kept history) decide nothing. */
const MIN_BASELINE_DAYS = 7;

/**
 * Spike: one of the last `spikeRecentDays` days is at least `spikeMinMb` and at least
 * `spikeFactor` × the median of the `spikeBaselineDays` days before them (as far back as the
 * API keeps). The recent days are read first: below `spikeMinMb` needs no baseline.
 */
export function assessSpike(series: DailySeries, clock: Clock, settings: Pick<AttentionSettings, 'spikeRecentDays' | 'spikeFactor' | 'spikeMinMb' | 'spikeBaselineDays'>): Verdict<SpikeDetail> {
  const recentFrom = clock.yesterday - (settings.spikeRecentDays - 1) * DAY_MS;
  let top = -1;
  let topDay = recentFrom;
  for (let d = recentFrom; d <= clock.yesterday; d += DAY_MS) {
    const v = dayValue(series, d);
    if (Number.isNaN(v)) return d < clock.retentionStart ? { state: 'no' } : { state: 'needMore' };
    if (v > top) {
      top = v;
      topDay = d;
    }
  }
  if (top < settings.spikeMinMb || top <= 0) return { state: 'no' };
  const from = Math.max(clock.retentionStart, recentFrom - settings.spikeBaselineDays * DAY_MS);
  const base: number[] = [];
  for (let d = from; d < recentFrom; d += DAY_MS) {
    const v = dayValue(series, d);
    if (Number.isNaN(v)) return { state: 'needMore' };
    base.push(v);
  }
  if (base.length < MIN_BASELINE_DAYS) return { state: 'no' };
  const baselineMb = median(base);
  if (top < settings.spikeFactor * baselineMb) return { state: 'no' };
  return { state: 'yes', detail: { day: topDay, mb: top, baselineMb, factor: baselineMb > 0 ? Math.round((top / baselineMb) * 10) / 10 : null } };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
