/**
 * A compact daily snapshot of the fleet: per card its id, label (ICCID or container id, so a
 * "what changed" list can name cards without fetching them), status, carrier status, flow
 * used, data left, plan, expiry, tags and reasons for attention. Format only: where snapshots
 * are kept, and for how long, is the host's business.
 *
 * - `SnapshotBuilder`: `add(card)` per ListSimCards record (in scan order), `setReasons(row, mask)`,
 *   `finish()` → `FleetSnapshot`. About 50 bytes a card, in typed arrays (no object per card).
 * - `FleetSnapshot`: columns, `card(row)`, `id(row)`, `label(row)`, `findRow(id)`.
 * - `encodeSnapshot(s)` → Buffer; `decodeSnapshot(buf)` → FleetSnapshot. Layout: "SFS1", a
 *   JSON header (time, size, the plan and tag dictionaries), then the columns deflated. Numeric
 *   columns are stored byte plane by byte plane (all first bytes, then all second bytes…), and
 *   ids as differences from the previous id, which is what lets deflate find the repetition:
 *   100,000 cards take well under 2 MB.
 *
 * Precision: flows are kept in hundredths of a MB (the API's two decimals), expiry to the
 * second. Ids are exact (64-bit).
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { SimDeviceVO, SimStatus } from '../../gsl/models';
import { cardLabel } from '../cardText';
import { DAY_MS, dayStart, parseDateTime } from './days';
import type { CardReason } from './settings';
import { reasonsOf } from './settings';

/** A card as a snapshot remembers it. */
export interface SnapshotCard {
  sim_card_id: string;
  label: string;
  sim_status: SimStatus;
  operator_status: number | null;
  flow_used: number | null;
  flow_left: number | null;
  price_plan_name: string | null;
  /** Epoch ms. */
  expire_time: number | null;
  tag_names: string | null;
  reasons: CardReason[];
}

const NO_FLOW = -2147483648;
const NO_OPERATOR = -128;
const MAGIC = 'SFS1';

export interface SnapshotColumns {
  ids: BigUint64Array;
  status: Uint8Array;
  operatorStatus: Int8Array;
  /** Hundredths of a MB; NO_FLOW when missing. */
  flowUsed: Int32Array;
  flowLeft: Int32Array;
  /** Epoch seconds; 0 when missing. */
  expire: Uint32Array;
  /** Index into `plans` (0 = none). */
  plan: Uint16Array;
  /** Index into `tagSets` (0 = none). */
  tags: Uint32Array;
  reasons: Uint8Array;
  /** UTF-8 labels, one after another; `labelEnds[row]` is where a row's ends. */
  labelBytes: Uint8Array;
  labelEnds: Uint32Array;
}

export class FleetSnapshot {
  private sortedIds: BigUint64Array | undefined;
  private rowOfSorted: Uint32Array | undefined;

  constructor(
    /** When the fleet was read (epoch ms). */
    readonly takenAt: number,
    readonly size: number,
    readonly columns: SnapshotColumns,
    readonly plans: readonly string[],
    readonly tagSets: readonly string[],
  ) {}

  /** The day the data is "as of": `flow_used` counts up to 24:00 of the day before the snapshot. */
  get asOfDay(): number {
    return dayStart(this.takenAt) - DAY_MS;
  }

  id(row: number): string {
    return this.columns.ids[row].toString();
  }

  label(row: number): string {
    const c = this.columns;
    return TEXT.decode(c.labelBytes.subarray(row === 0 ? 0 : c.labelEnds[row - 1], c.labelEnds[row]));
  }

  flowUsedMb(row: number): number | null {
    const v = this.columns.flowUsed[row];
    return v === NO_FLOW ? null : v / 100;
  }

  flowLeftMb(row: number): number | null {
    const v = this.columns.flowLeft[row];
    return v === NO_FLOW ? null : v / 100;
  }

  card(row: number): SnapshotCard {
    const c = this.columns;
    const op = c.operatorStatus[row];
    return {
      sim_card_id: this.id(row),
      label: this.label(row),
      sim_status: c.status[row] as SimStatus,
      operator_status: op === NO_OPERATOR ? null : op,
      flow_used: this.flowUsedMb(row),
      flow_left: this.flowLeftMb(row),
      price_plan_name: c.plan[row] === 0 ? null : this.plans[c.plan[row]],
      expire_time: c.expire[row] === 0 ? null : c.expire[row] * 1000,
      tag_names: c.tags[row] === 0 ? null : this.tagSets[c.tags[row]],
      reasons: reasonsOf(c.reasons[row]),
    };
  }

  /** The row of a card id, or -1. Binary search over the ids sorted once (native sort, no callbacks). */
  findRow(id: string | bigint): number {
    if (!this.sortedIds) {
      this.sortedIds = this.columns.ids.slice().sort();
      this.rowOfSorted = new Uint32Array(this.size);
      for (let row = 0; row < this.size; row++) this.rowOfSorted[search(this.sortedIds, this.columns.ids[row])] = row;
    }
    let key: bigint;
    try {
      key = typeof id === 'bigint' ? id : BigInt(id);
    } catch {
      return -1;
    }
    const k = search(this.sortedIds, key);
    return k >= 0 ? this.rowOfSorted![k] : -1;
  }
}

function search(sorted: BigUint64Array, key: bigint): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid];
    if (v === key) return mid;
    if (v < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const TEXT = new TextDecoder();
const UTF8 = new TextEncoder();
const ID = /^\d{1,20}$/;
const U64_MAX = (1n << 64n) - 1n;

/** Grows typed arrays by doubling while cards are added. */
export class SnapshotBuilder {
  private n = 0;
  private cap: number;
  private c: SnapshotColumns;
  private labelLength = 0;
  private readonly planIndex = new Map<string, number>([['', 0]]);
  private readonly tagIndex = new Map<string, number>([['', 0]]);

  constructor(capacity = 1024) {
    this.cap = Math.max(16, capacity);
    this.c = {
      ids: new BigUint64Array(this.cap),
      status: new Uint8Array(this.cap),
      operatorStatus: new Int8Array(this.cap),
      flowUsed: new Int32Array(this.cap),
      flowLeft: new Int32Array(this.cap),
      expire: new Uint32Array(this.cap),
      plan: new Uint16Array(this.cap),
      tags: new Uint32Array(this.cap),
      reasons: new Uint8Array(this.cap),
      labelBytes: new Uint8Array(this.cap * 24),
      labelEnds: new Uint32Array(this.cap),
    };
  }

  get size(): number {
    return this.n;
  }

  /** Makes room for `count` cards at once, when the fleet's size is known: no growing, no waste. */
  reserve(count: number): void {
    if (count <= this.cap) return;
    this.resize(count);
    // Labels are ICCIDs or container ids, about 20 bytes.
    if (this.c.labelBytes.length < count * 20) {
      const labels = new Uint8Array(count * 21);
      labels.set(this.c.labelBytes.subarray(0, this.labelLength));
      this.c.labelBytes = labels;
    }
  }

  /** Adds a card from the list; returns its row. */
  add(card: SimDeviceVO): number {
    if (this.n === this.cap) this.grow();
    const row = this.n++;
    const c = this.c;
    const id = String(card.sim_card_id);
    const big = ID.test(id) ? BigInt(id) : 0n;
    c.ids[row] = big <= U64_MAX ? big : 0n;
    c.status[row] = card.sim_status ?? 0;
    const op = card.operator_status;
    c.operatorStatus[row] = typeof op === 'number' && op >= -127 && op <= 127 ? op : NO_OPERATOR;
    c.flowUsed[row] = hundredths(card.flow_used);
    c.flowLeft[row] = hundredths(card.flow_left);
    const expire = parseDateTime(card.expire_time);
    c.expire[row] = expire === undefined || expire < 0 ? 0 : Math.min(0xffffffff, Math.floor(expire / 1000));
    c.plan[row] = this.index(this.planIndex, card.price_plan_name, 0xffff);
    c.tags[row] = this.index(this.tagIndex, card.tag_names, 0xffffffff);
    c.reasons[row] = 0;
    const label = UTF8.encode(cardLabel(card)).subarray(0, 255);
    while (this.labelLength + label.length > c.labelBytes.length) {
      const bigger = new Uint8Array(c.labelBytes.length * 2);
      bigger.set(c.labelBytes);
      c.labelBytes = bigger;
    }
    c.labelBytes.set(label, this.labelLength);
    this.labelLength += label.length;
    c.labelEnds[row] = this.labelLength;
    return row;
  }

  setReasons(row: number, mask: number): void {
    this.c.reasons[row] = mask;
  }

  reasons(row: number): number {
    return this.c.reasons[row];
  }

  status(row: number): number {
    return this.c.status[row];
  }

  id(row: number): string {
    return this.c.ids[row].toString();
  }

  flowUsedMb(row: number): number | null {
    const v = this.c.flowUsed[row];
    return v === NO_FLOW ? null : v / 100;
  }

  flowLeftMb(row: number): number | null {
    const v = this.c.flowLeft[row];
    return v === NO_FLOW ? null : v / 100;
  }

  label(row: number): string {
    const c = this.c;
    return TEXT.decode(c.labelBytes.subarray(row === 0 ? 0 : c.labelEnds[row - 1], c.labelEnds[row]));
  }

  finish(takenAt: number): FleetSnapshot {
    const n = this.n;
    const c = this.c;
    // Full columns are taken as they are; others are copied to size, so no slack is kept.
    const fit = <T extends { length: number; slice(a: number, b: number): T }>(a: T, length: number): T => (a.length === length ? a : a.slice(0, length));
    const cols: SnapshotColumns = {
      ids: fit(c.ids, n),
      status: fit(c.status, n),
      operatorStatus: fit(c.operatorStatus, n),
      flowUsed: fit(c.flowUsed, n),
      flowLeft: fit(c.flowLeft, n),
      expire: fit(c.expire, n),
      plan: fit(c.plan, n),
      tags: fit(c.tags, n),
      reasons: fit(c.reasons, n),
      labelBytes: fit(c.labelBytes, this.labelLength),
      labelEnds: fit(c.labelEnds, n),
    };
    return new FleetSnapshot(takenAt, n, cols, dictionary(this.planIndex), dictionary(this.tagIndex));
  }

  private index(map: Map<string, number>, value: string | null | undefined, max: number): number {
    if (!value) return 0;
    let i = map.get(value);
    if (i === undefined) {
      // A fleet with more distinct values than the column holds keeps the rest as "none".
      if (map.size > max) return 0;
      i = map.size;
      map.set(value, i);
    }
    return i;
  }

  private grow(): void {
    this.resize(this.cap * 2);
  }

  private resize(capacity: number): void {
    this.cap = capacity;
    const c = this.c;
    this.c = {
      ids: grown(c.ids, new BigUint64Array(this.cap)),
      status: grown(c.status, new Uint8Array(this.cap)),
      operatorStatus: grown(c.operatorStatus, new Int8Array(this.cap)),
      flowUsed: grown(c.flowUsed, new Int32Array(this.cap)),
      flowLeft: grown(c.flowLeft, new Int32Array(this.cap)),
      expire: grown(c.expire, new Uint32Array(this.cap)),
      plan: grown(c.plan, new Uint16Array(this.cap)),
      tags: grown(c.tags, new Uint32Array(this.cap)),
      reasons: grown(c.reasons, new Uint8Array(this.cap)),
      labelBytes: c.labelBytes,
      labelEnds: grown(c.labelEnds, new Uint32Array(this.cap)),
    };
  }
}

function grown<T extends { set(a: T): void }>(from: T, to: T): T {
  to.set(from);
  return to;
}

function hundredths(v: number | null | undefined): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return NO_FLOW;
  return Math.max(NO_FLOW + 1, Math.min(2147483647, Math.round(v * 100)));
}

function dictionary(map: Map<string, number>): string[] {
  const out: string[] = new Array(map.size);
  for (const [k, i] of map) out[i] = k;
  return out;
}

// ---- encoding ----

interface Header {
  v: 1;
  takenAt: number;
  size: number;
  labelBytes: number;
  plans: string[];
  tagSets: string[];
}

/** The bytes of a numeric column, plane by plane. */
function planes(bytes: Uint8Array, width: number): Uint8Array {
  if (width === 1) return bytes;
  const n = bytes.length / width;
  const out = new Uint8Array(bytes.length);
  for (let b = 0; b < width; b++) for (let i = 0; i < n; i++) out[b * n + i] = bytes[i * width + b];
  return out;
}

function unplanes(bytes: Uint8Array, width: number): Uint8Array {
  if (width === 1) return bytes.slice();
  const n = bytes.length / width;
  const out = new Uint8Array(bytes.length);
  for (let b = 0; b < width; b++) for (let i = 0; i < n; i++) out[i * width + b] = bytes[b * n + i];
  return out;
}

const asBytes = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

export function encodeSnapshot(s: FleetSnapshot): Buffer {
  const c = s.columns;
  const n = s.size;
  // Ids as differences from the previous id (mod 2^64): a fleet's ids are often close together.
  const deltas = new BigUint64Array(n);
  let prev = 0n;
  for (let i = 0; i < n; i++) {
    deltas[i] = (c.ids[i] - prev) & U64_MAX;
    prev = c.ids[i];
  }
  const labelLengths = new Uint8Array(n);
  for (let i = 0; i < n; i++) labelLengths[i] = c.labelEnds[i] - (i === 0 ? 0 : c.labelEnds[i - 1]);
  const parts = [
    planes(asBytes(deltas), 8),
    c.status,
    asBytes(c.operatorStatus),
    planes(asBytes(c.flowUsed), 4),
    planes(asBytes(c.flowLeft), 4),
    planes(asBytes(c.expire), 4),
    planes(asBytes(c.plan), 2),
    planes(asBytes(c.tags), 4),
    c.reasons,
    labelLengths,
    c.labelBytes,
  ];
  const payload = deflateRawSync(Buffer.concat(parts), { level: 6 });
  const header: Header = { v: 1, takenAt: s.takenAt, size: n, labelBytes: c.labelBytes.length, plans: [...s.plans], tagSets: [...s.tagSets] };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(8);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(head.length, 4);
  return Buffer.concat([prefix, head, payload]);
}

/** How many bytes of a snapshot file hold its header: the 8-byte prefix says, once read. */
export const SNAPSHOT_PREFIX_BYTES = 8;

/**
 * A snapshot's time and size from its first bytes (the prefix and the JSON header), without
 * inflating the cards: what a list of snapshots shows. `needed` when `buf` is too short: read that many.
 */
export function snapshotHeader(buf: Uint8Array): { takenAt: number; size: number } | { needed: number } {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length < SNAPSHOT_PREFIX_BYTES || b.toString('latin1', 0, 4) !== MAGIC) throw new Error('Not a SIM Fleet snapshot');
  const end = SNAPSHOT_PREFIX_BYTES + b.readUInt32LE(4);
  if (b.length < end) return { needed: end };
  const header = JSON.parse(b.toString('utf8', SNAPSHOT_PREFIX_BYTES, end)) as Header;
  return { takenAt: header.takenAt, size: header.size };
}

export function decodeSnapshot(buf: Uint8Array): FleetSnapshot {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length < 8 || b.toString('latin1', 0, 4) !== MAGIC) throw new Error('Not a SIM Fleet snapshot');
  const headLength = b.readUInt32LE(4);
  const header = JSON.parse(b.toString('utf8', 8, 8 + headLength)) as Header;
  if (header.v !== 1) throw new Error(`Unsupported snapshot version ${String(header.v)}`);
  const raw = inflateRawSync(b.subarray(8 + headLength));
  const n = header.size;
  let at = 0;
  const take = (bytes: number): Uint8Array => {
    if (at + bytes > raw.length) throw new Error('Snapshot is truncated');
    const part = new Uint8Array(raw.buffer, raw.byteOffset + at, bytes);
    at += bytes;
    return part;
  };
  const deltas = new BigUint64Array(unplanes(take(n * 8), 8).buffer);
  const ids = new BigUint64Array(n);
  let prev = 0n;
  for (let i = 0; i < n; i++) {
    prev = (prev + deltas[i]) & U64_MAX;
    ids[i] = prev;
  }
  const status = take(n).slice();
  const operatorStatus = new Int8Array(take(n).slice().buffer);
  const flowUsed = new Int32Array(unplanes(take(n * 4), 4).buffer);
  const flowLeft = new Int32Array(unplanes(take(n * 4), 4).buffer);
  const expire = new Uint32Array(unplanes(take(n * 4), 4).buffer);
  const plan = new Uint16Array(unplanes(take(n * 2), 2).buffer);
  const tags = new Uint32Array(unplanes(take(n * 4), 4).buffer);
  const reasons = take(n).slice();
  const lengths = take(n);
  const labelBytes = take(header.labelBytes).slice();
  const labelEnds = new Uint32Array(n);
  let end = 0;
  for (let i = 0; i < n; i++) labelEnds[i] = end += lengths[i];
  if (end !== header.labelBytes) throw new Error('Snapshot labels do not add up');
  return new FleetSnapshot(header.takenAt, n, { ids, status, operatorStatus, flowUsed, flowLeft, expire, plan, tags, reasons, labelBytes, labelEnds }, header.plans, header.tagSets);
}
