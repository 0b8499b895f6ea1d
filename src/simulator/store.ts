/**
 * The fleet in memory, with the indexes that keep list queries cheap: cards by id and by
 * ICCID, per-status lists, and sorted views built once per sort key and reused until a card
 * changes in a way that could move it (status or activation date).
 */
import type { CmAttributeVO, CmTagVO, SimStatus, SortKey, SortOrder } from '../gsl/models';
import { ATTRIBUTE_SLOT_NAMES_CN, INITIAL_ATTRIBUTES, INITIAL_TAGS } from './catalog';
import type { Batch, Card, Fleet, PoolSeed } from './generator';
import { isoTime } from './dates';
import { stringifyJson } from '../gsl/json';

export interface CardFilter {
  status?: SimStatus;
  sort?: SortKey;
  order?: SortOrder;
  /** Further conditions; absent means "status (and sort) only", served straight from a view. */
  predicate?: (card: Card) => boolean;
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

const FIELD_COMPARE: Record<SortKey, (a: Card, b: Card) => number> = {
  cid: (a, b) => (a.vo.cid < b.vo.cid ? -1 : a.vo.cid > b.vo.cid ? 1 : 0),
  flow_used: (a, b) => (a.vo.flow_used ?? 0) - (b.vo.flow_used ?? 0),
  flow_left: (a, b) => (a.vo.flow_left ?? 0) - (b.vo.flow_left ?? 0),
  act_date: (a, b) => cmpNullable(a.vo.act_date, b.vo.act_date),
  expire_time: (a, b) => cmpNullable(a.vo.expire_time, b.vo.expire_time),
};

/** Missing dates sort as the smallest value (SQL `NULLS FIRST` on ascending). */
function cmpNullable(a: string | null | undefined, b: string | null | undefined): number {
  if (a === b) return 0;
  if (a == null) return -1;
  if (b == null) return 1;
  return a < b ? -1 : 1;
}

const MAX_CACHED_PAGES = 1024;

export class FleetStore {
  readonly cards: Card[];
  readonly batches: Batch[];
  readonly pools: PoolSeed[];
  private readonly byId = new Map<string, Card>();
  private readonly byIccid = new Map<string, Card>();
  readonly tags = new Map<string, Tag>();
  readonly attributes: Attribute[] = [];
  private version = 0;
  private readonly views = new Map<string, { version: number; cards: Card[] }>();
  /** Bumped by every change to any card; cached pages older than it are rebuilt. */
  private revision = 0;
  private readonly pages = new Map<string, { revision: number; body: Buffer }>();
  /** Serialised cards, so a 500-card page is a join rather than 500 serialisations. */
  private readonly json = new WeakMap<Card, string>();
  private nextTagId = 7200000000000001n;
  private nextAttributeId = 6200000000000101n;

  constructor(fleet: Fleet, nowMs: number) {
    this.cards = fleet.cards;
    this.batches = fleet.batches;
    this.pools = fleet.pools;
    for (const t of INITIAL_TAGS) this.tags.set(t.id, { ...t, cards: 0 });
    for (const c of this.cards) {
      this.byId.set(c.vo.sim_card_id, c);
      this.byIccid.set(c.vo.iccid, c);
      for (const id of c.tagIds) this.tags.get(id)!.cards++;
      c.vo.tag_names = this.tagNames(c.tagIds);
    }
    INITIAL_ATTRIBUTES.forEach((a, i) => this.attributes.push({ ...a, slot: i + 1, create_time: nowMs - 90 * 86_400_000, modify_time: nowMs - 30 * 86_400_000 }));
  }

  get size(): number {
    return this.cards.length;
  }

  byCardId(id: string): Card | undefined {
    return this.byId.get(id);
  }

  byCardIccid(iccid: string): Card | undefined {
    return this.byIccid.get(iccid);
  }

  /** A card's wire JSON (via `stringifyJson`, so ids stay exact), cached until `touch`. */
  cardJson(card: Card): string {
    let text = this.json.get(card);
    if (text === undefined) {
      text = stringifyJson(card.vo);
      this.json.set(card, text);
    }
    return text;
  }

  /** Call after any change to a card's record. */
  touch(card: Card): void {
    this.json.delete(card);
    this.revision++;
  }

  /** Call after a change to a card's status, activation date or flows: views are rebuilt lazily. */
  invalidate(): void {
    this.version++;
    this.revision++;
  }

  /**
   * An encoded list page, cached by its query until any card changes. A whole-fleet scan
   * asks for the same pages again and again; answering from here keeps the simulator far
   * from being the bottleneck of the client it serves.
   */
  cachedPage(key: string, build: () => string): Buffer {
    const hit = this.pages.get(key);
    if (hit && hit.revision === this.revision) return hit.body;
    // Bounded: an unbounded cache would grow with every distinct filter a test sends.
    if (this.pages.size >= MAX_CACHED_PAGES) this.pages.clear();
    const body = Buffer.from(build(), 'utf8');
    this.pages.set(key, { revision: this.revision, body });
    return body;
  }

  /** Cards with the status (or all), in the sort order; cached until `invalidate`. */
  view(status: SimStatus | undefined, sort: SortKey | undefined, order: SortOrder = 'asc'): Card[] {
    const key = `${status ?? '*'}|${sort ?? ''}|${sort ? order : ''}`;
    const hit = this.views.get(key);
    if (hit && hit.version === this.version) return hit.cards;
    let cards: Card[];
    if (sort) {
      // Filter the cached all-status view so each key is sorted once; ties keep generation order.
      const all = status === undefined ? this.sortAll(sort, order) : this.view(undefined, sort, order);
      cards = status === undefined ? all : all.filter((c) => c.vo.sim_status === status);
    } else {
      cards = status === undefined ? this.cards : this.cards.filter((c) => c.vo.sim_status === status);
    }
    this.views.set(key, { version: this.version, cards });
    return cards;
  }

  private sortAll(sort: SortKey, order: SortOrder): Card[] {
    const cmp = FIELD_COMPARE[sort];
    const sign = order === 'desc' ? -1 : 1;
    return [...this.cards].sort((a, b) => sign * cmp(a, b) || a.index - b.index);
  }

  /** One page of the filtered, sorted list; `offset` is the 1-based page number. */
  query(filter: CardFilter, limit: number, offset: number): { count: number; cards: Card[] } {
    const base = this.view(filter.status, filter.sort, filter.order);
    const start = (offset - 1) * limit;
    if (!filter.predicate) return { count: base.length, cards: base.slice(start, start + limit) };
    const page: Card[] = [];
    let count = 0;
    for (const c of base) {
      if (!filter.predicate(c)) continue;
      if (count >= start && page.length < limit) page.push(c);
      count++;
    }
    return { count, cards: page };
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
    for (const c of this.cards) {
      if (c.tagIds.includes(id)) {
        c.tagIds = c.tagIds.filter((t) => t !== id);
        c.vo.tag_names = this.tagNames(c.tagIds);
        this.touch(c);
      }
    }
  }

  setCardTags(card: Card, tagIds: string[]): void {
    for (const id of card.tagIds) {
      const t = this.tags.get(id);
      if (t) t.cards--;
    }
    card.tagIds = [...tagIds];
    for (const id of tagIds) this.tags.get(id)!.cards++;
    card.vo.tag_names = this.tagNames(tagIds);
    this.touch(card);
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
