/** Scoring Needs attention against the simulator's planted truth, and the fleet's past days as snapshots. */
import type { AttentionResult, FleetSnapshot } from '../../../src/core/attention/index';
import { CARD_REASONS, SnapshotBuilder, decodeSnapshot, encodeSnapshot } from '../../../src/core/attention/index';
import type { CardReason } from '../../../src/core/attention/index';
import type { FleetStore, PlantedTruth } from '../../../src/simulator/index';
import { flowUsedAsOf } from '../../../src/simulator/usage';

const DAY_MS = 86_400_000;

export interface Score {
  reason: CardReason | 'poolAtRisk';
  planted: number;
  found: number;
  precision: number;
  recall: number;
}

function score(reason: Score['reason'], found: readonly string[], planted: readonly string[]): Score {
  const want = new Set(planted);
  const hits = found.filter((id) => want.has(id)).length;
  // With nothing to find (or nothing found) there is nothing to get wrong.
  return { reason, planted: want.size, found: found.length, precision: found.length ? hits / found.length : 1, recall: want.size ? hits / want.size : 1 };
}

export function scoreAgainst(result: AttentionResult, truth: PlantedTruth): Score[] {
  const scores = CARD_REASONS.map((r) => score(r, result.cards(r).map((c) => c.sim_card_id), truth.reasons[r]));
  scores.push(score('poolAtRisk', result.pools.map((p) => p.poolId), truth.poolAtRisk.map((p) => p.pool_id)));
  return scores;
}

export function scoreTable(title: string, scores: readonly Score[]): string {
  const rows = scores.map((s) => `  ${s.reason.padEnd(12)} planted ${String(s.planted).padStart(5)}  found ${String(s.found).padStart(5)}  precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}`);
  return [title, ...rows].join('\n');
}

/**
 * The snapshots the extension would have taken on each of the `days` days before the
 * simulator's generation day, built from the simulator's own daily usage: each card as listed
 * today, with `flow_used` (and `flow_left`) as they stood then. Encoded and decoded, as they
 * would be read back from disk.
 */
export function pastSnapshots(store: FleetStore, days: number): FleetSnapshot[] {
  const cards = store.allCards();
  const out: FleetSnapshot[] = [];
  for (let k = 1; k <= days; k++) out.push(decodeSnapshot(encodeSnapshot(pastSnapshot(store, k, cards))));
  return out;
}

/** The snapshot taken `daysBack` days before the generation day (so as of one day before that). */
export function pastSnapshot(store: FleetStore, daysBack: number, cards = store.allCards()): FleetSnapshot {
  const taken = store.today - daysBack * DAY_MS + 10 * 3_600_000;
  const asOf = store.today - (daysBack + 1) * DAY_MS;
  const b = new SnapshotBuilder(cards.length);
  for (const c of cards) {
    const used = flowUsedAsOf(c, asOf);
    const total = (c.vo.flow_used ?? 0) + (c.vo.flow_left ?? 0);
    b.add({ ...c.vo, flow_used: used, flow_left: Math.round((total - used) * 100) / 100 });
  }
  return b.finish(taken);
}
