/**
 * What changed between two snapshots, in words and rows: one home for what the What Changed view
 * shows and what its CSV export writes, so the two never disagree. Pure (callers pass `t`).
 */
import type { CardRef, SnapshotChanges } from './attention/compare';
import type { SnapshotCard } from './attention/snapshot';
import { dayLabel } from './attention/days';
import { REASON_WORDS } from './attentionWords';
import { formatMb } from './cardText';
import type { Translate } from './translate';
import { csvRow } from './csv';
import { simStatusWord } from './words';

export const CHANGE_SECTIONS = ['statusChanges', 'added', 'removed', 'usageGrowth', 'newReasons'] as const;
export type ChangeSection = (typeof CHANGE_SECTIONS)[number];

export const CHANGE_SECTION_WORDS: Readonly<Record<ChangeSection, string>> = {
  statusChanges: 'Status changed',
  added: 'Cards added',
  removed: 'Cards removed',
  usageGrowth: 'Largest usage growth',
  newReasons: 'New reasons for attention',
};

/** One card's line under a section: the card, what changed in words, and the raw values for a file. */
export interface ChangeRow {
  section: ChangeSection;
  card: CardRef;
  /** "In use → Stopped", "+120 MB (80 MB → 200 MB)", "Will run out, Spike". */
  text: string;
  from?: string | number;
  to?: string | number;
}

export function changeRows(c: SnapshotChanges, section: ChangeSection, t: Translate): ChangeRow[] {
  switch (section) {
    case 'statusChanges':
      return c.statusChanges.map((x) => ({ section, card: x.card, text: t('{0} → {1}', simStatusWord(x.from, t), simStatusWord(x.to, t)), from: x.from, to: x.to }));
    case 'added':
      return c.added.map((card) => ({ section, card, text: simStatusWord(card.sim_status, t), to: card.sim_status }));
    case 'removed':
      return c.removed.map((card) => ({ section, card, text: simStatusWord(card.sim_status, t), from: card.sim_status }));
    case 'usageGrowth':
      return c.usageGrowth.map((x) => ({ section, card: x.card, text: t('+{0} ({1} → {2})', formatMb(x.growthMb), formatMb(x.fromMb), formatMb(x.toMb)), from: x.fromMb, to: x.toMb }));
    case 'newReasons':
      return c.newReasons.map((x) => ({ section, card: x.card, text: x.reasons.map((r) => t(REASON_WORDS[r])).join(', '), to: x.reasons.join(' ') }));
  }
}

/** "2026-11-28 → 2026-11-30": the two snapshots compared, for the view's description. */
export function comparedText(c: SnapshotChanges, t: Translate): string {
  return t('{0} → {1}', dayLabel(c.olderTakenAt), dayLabel(c.newerTakenAt));
}

/** The changes as CSV, one row per card and change, CRLF line ends (RFC 4180). */
export function changesCsv(c: SnapshotChanges, t: Translate): string {
  const lines = [csvRow([t('Section'), 'sim_card_id', t('Card'), t('Change'), t('From'), t('To')])];
  for (const section of CHANGE_SECTIONS) {
    for (const r of changeRows(c, section, t)) lines.push(csvRow([t(CHANGE_SECTION_WORDS[section]), r.card.sim_card_id, r.card.label, r.text, r.from, r.to]));
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * A card as a snapshot kept it, as the JSON document "Compare with Snapshot" shows on each side
 * (the snapshot's own fields only; dates in ISO form). `null` when the snapshot did not hold it.
 */
export function snapshotCardText(card: SnapshotCard | undefined, takenAt: number): string {
  const body = card ? { ...card, expire_time: card.expire_time === null ? null : new Date(card.expire_time).toISOString() } : null;
  return JSON.stringify({ snapshot: new Date(takenAt).toISOString(), card: body }, null, 2) + '\n';
}
