/**
 * What changed between two snapshots of the fleet: `compareSnapshots(older, newer, { top })` →
 * status changes, cards added and removed, the largest usage growth (top N) and new reasons
 * for attention. Pure; O(n) plus a sort of the ids (done once per snapshot and kept).
 *
 * Usage growth is `flow_used` newer minus older when both fall in the same billing cycle.
 * Across a cycle boundary `flow_used` starts again from zero, so the growth is the newer
 * cycle's usage so far: a lower bound, as the rest of the older cycle is not in either snapshot.
 */
import type { SimStatus } from '../../gsl/models';
import { cycleOf } from './days';
import type { FleetSnapshot } from './snapshot';
import type { CardReason } from './settings';
import { reasonsOf } from './settings';

/** Enough to list a card and link it to its detail. */
export interface CardRef {
  sim_card_id: string;
  label: string;
  sim_status: SimStatus;
}

export interface SnapshotChanges {
  olderTakenAt: number;
  newerTakenAt: number;
  statusChanges: Array<{ card: CardRef; from: SimStatus; to: SimStatus }>;
  added: CardRef[];
  removed: CardRef[];
  /** Largest first. */
  usageGrowth: Array<{ card: CardRef; fromMb: number; toMb: number; growthMb: number }>;
  /** Reasons a card has in the newer snapshot and did not have in the older (a card added: all its reasons). */
  newReasons: Array<{ card: CardRef; reasons: CardReason[] }>;
}

export interface CompareOptions {
  /** How many cards of usage growth to report; default 20. */
  top?: number;
}

export function compareSnapshots(older: FleetSnapshot, newer: FleetSnapshot, options: CompareOptions = {}): SnapshotChanges {
  const top = options.top ?? 20;
  const ref = (s: FleetSnapshot, row: number): CardRef => ({ sim_card_id: s.id(row), label: s.label(row), sim_status: s.columns.status[row] as SimStatus });
  const sameCycle = cycleOf(older.asOfDay).start === cycleOf(newer.asOfDay).start;
  const seen = new Uint8Array(older.size);
  const changes: SnapshotChanges = { olderTakenAt: older.takenAt, newerTakenAt: newer.takenAt, statusChanges: [], added: [], removed: [], usageGrowth: [], newReasons: [] };
  // The top N by growth, kept as a small array sorted ascending (N is small).
  const growth: Array<{ row: number; oldRow: number; growth: number }> = [];
  const nc = newer.columns;
  const oc = older.columns;
  for (let row = 0; row < newer.size; row++) {
    const old = older.findRow(nc.ids[row]);
    if (old < 0) {
      changes.added.push(ref(newer, row));
      if (nc.reasons[row]) changes.newReasons.push({ card: ref(newer, row), reasons: reasonsOf(nc.reasons[row]) });
      continue;
    }
    seen[old] = 1;
    if (nc.status[row] !== oc.status[old]) changes.statusChanges.push({ card: ref(newer, row), from: oc.status[old] as SimStatus, to: nc.status[row] as SimStatus });
    const fresh = nc.reasons[row] & ~oc.reasons[old];
    if (fresh) changes.newReasons.push({ card: ref(newer, row), reasons: reasonsOf(fresh) });
    const to = newer.flowUsedMb(row);
    const from = older.flowUsedMb(old);
    if (to === null || top <= 0) continue;
    const g = sameCycle ? to - (from ?? 0) : to;
    if (g <= 0 || (growth.length === top && g <= growth[0].growth)) continue;
    if (growth.length === top) growth.shift();
    let k = growth.length;
    while (k > 0 && growth[k - 1].growth > g) k--;
    growth.splice(k, 0, { row, oldRow: old, growth: g });
  }
  for (let old = 0; old < older.size; old++) if (!seen[old]) changes.removed.push(ref(older, old));
  changes.usageGrowth = growth.reverse().map(({ row, oldRow, growth: g }) => ({
    card: ref(newer, row),
    fromMb: older.flowUsedMb(oldRow) ?? 0,
    toMb: newer.flowUsedMb(row) ?? 0,
    growthMb: Math.round(g * 100) / 100,
  }));
  return changes;
}
