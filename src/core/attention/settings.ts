/**
 * The reasons a card needs attention, and the thresholds that decide them. One home: the
 * engine, the tree's labels and the settings all read these; the simulator plants against
 * its own copies of the defaults and a unit test holds the two together.
 *
 * Card reasons (each decided per card, see rules.ts):
 * - `willRunOut`: in use, data left, and this cycle's forecast reaches the plan before the cycle ends;
 * - `overPlan`: `flow_left` below zero;
 * - `expiresSoon`: `expire_time` within `expiresWithinDays` (cards not dismantled);
 * - `silent`: in use, no traffic on each of the last `silentDays` days, traffic before that;
 * - `spike`: a day of the last `spikeRecentDays` at least `spikeFactor` × the card's own median
 *   day over the `spikeBaselineDays` before, and at least `spikeMinMb`;
 * - `suspended`: `operator_status` set and not −1 (normal).
 * Pools have one reason, `poolAtRisk`: the cycle's pace projects past the pool's total.
 */

export const CARD_REASONS = ['willRunOut', 'overPlan', 'expiresSoon', 'silent', 'spike', 'suspended'] as const;
export type CardReason = (typeof CARD_REASONS)[number];
export type AttentionReason = CardReason | 'poolAtRisk';

/** A card's reasons as bits of one byte (snapshots store them so). */
export const REASON_BIT: Readonly<Record<CardReason, number>> = { willRunOut: 1, overPlan: 2, expiresSoon: 4, silent: 8, spike: 16, suspended: 32 };

export function reasonsOf(mask: number): CardReason[] {
  return CARD_REASONS.filter((r) => (mask & REASON_BIT[r]) !== 0);
}

export interface AttentionSettings {
  /** Plan expiry within this many days from now. */
  expiresWithinDays: number;
  /** No traffic on each of this many days up to yesterday. */
  silentDays: number;
  /** A spike is on one of this many days up to yesterday… */
  spikeRecentDays: number;
  /** …at least this many times the card's median day… */
  spikeFactor: number;
  /** …over this many days before them… */
  spikeBaselineDays: number;
  /** …and at least this many MB. */
  spikeMinMb: number;
  /** Forecasts weigh a day half as much as the day after it, this many days on. */
  forecastHalfLifeDays: number;
  /** A forecast needs at least this many days of the cycle. */
  minCycleDays: number;
  /**
   * A card whose linear pace projects at least this share of its plan is a run-out candidate:
   * its daily usage is fetched and forecast. Lower finds cards whose usage rose late in the
   * cycle at the cost of more requests.
   */
  runOutCandidateShare: number;
  /** Top members reported for a pool at risk. */
  poolDrivers: number;
  /** Extra requests (daily usage, pool members) in flight at once, beside the scan's own. */
  requestConcurrency: number;
}

export const DEFAULT_ATTENTION_SETTINGS: Readonly<AttentionSettings> = Object.freeze({
  expiresWithinDays: 30,
  silentDays: 7,
  spikeRecentDays: 3,
  spikeFactor: 5,
  spikeBaselineDays: 30,
  spikeMinMb: 10,
  forecastHalfLifeDays: 7,
  minCycleDays: 3,
  runOutCandidateShare: 0.75,
  poolDrivers: 5,
  requestConcurrency: 4,
});

const LIMITS: Record<keyof AttentionSettings, [number, number, boolean]> = {
  expiresWithinDays: [1, 3650, true],
  silentDays: [1, 28, true],
  spikeRecentDays: [1, 14, true],
  spikeFactor: [1, 1000, false],
  spikeBaselineDays: [3, 30, true],
  spikeMinMb: [0, 1e9, false],
  forecastHalfLifeDays: [0.5, 60, false],
  minCycleDays: [1, 28, true],
  runOutCandidateShare: [0, 1, false],
  poolDrivers: [0, 100, true],
  requestConcurrency: [1, 32, true],
};

/**
 * Settings from partial user input: each value within its range (out-of-range values are
 * clamped, missing or non-numeric ones take the default), so a bad setting cannot stop the engine.
 */
export function attentionSettings(input: Partial<Record<keyof AttentionSettings, unknown>> = {}): AttentionSettings {
  const out = { ...DEFAULT_ATTENTION_SETTINGS };
  for (const key of Object.keys(LIMITS) as Array<keyof AttentionSettings>) {
    const v = input[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    const [lo, hi, integer] = LIMITS[key];
    const clamped = Math.min(hi, Math.max(lo, v));
    out[key] = integer ? Math.round(clamped) : clamped;
  }
  return out;
}
