/**
 * The fleet, held compactly enough for a million cards.
 *
 * A card is never stored whole unless a request changed it: any card can be generated again
 * from (seed, index) in microseconds (generator.ts), so the store keeps only typed-array
 * columns of what lists filter, count and sort on (status, carrier status, type, plan, usage,
 * dates, initial tags, pool, a cid order key), about 30 bytes a card, and an overlay map of
 * the cards a request changed (`edit`), which from then on are the truth for their index.
 *
 * What keeps a list page's cost independent of the fleet's size:
 * - per-status index arrays (Int32Array): a status group's page is a slice of one, its
 *   count is its length;
 * - sorted views (Int32Array of indexes), built once per sort key on first use and kept until
 *   a card's value for that key changes; per-status sorted views are filtered from them;
 * - a page then generates only its own cards. `work` counts the cards generated or read and
 *   the rows a filter scan examined, so tests can prove a page touches only its cards.
 * Filters on other fields scan (O(n), cheap column tests first, cards generated only for the
 * fields no column holds) and keep the matching indexes until anything changes, so the next
 * page of the same filter is a slice again. Encoded pages are cached within a byte budget.
 */
import type { CmAttributeVO, CmTagVO, SimStatus, SortKey, SortOrder } from '../gsl/models';
import { SIM_STATUSES } from '../gsl/models';
import { ATTRIBUTE_SLOT_NAMES_CN, INITIAL_ATTRIBUTES, INITIAL_TAGS, PLANS } from './catalog';
import type { Batch, Card, PoolSeed } from './generator';
import { batchesFor, cidOrderKey, generateCard, indexOfCardId, indexOfContainer, poolsFor } from './generator';
import { isoTime, monthOf, startOfDay } from './dates';
import { PLANTING, dataDays, monthUsage } from './usage';
import type { UsageKind } from './usage';

/** One row while a filter scans: its index, and its card generated only if a test needs it. */
export class RowCursor {
  index = 0;
  private cached: Card | undefined;
  constructor(private readonly store: FleetStore) {}
  at(index: number): this {
    this.index = index;
    this.cached = undefined;
    return this;
  }
  card(): Card {
    return (this.cached ??= this.store.card(this.index));
  }
}

/** A filter condition. `cheap` ones read columns only and run first. */
export interface RowTest {
  cheap: boolean;
  test: (row: RowCursor) => boolean;
}

export interface CardFilter {
  status?: SimStatus;
  sort?: SortKey;
  order?: SortOrder;
  /** Further conditions; absent or empty means "status (and sort) only", served straight from a view. */
  tests?: RowTest[];
  /** Identifies the conditions, so their matches are kept for the next page. */
  key?: string;
}

export interface Tag {
  id: string;
  tag_name: string;
  cards: number;
}

export interface Attribute {
  id: string;
  slot: number;
  cust_attr_name: string;
  status: 0 | 1;
  create_time: number;
  modify_time: number;
}

/** What answering requests cost the store, for tests of how work scales. */
export interface StoreWork {
  /** Cards generated or read from the overlay. */
  materialized: number;
  /** Rows a filter scan examined. */
  rowsExamined: number;
  /** Sorted views built. */
  sortedViews: number;
}

export interface FleetOptions {
  seed: number;
  size: number;
  /** The generation time; the fleet's data is as of the day before. */
  nowMs: number;
  /** The byte budget of encoded list pages kept for repeated queries; default 32 MB. */
  pageCacheBytes?: number;
}

const KIND_CODES: readonly UsageKind[] = ['idle', 'ordinary', 'runner', 'over', 'silent', 'spike'];
const EXPIRY_BIT = 0x80;
const PLAN_INDEX = new Map(PLANS.map((p, i) => [p.price_plan_id, i]));
/** The starting tags as bits of a Uint16 column; tags created later live on edited cards only. */
const INITIAL_TAG_BIT = new Map(INITIAL_TAGS.map((t, i) => [t.id, 1 << i]));
const STATUS_SLOT = new Map<number, number>(SIM_STATUSES.map((s, i) => [s, i]));
export const DEFAULT_PAGE_CACHE_BYTES = 32 * 1024 * 1024;
const MATCH_CACHE_ENTRIES = 16;
const ID_FIELDS = /"(sim_card_id|sim_pool_id|order_id|sim_price_plan_id)":"(-?\d+)"/g;

export class FleetStore {
  readonly seed: number;
  readonly size: number;
  /** Start of the generation day (UTC). */
  readonly today: number;
  readonly batches: Batch[];
  readonly pools: PoolSeed[];
  readonly tags = new Map<string, Tag>();
  readonly attributes: Attribute[] = [];
  readonly work: StoreWork = { materialized: 0, rowsExamined: 0, sortedViews: 0 };

  // ---- columns (one entry per card) ----
  private readonly status: Uint8Array;
  private readonly operator: Int8Array;
  private readonly simType: Uint8Array;
  private readonly plan: Uint8Array;
  /** Hundredths of a MB used this month. */
  private readonly used: Int32Array;
  /** Epoch ms; -Infinity when there is none (sorts first, as a missing date does). */
  private readonly act: Float64Array;
  private readonly expire: Float64Array;
  private readonly tagMask: Uint16Array;
  /** Index into `pools`, or -1. */
  private readonly pool: Int8Array;
  private readonly cidKey: Float64Array;
  /** Usage kind code, plus EXPIRY_BIT for planted expiry. */
  private readonly planted: Uint8Array;
  private readonly batchStarts: Int32Array;

  /** Cards a request changed; from then on they are the truth for their index. */
  private readonly overlay = new Map<number, Card>();
  private byStatus: Int32Array[] | undefined;
  private identity: Int32Array | undefined;
  private readonly sorted = new Map<string, { version: number; rows: Int32Array }>();
  private readonly sortedByStatus = new Map<string, { version: number; statusVersion: number; rows: Int32Array }>();
  private readonly keyVersion: Record<SortKey, number> = { cid: 0, flow_used: 0, flow_left: 0, act_date: 0, expire_time: 0 };
  private statusVersion = 0;
  /** Bumped by every change to any card; cached pages and matches older than it are rebuilt. */
  private revision = 0;
  private readonly pages = new Map<string, { revision: number; body: Buffer }>();
  private pageBytes = 0;
  private readonly pageCacheBytes: number;
  private readonly matches = new Map<string, { revision: number; rows: Int32Array }>();
  private readonly poolRows = new Map<string, Int32Array>();
  private readonly poolTotals = new Map<string, number>();
  private readonly poolMonthUsed = new Map<string, number>();
  private nextTagId = 7200000000000001n;
  private nextAttributeId = 6200000000000101n;

  constructor(opts: FleetOptions) {
    const { seed, size, nowMs } = opts;
    this.pageCacheBytes = opts.pageCacheBytes ?? DEFAULT_PAGE_CACHE_BYTES;
    this.seed = seed;
    this.size = size;
    this.today = startOfDay(nowMs);
    this.batches = batchesFor(size);
    this.pools = poolsFor();
    this.batchStarts = Int32Array.from(this.batches.map((b) => b.from));
    this.status = new Uint8Array(size);
    this.operator = new Int8Array(size);
    this.simType = new Uint8Array(size);
    this.plan = new Uint8Array(size);
    this.used = new Int32Array(size);
    this.act = new Float64Array(size);
    this.expire = new Float64Array(size);
    this.tagMask = new Uint16Array(size);
    this.pool = new Int8Array(size);
    this.cidKey = new Float64Array(size);
    this.planted = new Uint8Array(size);
    for (const t of INITIAL_TAGS) this.tags.set(t.id, { ...t, cards: 0 });
    const tagCounts = new Int32Array(INITIAL_TAGS.length);
    const poolIndex = new Map(this.pools.map((p, i) => [p.id, i]));
    for (let i = 0; i < size; i++) {
      const c = generateCard(seed, i, this.batches[this.batchAt(i)], this.pools, this.today);
      this.status[i] = c.vo.sim_status;
      this.operator[i] = c.vo.operator_status ?? -1;
      this.simType[i] = c.vo.sim_type;
      this.plan[i] = PLAN_INDEX.get(c.planId)!;
      this.used[i] = Math.round((c.vo.flow_used ?? 0) * 100);
      this.act[i] = c.vo.act_date ? Date.parse(c.vo.act_date) : -Infinity;
      this.expire[i] = c.vo.expire_time ? Date.parse(c.vo.expire_time) : -Infinity;
      let mask = 0;
      for (const id of c.tagIds) mask |= INITIAL_TAG_BIT.get(id)!;
      this.tagMask[i] = mask;
      for (let b = 0; b < INITIAL_TAGS.length; b++) if (mask & (1 << b)) tagCounts[b]++;
      this.pool[i] = c.vo.sim_pool_id ? poolIndex.get(c.vo.sim_pool_id)! : -1;
      this.cidKey[i] = cidOrderKey(c);
      this.planted[i] = KIND_CODES.indexOf(c.usage.kind) | (c.plantedExpiry ? EXPIRY_BIT : 0);
    }
    INITIAL_TAGS.forEach((t, b) => (this.tags.get(t.id)!.cards = tagCounts[b]));
    INITIAL_ATTRIBUTES.forEach((a, i) => this.attributes.push({ ...a, slot: i + 1, create_time: nowMs - 90 * 86_400_000, modify_time: nowMs - 30 * 86_400_000 }));
    this.planPoolTotals();
  }

  // ---- cards ----

  private batchAt(index: number): number {
    let lo = 0;
    let hi = this.batchStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.batchStarts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The card at `index`: the edited one if a request changed it, else generated afresh (not kept). */
  card(index: number): Card {
    this.work.materialized++;
    const edited = this.overlay.get(index);
    if (edited) return edited;
    const c = generateCard(this.seed, index, this.batches[this.batchAt(index)], this.pools, this.today);
    // Starting tags deleted since generation are gone from the card too.
    const mask = this.tagMask[index];
    if (c.tagIds.some((id) => !(mask & INITIAL_TAG_BIT.get(id)!))) c.tagIds = c.tagIds.filter((id) => mask & INITIAL_TAG_BIT.get(id)!);
    c.vo.tag_names = this.tagNames(c.tagIds);
    return c;
  }

  /** Every card, generated: O(n), for tests and small fleets. */
  allCards(): Card[] {
    const out: Card[] = new Array(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.card(i);
    return out;
  }

  byCardId(id: string): Card | undefined {
    const i = indexOfCardId(id);
    return i !== undefined && i < this.size ? this.card(i) : undefined;
  }

  byCardIccid(iccid: string): Card | undefined {
    const i = indexOfContainer(iccid);
    if (i === undefined || i >= this.size) return undefined;
    const c = this.card(i);
    return c.vo.iccid === iccid ? c : undefined;
  }

  /** By ICCID or container id (EID, vSIM CID). */
  byCid(cid: string): Card | undefined {
    const i = indexOfContainer(cid);
    if (i === undefined || i >= this.size) return undefined;
    const c = this.card(i);
    return c.vo.iccid === cid || c.vo.cid === cid ? c : undefined;
  }

  /**
   * The card a request is about to change, kept from now on. Call before changing a card (or
   * capturing it for a work order), so every change lands on the one kept object.
   */
  edit(card: Card): Card {
    const kept = this.overlay.get(card.index);
    if (kept) return kept;
    this.overlay.set(card.index, card);
    return card;
  }

  /** Call after any change to an edited card's record: the columns follow it. */
  touch(card: Card): void {
    const c = this.edit(card);
    const i = c.index;
    const status = c.vo.sim_status;
    if (this.status[i] !== status) {
      this.status[i] = status;
      this.statusVersion++;
      this.byStatus = undefined;
    }
    this.operator[i] = c.vo.operator_status ?? -1;
    const act = c.vo.act_date ? Date.parse(c.vo.act_date) : -Infinity;
    if (this.act[i] !== act) {
      this.act[i] = act;
      this.keyVersion.act_date++;
    }
    const expire = c.vo.expire_time ? Date.parse(c.vo.expire_time) : -Infinity;
    if (this.expire[i] !== expire) {
      this.expire[i] = expire;
      this.keyVersion.expire_time++;
    }
    this.revision++;
  }

  /** Call when cards changed in ways `touch` did not see: every cached page and match is rebuilt. */
  invalidate(): void {
    this.revision++;
  }

  /** A card's wire JSON, with ids written as exact integers (as `stringifyJson` would). */
  cardJson(card: Card): string {
    return JSON.stringify(card.vo).replace(ID_FIELDS, '"$1":$2');
  }

  /**
   * An encoded list page, cached by its query until any card changes. A whole-fleet scan
   * asks for the same pages again and again; answering from here keeps the simulator far
   * from being the bottleneck of the client it serves. The cache holds at most
   * `pageCacheBytes` (32 MB unless told otherwise), so it costs the same at any fleet size.
   */
  cachedPage(key: string, build: () => string): Buffer {
    const hit = this.pages.get(key);
    if (hit && hit.revision === this.revision) return hit.body;
    if (hit) {
      this.pages.delete(key);
      this.pageBytes -= hit.body.length;
    }
    const body = Buffer.from(build(), 'utf8');
    // Oldest first out (a Map keeps insertion order).
    for (const [k, v] of this.pages) {
      if (this.pageBytes + body.length <= this.pageCacheBytes) break;
      this.pages.delete(k);
      this.pageBytes -= v.body.length;
    }
    if (body.length <= this.pageCacheBytes) {
      this.pages.set(key, { revision: this.revision, body });
      this.pageBytes += body.length;
    }
    return body;
  }

  // ---- column reads, for filters ----

  statusOf(i: number): SimStatus {
    return this.status[i] as SimStatus;
  }
  operatorStatusOf(i: number): number {
    return this.operator[i];
  }
  simTypeOf(i: number): number {
    return this.simType[i];
  }
  planIdOf(i: number): string {
    return PLANS[this.plan[i]].price_plan_id;
  }
  usedMbOf(i: number): number {
    return this.used[i] / 100;
  }
  leftMbOf(i: number): number {
    return (PLANS[this.plan[i]].flow_total * 100 - this.used[i]) / 100;
  }
  expireOf(i: number): number {
    return this.expire[i];
  }
  orderIdOf(i: number): string {
    return this.batches[this.batchAt(i)].order_id;
  }
  /** Whether the card carries any of the tags. */
  hasAnyTag(i: number, tagIds: ReadonlySet<string>): boolean {
    const edited = this.overlay.get(i);
    if (edited) return edited.tagIds.some((t) => tagIds.has(t));
    const mask = this.tagMask[i];
    for (const id of tagIds) {
      const bit = INITIAL_TAG_BIT.get(id);
      if (bit && mask & bit) return true;
    }
    return false;
  }
  /** The usage kind planted at generation, and whether an early expiry was planted. */
  plantedOf(i: number): { kind: UsageKind; expiry: boolean } {
    return { kind: KIND_CODES[this.planted[i] & ~EXPIRY_BIT], expiry: (this.planted[i] & EXPIRY_BIT) !== 0 };
  }
  isEdited(i: number): boolean {
    return this.overlay.has(i);
  }

  // ---- views ----

  /** How many cards have the status: O(1) once the status index is built. */
  statusCount(status: SimStatus): number {
    return this.statusRows(status).length;
  }

  private statusRows(status: SimStatus): Int32Array {
    if (!this.byStatus) {
      const counts = new Int32Array(SIM_STATUSES.length);
      for (let i = 0; i < this.size; i++) counts[STATUS_SLOT.get(this.status[i])!]++;
      const lists = Array.from(counts, (n) => new Int32Array(n));
      counts.fill(0);
      for (let i = 0; i < this.size; i++) {
        const s = STATUS_SLOT.get(this.status[i])!;
        lists[s][counts[s]++] = i;
      }
      this.byStatus = lists;
    }
    return this.byStatus[STATUS_SLOT.get(status)!];
  }

  private sortKey(sort: SortKey): (i: number) => number {
    switch (sort) {
      case 'cid':
        return (i) => this.cidKey[i];
      case 'flow_used':
        return (i) => this.used[i];
      case 'flow_left':
        return (i) => PLANS[this.plan[i]].flow_total * 100 - this.used[i];
      case 'act_date':
        return (i) => this.act[i];
      case 'expire_time':
        return (i) => this.expire[i];
    }
  }

  /** All cards in the sort order; ties keep generation order. Built once per key and order. */
  private sortedAll(sort: SortKey, order: SortOrder): Int32Array {
    const name = `${sort}|${order}`;
    const hit = this.sorted.get(name);
    if (hit && hit.version === this.keyVersion[sort]) return hit.rows;
    this.work.sortedViews++;
    const keyOf = this.sortKey(sort);
    const keys = new Float64Array(this.size);
    for (let i = 0; i < this.size; i++) keys[i] = keyOf(i);
    const sign = order === 'desc' ? -1 : 1;
    const rows = new Int32Array(this.size);
    for (let i = 0; i < this.size; i++) rows[i] = i;
    rows.sort((a, b) => (keys[a] === keys[b] ? a - b : keys[a] < keys[b] ? -sign : sign));
    this.sorted.set(name, { version: this.keyVersion[sort], rows });
    return rows;
  }

  /** The indexes of the cards with the status (or all), in the sort order. */
  viewRows(status: SimStatus | undefined, sort: SortKey | undefined, order: SortOrder = 'asc'): Int32Array {
    if (!sort) {
      if (status !== undefined) return this.statusRows(status);
      if (!this.identity) {
        this.identity = new Int32Array(this.size);
        for (let i = 0; i < this.size; i++) this.identity[i] = i;
      }
      return this.identity;
    }
    const all = this.sortedAll(sort, order);
    if (status === undefined) return all;
    const name = `${status}|${sort}|${order}`;
    const hit = this.sortedByStatus.get(name);
    if (hit && hit.version === this.keyVersion[sort] && hit.statusVersion === this.statusVersion) return hit.rows;
    const rows = new Int32Array(this.statusRows(status).length);
    let n = 0;
    for (let k = 0; k < all.length; k++) if (this.status[all[k]] === status) rows[n++] = all[k];
    this.sortedByStatus.set(name, { version: this.keyVersion[sort], statusVersion: this.statusVersion, rows });
    return rows;
  }

  /** One page of the filtered, sorted list; `offset` is the 1-based page number. */
  query(filter: CardFilter, limit: number, offset: number): { count: number; cards: Card[] } {
    let rows = this.viewRows(filter.status, filter.sort, filter.order);
    if (filter.tests && filter.tests.length > 0) rows = this.matching(rows, filter);
    const start = Math.min(rows.length, (offset - 1) * limit);
    const page = rows.subarray(start, Math.min(rows.length, start + limit));
    const cards: Card[] = new Array(page.length);
    for (let k = 0; k < page.length; k++) cards[k] = this.card(page[k]);
    return { count: rows.length, cards };
  }

  private matching(base: Int32Array, filter: CardFilter): Int32Array {
    const key = `${filter.status ?? '*'}|${filter.sort ?? ''}|${filter.order ?? ''}|${filter.key ?? ''}`;
    const hit = filter.key !== undefined ? this.matches.get(key) : undefined;
    if (hit && hit.revision === this.revision) return hit.rows;
    const tests = [...filter.tests!].sort((a, b) => Number(b.cheap) - Number(a.cheap));
    const row = new RowCursor(this);
    const out = new Int32Array(base.length);
    let n = 0;
    for (let k = 0; k < base.length; k++) {
      row.at(base[k]);
      let pass = true;
      for (const t of tests) {
        if (!t.test(row)) {
          pass = false;
          break;
        }
      }
      if (pass) out[n++] = base[k];
    }
    this.work.rowsExamined += base.length;
    const rows = out.slice(0, n);
    if (filter.key !== undefined) {
      if (this.matches.size >= MATCH_CACHE_ENTRIES) this.matches.delete(this.matches.keys().next().value!);
      this.matches.set(key, { revision: this.revision, rows });
    }
    return rows;
  }

  // ---- pools ----

  /** Member indexes of a pool, in generation order. */
  poolMembers(poolId: string): Int32Array {
    let rows = this.poolRows.get(poolId);
    if (!rows) {
      const p = this.pools.findIndex((x) => x.id === poolId);
      let n = 0;
      for (let i = 0; i < this.size; i++) if (this.pool[i] === p) n++;
      rows = new Int32Array(n);
      n = 0;
      for (let i = 0; i < this.size; i++) if (this.pool[i] === p) rows[n++] = i;
      this.poolRows.set(poolId, rows);
    }
    return rows;
  }

  /** A forward pool's total for the current cycle, MB. */
  poolTotal(poolId: string): number {
    return this.poolTotals.get(poolId) ?? 0;
  }

  /** MB the pool's members used in a month; this month's from the usage column, earlier ones generated once. */
  poolUsed(poolId: string, month: number): number {
    const members = this.poolMembers(poolId);
    if (month === monthOf(this.today)) {
      let h = 0;
      for (let k = 0; k < members.length; k++) h += this.used[members[k]];
      return h / 100;
    }
    const name = `${poolId}|${month}`;
    let mb = this.poolMonthUsed.get(name);
    if (mb === undefined) {
      let h = 0;
      for (let k = 0; k < members.length; k++) h += Math.round((monthUsage(this.card(members[k]), month) ?? 0) * 100);
      mb = h / 100;
      this.poolMonthUsed.set(name, mb);
    }
    return mb;
  }

  /**
   * A pool's total is its plan's allowance for each member; the pool planted at risk gets a
   * total its members' pace this month overruns by PLANTING.poolRiskFactor (when the month has
   * enough days for a pace to mean anything).
   */
  private planPoolTotals(): void {
    const { count: n, daysInMonth: dim } = dataDays(this.today);
    for (const p of this.pools) {
      if (p.kind !== 'forward') continue;
      const members = this.poolMembers(p.id).length;
      let total = p.plan.flow_total * members;
      if (p.atRisk && n >= PLANTING.minForecastDays) {
        const projected = (this.poolUsed(p.id, monthOf(this.today)) * dim) / n;
        total = Math.max(1, Math.round(projected / PLANTING.poolRiskFactor));
      }
      this.poolTotals.set(p.id, total);
    }
  }

  // ---- tags ----

  tagNames(ids: readonly string[]): string | null {
    if (ids.length === 0) return null;
    return ids.map((id) => this.tags.get(id)?.tag_name ?? '').filter(Boolean).join(',');
  }

  tagVo(t: Tag): CmTagVO {
    return { id: t.id, tag_name: t.tag_name, status: t.cards > 0 ? 1 : 0 };
  }

  createTag(name: string): Tag {
    const tag = { id: (this.nextTagId++).toString(), tag_name: name, cards: 0 };
    this.tags.set(tag.id, tag);
    return tag;
  }

  deleteTag(id: string): void {
    this.tags.delete(id);
    const bit = INITIAL_TAG_BIT.get(id);
    if (bit) for (let i = 0; i < this.size; i++) this.tagMask[i] &= ~bit;
    for (const c of this.overlay.values()) {
      if (c.tagIds.includes(id)) {
        c.tagIds = c.tagIds.filter((t) => t !== id);
        c.vo.tag_names = this.tagNames(c.tagIds);
        this.touch(c);
      }
    }
    this.revision++;
  }

  setCardTags(card: Card, tagIds: string[]): void {
    const c = this.edit(card);
    for (const id of c.tagIds) {
      const t = this.tags.get(id);
      if (t) t.cards--;
    }
    c.tagIds = [...tagIds];
    for (const id of tagIds) this.tags.get(id)!.cards++;
    c.vo.tag_names = this.tagNames(tagIds);
    this.touch(c);
  }

  // ---- custom attributes ----

  attributeVo(a: Attribute): CmAttributeVO {
    return {
      id: a.id,
      default_attr_name_cn: ATTRIBUTE_SLOT_NAMES_CN[a.slot - 1],
      default_attr_name_en: `Custom attribute ${a.slot}`,
      cust_attr_name: a.cust_attr_name,
      status: a.status,
      create_time: isoTime(a.create_time),
      modify_time: isoTime(a.modify_time),
    };
  }

  createAttribute(name: string, nowMs: number): Attribute {
    const a: Attribute = { id: (this.nextAttributeId++).toString(), slot: this.attributes.length + 1, cust_attr_name: name, status: 1, create_time: nowMs, modify_time: nowMs };
    this.attributes.push(a);
    return a;
  }
}
