/**
 * A list of cards as people bring it — pasted from a spreadsheet, a text file, a CSV export: one
 * ICCID, container id (EID, vSIM CID) or MSISDN a line, or a column of a CSV. What it says, which
 * entries cannot be read and which are repeated, and which cards of a fleet it names. This is
 * what replaces the console's template upload. Pure.
 */
import type { SimDeviceVO } from '../gsl/models';
import type { Problem } from './cardInputs';

export type ListEntryKind = 'iccid' | 'cid' | 'msisdn';

export interface ListEntry {
  /** 1-based line of the text. */
  line: number;
  /** As written, without surrounding spaces or quotes. */
  text: string;
  kind: ListEntryKind;
}

export interface CardList {
  /** Readable entries, each once, in the order of the text. */
  entries: ListEntry[];
  /** Later occurrences of an entry already listed. */
  duplicates: ListEntry[];
  /** Lines (or cells) that read as no identifier. */
  unreadable: Array<{ line: number; text: string }>;
  /** The CSV column read, by its header or position ("column 2"), when the text was a table. */
  column?: string;
}

export type CardListResult =
  | { kind: 'list'; list: CardList }
  | { kind: 'problem'; problem: Problem }
  /** A table with several columns of identifiers: the person chooses (`readCardList(text, index)`). */
  | { kind: 'chooseColumn'; columns: Array<{ index: number; label: string; sample: string }> };

/** The most entries one list may hold. */
export const MAX_LIST_ENTRIES = 100_000;

const HEADER = /^(iccid|cid|eid|container ?id|msisdn|sim|card|卡号|iccid号|容器id|号码|msisdn号)$/i;

/** What an identifier is, by its shape; undefined when it is none. */
export function classifyIdentifier(raw: string): ListEntryKind | undefined {
  const s = raw.trim();
  // ICCID: 19–20 characters, 89 then digits; the last may be a hex check or filler letter.
  if (/^89\d{16,17}[0-9A-Fa-f]$/.test(s)) return 'iccid';
  if (/^\+?\d{5,15}$/.test(s)) return 'msisdn';
  // EIDs (32 digits), vSIM CIDs and other container ids.
  if (/^[A-Za-z0-9][A-Za-z0-9_-]{2,127}$/.test(s)) return 'cid';
  return undefined;
}

/** The key an entry is matched and de-duplicated by. */
function key(kind: ListEntryKind, text: string): string {
  if (kind === 'msisdn') return `m:${text.replace(/^\+/, '')}`;
  return `c:${text.toUpperCase()}`;
}

function cells(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur.trim() === '') {
      quoted = true;
      cur = '';
    } else if (ch === sep) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** A spreadsheet cell may hold an ICCID as `="8986…"` or with a leading apostrophe. */
const clean = (s: string): string => s.replace(/^="?|"$/g, '').replace(/^'/, '').trim();

/**
 * Reads the list. A text whose lines hold commas, semicolons or tabs is a table: a header naming
 * an ICCID, container id or MSISDN column picks it; otherwise the column whose cells read as
 * identifiers, or, when several do, the person chooses (`column`, 0-based).
 */
export function readCardList(text: string, column?: number): CardListResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map((l, i) => ({ line: i + 1, text: l }));
  const rows = lines.filter((l) => l.text.trim() !== '' && !l.text.trim().startsWith('#'));
  if (rows.length === 0) return { kind: 'problem', problem: { message: 'The list is empty: give one ICCID, container id or MSISDN a line, or a CSV file with a column of them.', args: [] } };
  if (rows.length > MAX_LIST_ENTRIES + 1) return { kind: 'problem', problem: { message: 'The list has {0} lines; SIM Fleet reads at most {1} at a time. Split it.', args: [rows.length, MAX_LIST_ENTRIES] } };

  const sep = [',', ';', '\t'].map((s) => [s, rows.slice(0, 20).filter((r) => r.text.includes(s)).length] as const).sort((a, b) => b[1] - a[1])[0];
  let values: Array<{ line: number; text: string }>;
  let columnLabel: string | undefined;
  if (sep[1] === 0) {
    values = rows.map((r) => ({ line: r.line, text: clean(r.text) }));
    if (values.length && HEADER.test(values[0].text)) values = values.slice(1);
  } else {
    const table = rows.map((r) => ({ line: r.line, cells: cells(r.text, sep[0]).map(clean) }));
    const width = Math.max(...table.map((r) => r.cells.length));
    const first = table[0].cells;
    const header = first.some((c) => HEADER.test(c)) && !first.some((c) => classifyIdentifier(c) === 'iccid');
    const body = header ? table.slice(1) : table;
    const readable = (i: number) => body.filter((r) => r.cells[i] !== undefined && r.cells[i] !== '' && classifyIdentifier(r.cells[i]) !== undefined).length;
    const label = (i: number) => (header && first[i] ? first[i] : `column ${i + 1}`);
    let chosen = column;
    if (chosen === undefined && header) {
      const named = ['iccid', 'cid|eid|container|容器|卡号', 'msisdn|号码'].map((re) => first.findIndex((c) => new RegExp(re, 'i').test(c))).find((i) => i >= 0);
      if (named !== undefined) chosen = named;
    }
    if (chosen === undefined) {
      // Columns where most cells read as identifiers; a column of ICCIDs beats one of numbers that
      // merely look like MSISDNs (counts, amounts).
      const candidates = Array.from({ length: width }, (_, i) => i).filter((i) => readable(i) >= Math.max(1, body.length / 2));
      const iccidCols = candidates.filter((i) => body.filter((r) => classifyIdentifier(r.cells[i] ?? '') === 'iccid').length >= body.length / 2);
      const pool = iccidCols.length ? iccidCols : candidates;
      if (pool.length === 1) chosen = pool[0];
      else if (pool.length > 1) {
        return { kind: 'chooseColumn', columns: pool.map((i) => ({ index: i, label: label(i), sample: body.find((r) => r.cells[i])?.cells[i] ?? '' })) };
      } else {
        return { kind: 'problem', problem: { message: 'No column of this table reads as ICCIDs, container ids or MSISDNs (line {0}: "{1}").', args: [rows[0].line, rows[0].text.slice(0, 60)] } };
      }
    }
    if (chosen < 0 || chosen >= width) return { kind: 'problem', problem: { message: 'The table has no column {0}.', args: [chosen + 1] } };
    columnLabel = label(chosen);
    values = body.map((r) => ({ line: r.line, text: r.cells[chosen] ?? '' })).filter((v) => v.text !== '');
  }

  const entries: ListEntry[] = [];
  const duplicates: ListEntry[] = [];
  const unreadable: CardList['unreadable'] = [];
  const seen = new Set<string>();
  for (const v of values) {
    const kind = classifyIdentifier(v.text);
    if (!kind) {
      unreadable.push(v);
      continue;
    }
    const entry = { line: v.line, text: v.text, kind };
    const k = key(kind, v.text);
    if (seen.has(k)) duplicates.push(entry);
    else {
      seen.add(k);
      entries.push(entry);
    }
  }
  if (entries.length === 0) {
    const bad = unreadable[0];
    return bad
      ? { kind: 'problem', problem: { message: 'Nothing in the list reads as an ICCID, container id or MSISDN (line {0}: "{1}").', args: [bad.line, bad.text.slice(0, 60)] } }
      : { kind: 'problem', problem: { message: 'The list is empty: give one ICCID, container id or MSISDN a line, or a CSV file with a column of them.', args: [] } };
  }
  if (entries.length > MAX_LIST_ENTRIES) return { kind: 'problem', problem: { message: 'The list has {0} lines; SIM Fleet reads at most {1} at a time. Split it.', args: [entries.length, MAX_LIST_ENTRIES] } };
  return { kind: 'list', list: { entries, duplicates, unreadable, column: columnLabel } };
}

export interface ResolvedList {
  /** The cards the list names, once each, in the list's order. */
  found: Array<{ entry: ListEntry; card: SimDeviceVO }>;
  /** Entries no card of the fleet answers to. */
  unknown: ListEntry[];
  /** Entries naming a card an earlier entry named already (its ICCID and its MSISDN, say). */
  sameCard: ListEntry[];
}

/** Matches entries to cards by ICCID, container id or MSISDN, exactly. */
export class CardMatcher {
  private readonly byKey = new Map<string, SimDeviceVO>();

  add(cards: Iterable<SimDeviceVO>): void {
    for (const c of cards) {
      if (c.iccid) this.byKey.set(key('iccid', c.iccid), c);
      if (c.cid) this.byKey.set(key('cid', c.cid), c);
      if (c.msisdn) this.byKey.set(key('msisdn', c.msisdn), c);
    }
  }

  match(entry: ListEntry): SimDeviceVO | undefined {
    return this.byKey.get(key(entry.kind, entry.text));
  }

  resolve(entries: readonly ListEntry[]): ResolvedList {
    const out: ResolvedList = { found: [], unknown: [], sameCard: [] };
    const seen = new Set<string>();
    for (const entry of entries) {
      const card = this.match(entry);
      if (!card) out.unknown.push(entry);
      else if (seen.has(card.sim_card_id)) out.sameCard.push(entry);
      else {
        seen.add(card.sim_card_id);
        out.found.push({ entry, card });
      }
    }
    return out;
  }
}
