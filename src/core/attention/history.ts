/**
 * What the fleet's own history (a run of daily snapshots) tells the engine about each card,
 * so it fetches daily usage only for the cards that may be silent or spiking.
 *
 * Between two snapshots a day apart, a card's `flow_used` grew by what it used that day (or,
 * on the first day of a cycle, restarted from zero: then the newer value is that day's use).
 * From the snapshots of the days before the engine's "yesterday" Y (taken on days Y … Y−9,
 * so as of Y−1 … Y−10), `buildUsageHistory` keeps, per card of the newest of them:
 * - `usedBefore`: its `flow_used` as of Y−1, so today's scan gives the day Y's use;
 * - `recent`: its use on days Y−1 … Y−(spikeRecentDays−1);
 * - `quiet`: its total use on days Y−1 … Y−(silentDays−1);
 * - `baseline`: its median day over up to 7 days before the recent ones;
 * - `rate`: its mean day over up to the last 7 days.
 * About 36 bytes a card, in typed arrays; the snapshots themselves are let go.
 * Days missing from the history, and cards missing from a snapshot, leave the features they
 * would feed unknown: the engine then treats the card as if there were no history.
 */
import { DAY_MS, cycleOf } from './days';
import { median } from './rules';
import type { AttentionSettings } from './settings';
import type { FleetSnapshot } from './snapshot';

/** Hundredths of a MB; `UNKNOWN` when the history cannot tell. */
export const UNKNOWN = -2147483648;
const BASELINE_DAYS = 7;
const RATE_DAYS = 7;

export interface UsageHistory {
  /** The engine's "yesterday" these features lead up to. */
  readonly asOfDay: number;
  /** Consecutive days of snapshots behind it (as of Y−1 backwards). */
  readonly days: number;
  readonly size: number;
  /** Row of a card id, or -1. */
  findRow(id: string): number;
  readonly usedBefore: Int32Array;
  /** Row-major, `recentDays` per row: the use on Y−1, Y−2, … */
  readonly recent: Int32Array;
  readonly recentDays: number;
  readonly quiet: Int32Array;
  readonly quietDays: number;
  /** MB; NaN when unknown. */
  readonly baseline: Float32Array;
  readonly rate: Float32Array;
}

/**
 * Builds the history for an engine run whose yesterday is `asOfDay`, from snapshots in any
 * order (only those as of the days just before it count). Undefined when there is no
 * snapshot as of the day before `asOfDay`: without it not even one day's use is known.
 */
export function buildUsageHistory(snapshots: Iterable<FleetSnapshot>, asOfDay: number, settings: Pick<AttentionSettings, 'silentDays' | 'spikeRecentDays'>): UsageHistory | undefined {
  const recentDays = Math.max(0, settings.spikeRecentDays - 1);
  const quietDays = Math.max(0, settings.silentDays - 1);
  const depth = Math.max(quietDays, recentDays + BASELINE_DAYS, RATE_DAYS) + 1;
  // The newest snapshot per as-of day, for days Y−1 … Y−depth.
  const byDay = new Map<number, FleetSnapshot>();
  for (const s of snapshots) {
    const back = Math.round((asOfDay - s.asOfDay) / DAY_MS);
    if (back < 1 || back > depth) continue;
    const had = byDay.get(back);
    if (!had || had.takenAt < s.takenAt) byDay.set(back, s);
  }
  const newest = byDay.get(1);
  if (!newest) return undefined;
  let days = 1;
  while (byDay.has(days + 1)) days++;

  const n = newest.size;
  const ids = newest.columns.ids;
  // A snapshot marks a missing flow with the same value as UNKNOWN.
  const usedBefore = new Int32Array(newest.columns.flowUsed);
  // deltas[k * n + row]: the use on day Y−1−k, for k < days − 1.
  const spanned = days - 1;
  const deltas = new Int32Array(Math.max(0, spanned) * n).fill(UNKNOWN);
  let newerUsed = usedBefore;
  for (let k = 0; k < spanned; k++) {
    const older = byDay.get(k + 2)!;
    const newerDay = asOfDay - (k + 1) * DAY_MS;
    const restart = cycleOf(newerDay).start === newerDay;
    const olderUsed = new Int32Array(n).fill(UNKNOWN);
    for (let r = 0; r < n; r++) {
      const o = older.findRow(ids[r]);
      if (o >= 0) olderUsed[r] = older.columns.flowUsed[o];
      const a = newerUsed[r];
      const b = olderUsed[r];
      if (a === UNKNOWN || (b === UNKNOWN && !restart)) continue;
      deltas[k * n + r] = restart ? a : Math.max(0, a - b);
    }
    newerUsed = olderUsed;
  }

  const recent = new Int32Array(recentDays * n).fill(UNKNOWN);
  const quiet = new Int32Array(n).fill(UNKNOWN);
  const baseline = new Float32Array(n).fill(NaN);
  const rate = new Float32Array(n).fill(NaN);
  const at = (k: number, r: number): number => (k < spanned ? deltas[k * n + r] : UNKNOWN);
  const scratch: number[] = [];
  for (let r = 0; r < n; r++) {
    for (let k = 0; k < recentDays; k++) recent[r * recentDays + k] = at(k, r);
    let q = 0;
    for (let k = 0; k < quietDays && q !== UNKNOWN; k++) q = at(k, r) === UNKNOWN ? UNKNOWN : q + at(k, r);
    quiet[r] = q;
    scratch.length = 0;
    for (let k = recentDays; k < recentDays + BASELINE_DAYS; k++) if (at(k, r) !== UNKNOWN) scratch.push(at(k, r));
    if (scratch.length >= 3) baseline[r] = median(scratch) / 100;
    let sum = 0;
    let known = 0;
    for (let k = 0; k < RATE_DAYS; k++) {
      if (at(k, r) === UNKNOWN) continue;
      sum += at(k, r);
      known++;
    }
    if (known >= 3) rate[r] = sum / known / 100;
  }
  return {
    asOfDay,
    days,
    size: n,
    findRow: rowFinder(ids),
    usedBefore,
    recent,
    recentDays,
    quiet,
    quietDays,
    baseline,
    rate,
  };
}

/**
 * Rows by card id, from the ids alone: a history keeps neither the snapshots it was built
 * from nor the work arrays above (a closure made in that scope would keep them all).
 */
function rowFinder(ids: BigUint64Array): (id: string) => number {
  const sorted = ids.slice().sort();
  const rowOf = new Uint32Array(ids.length);
  for (let row = 0; row < ids.length; row++) rowOf[indexOf(sorted, ids[row])] = row;
  return (id) => {
    let key: bigint;
    try {
      key = BigInt(id);
    } catch {
      return -1;
    }
    const k = indexOf(sorted, key);
    return k >= 0 ? rowOf[k] : -1;
  };
}

function indexOf(sorted: BigUint64Array, key: bigint): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === key) return mid;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
