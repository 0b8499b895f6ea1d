/**
 * From identifiers (ICCID, IMSI, IMEI, MSISDN) to cards, across every signed-in account, for
 * the surfaces that meet identifiers in text: hovers, links and the inline status of any file,
 * Find Card and the language-model tools. No `vscode`: tested in plain Node against the simulator.
 *
 * How identifiers are resolved, per account (the cheapest honest way the API allows; README,
 * "Card identifiers in any file"):
 *
 * - **A few** (at most the cost of reading the fleet, and at most {@link FEW_SEARCHES} while the
 *   fleet's size is not known yet): one ListSimCards search each (ICCID as container id, IMEI as
 *   device IMEI, MSISDN by number), answered with the full card in one round trip.
 * - **Many**, or any IMSI (the API has no IMSI search): one read of the whole fleet, 500 cards a
 *   page, 4 pages in flight, matching every waiting identifier as the pages arrive. It costs
 *   ⌈cards / 500⌉ requests however many identifiers wait, and it proves absence: what it did not
 *   meet is not in the fleet. The first page tells the fleet's size; when searches would be
 *   cheaper after all, the read stops there and the rest are searched. Fleets above
 *   {@link READ_MAX_CARDS} are never read whole: their identifiers are searched, and their IMSIs
 *   cannot be looked up.
 * - Not used: ShowMonthUsages and ListFlowBySimCards also take many ICCIDs at once, but one ICCID
 *   the account does not own fails the whole batch (GSL.00011011), which with several accounts
 *   is every batch; and they answer no status.
 *
 * Every answer is cached per account: cards for {@link CARD_TTL_MS}, "not in this fleet" for the
 * `notFoundTtlMs` setting. A card found is cached under all of its identifiers. Requests are
 * rate-limited to {@link SEARCH_CONCURRENCY} searches and one read (4 pages) in flight per
 * account; the client waits out a 429's Retry-After. Callers that stop waiting (an editor
 * scrolled on, a hover closed) take their identifiers out of the queue, and a read nobody waits
 * for any more stops.
 */
import type { GslApi } from '../gsl/api';
import type { Id, SimDeviceVO } from '../gsl/models';
import type { AccountId, FleetAccounts } from '../core/accounts';
import { Emitter } from '../core/events';
import type { Disposable, Event } from '../core/events';
import type { CardIdentifier } from '../core/identifiers';
import { cardHasIdentifier, identifierKey, msisdnValue } from '../core/identifiers';
import type { Logger } from '../core/logger';
import { findQuery } from './findInput';

/** A card and the account it belongs to. */
export interface FoundCard {
  readonly accountId: AccountId;
  readonly card: SimDeviceVO;
}

export type LookupResult =
  | { readonly state: 'found'; readonly found: FoundCard }
  /** In none of the signed-in accounts. */
  | { readonly state: 'absent' }
  /** Could not be looked up now (no account ready, an error, an IMSI in a fleet too large to read). */
  | { readonly state: 'unknown'; readonly reason: 'signedOut' | 'error' | 'tooLarge' | 'cancelled' };

export interface LookupStats {
  /** Requests sent: searches plus pages read. */
  requests: number;
  searches: number;
  pages: number;
  /** Whole-fleet reads started. */
  reads: number;
}

export interface CardLookupOptions {
  accounts: FleetAccounts;
  /** How long "not in this fleet" is believed (the `simFleet.identifiers.notFoundMinutes` setting). */
  notFoundTtlMs: () => number;
  log?: Logger;
  now?: () => number;
  /** Read fleets whole up to this many cards (default {@link READ_MAX_CARDS}). */
  readMaxCards?: number;
}

/** How long a found card's status and traffic are shown without asking again. */
export const CARD_TTL_MS = 5 * 60_000;
/** Searches in flight per account. */
export const SEARCH_CONCURRENCY = 4;
/** Pages in flight while reading a fleet. */
export const READ_CONCURRENCY = 4;
export const READ_PAGE = 500;
/** While the fleet's size is unknown, more identifiers than this are resolved by reading it. */
export const FEW_SEARCHES = 8;
/** Above this many cards (400 pages), a fleet is never read whole. */
export const READ_MAX_CARDS = 200_000;
/** Identifiers that arrive together are planned together. */
const BATCH_WINDOW_MS = 10;
/** A card found in a search is looked for among this many matches (the server matches parts of numbers). */
const SEARCH_LIMIT = 50;
/** The resolved-event is fired at most this often while a read goes on. */
const NOTIFY_MS = 100;

type Entry = { card: SimDeviceVO; at: number } | { absent: true; at: number } | { tooLarge: true; at: number };

type AccountAnswer = { state: 'found'; card: SimDeviceVO } | { state: 'absent' } | { state: 'unknown'; reason: 'error' | 'tooLarge' | 'cancelled' | 'signedOut' };

interface Waiting {
  readonly id: CardIdentifier;
  readonly key: string;
  waiters: number;
  urgent: boolean;
  /** How it is being answered, once planned: a search (queued or sent), or the read in progress. */
  via: 'search' | 'read' | undefined;
  readonly done: Promise<AccountAnswer>;
  settle(answer: AccountAnswer): void;
}

/** The identifiers under which a card can be met, as cache keys. */
function keysOf(card: SimDeviceVO): string[] {
  const keys: string[] = [];
  for (const v of [card.iccid, card.cid]) if (v) keys.push(identifierKey({ kind: 'iccid', value: v.toUpperCase() }));
  if (card.imsi) keys.push(identifierKey({ kind: 'imsi', value: card.imsi }));
  if (card.imei) keys.push(identifierKey({ kind: 'imei', value: card.imei }));
  if (card.msisdn) {
    const own = card.msisdn.replace(/[\s-]/g, '');
    keys.push(identifierKey({ kind: 'msisdn', value: msisdnValue(own) ?? (own.startsWith('86') ? own.slice(2) : own) }));
  }
  return keys;
}

/** One account's cache and queue. */
class AccountLookup {
  private readonly cache = new Map<string, Entry>();
  private readonly waiting = new Map<string, Waiting>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reading: Promise<void> | undefined;
  private searchesInFlight = 0;
  private readonly searchQueue: Waiting[] = [];
  private fleetSize: number | undefined;
  private disposed = false;
  private readonly controller = new AbortController();

  constructor(
    readonly accountId: AccountId,
    private readonly client: () => GslApi | undefined,
    private readonly owner: CardLookup,
    private readonly options: Required<Pick<CardLookupOptions, 'notFoundTtlMs' | 'now' | 'readMaxCards'>> & { log?: Logger },
  ) {}

  peek(key: string): Entry | undefined {
    const e = this.cache.get(key);
    if (!e) return undefined;
    const ttl = 'card' in e ? CARD_TTL_MS : this.options.notFoundTtlMs();
    if (this.options.now() - e.at >= ttl) {
      this.cache.delete(key);
      return undefined;
    }
    return e;
  }

  /** The answer for `id` from this account, asking the server when the cache has none. */
  resolve(id: CardIdentifier, urgent: boolean, signal?: AbortSignal): Promise<AccountAnswer> {
    const key = identifierKey(id);
    const cached = this.peek(key);
    if (cached) return Promise.resolve(answerOf(cached));
    if (this.disposed) return Promise.resolve({ state: 'unknown', reason: 'signedOut' });
    let w = this.waiting.get(key);
    if (!w) {
      let settle!: (a: AccountAnswer) => void;
      const done = new Promise<AccountAnswer>((r) => (settle = r));
      const created: Waiting = { id, key, waiters: 0, urgent: false, via: undefined, done, settle: (a) => settle(a) };
      w = created;
      this.waiting.set(key, created);
      void created.done.then(() => {
        if (this.waiting.get(key) === created) this.waiting.delete(key);
      });
    }
    const waiting = w;
    waiting.waiters++;
    if (urgent && !waiting.urgent) {
      waiting.urgent = true;
      // A hover does not wait for a read of the whole fleet: it is searched at once when it can be.
      if (waiting.via === 'read' && waiting.id.kind !== 'imsi') this.enqueueSearch(waiting);
    }
    this.schedule(urgent ? 0 : BATCH_WINDOW_MS);
    return new Promise<AccountAnswer>((resolve) => {
      const onAbort = (): void => {
        waiting.waiters--;
        resolve({ state: 'unknown', reason: 'cancelled' });
        if (waiting.waiters <= 0 && waiting.via === undefined) waiting.settle({ state: 'unknown', reason: 'cancelled' });
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      void waiting.done.then((a) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(a);
      });
    });
  }

  /** Forget cards (all, without ids) so the next look sees them as they are now. */
  invalidate(cardIds: ReadonlySet<Id> | undefined): void {
    for (const [key, e] of this.cache) if ('card' in e && (!cardIds || cardIds.has(e.card.sim_card_id))) this.cache.delete(key);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.controller.abort(new Error('signed out'));
    for (const w of this.waiting.values()) w.settle({ state: 'unknown', reason: 'signedOut' });
  }

  private schedule(ms: number): void {
    if (this.timer && ms > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, ms);
  }

  private store(card: SimDeviceVO): void {
    const at = this.options.now();
    for (const key of keysOf(card)) {
      this.cache.set(key, { card, at });
      const w = this.waiting.get(key);
      if (w && cardHasIdentifier(card, w.id)) w.settle({ state: 'found', card });
    }
    this.owner.notify();
  }

  private storeAbsent(w: Waiting): void {
    this.cache.set(w.key, { absent: true, at: this.options.now() });
    w.settle({ state: 'absent' });
    this.owner.notify();
  }

  /** Plans what waits: searches, or one read of the fleet (see the module comment). */
  private flush(): void {
    if (this.disposed) return;
    const open = [...this.waiting.values()].filter((w) => w.via === undefined && w.waiters > 0);
    if (open.length === 0) return;
    if (this.reading) {
      // A read is under way: identifiers met after it started wait for the next plan, except
      // urgent ones, which are searched now.
      for (const w of open) if (w.urgent && w.id.kind !== 'imsi') this.enqueueSearch(w);
      return;
    }
    const imsis = open.filter((w) => w.id.kind === 'imsi');
    const searchable = open.filter((w) => w.id.kind !== 'imsi');
    const size = this.fleetSize;
    const readCost = size === undefined ? undefined : Math.max(1, Math.ceil(size / READ_PAGE));
    const tooLarge = size !== undefined && size > this.options.readMaxCards;
    if (tooLarge) {
      for (const w of imsis) this.settleTooLarge(w);
      for (const w of searchable) this.enqueueSearch(w);
      return;
    }
    const read = imsis.length > 0 || (readCost === undefined ? searchable.length > FEW_SEARCHES : searchable.length > readCost);
    if (!read) {
      for (const w of searchable) this.enqueueSearch(w);
      return;
    }
    for (const w of open) if (w.urgent && w.id.kind !== 'imsi') this.enqueueSearch(w);
    this.reading = this.readFleet(open).finally(() => {
      this.reading = undefined;
      // What arrived during the read is planned now.
      this.schedule(0);
    });
  }

  private settleTooLarge(w: Waiting): void {
    this.cache.set(w.key, { tooLarge: true, at: this.options.now() });
    w.settle({ state: 'unknown', reason: 'tooLarge' });
  }

  private enqueueSearch(w: Waiting): void {
    w.via = 'search';
    if (w.urgent) this.searchQueue.unshift(w);
    else this.searchQueue.push(w);
    this.pumpSearches();
  }

  private pumpSearches(): void {
    while (this.searchesInFlight < SEARCH_CONCURRENCY && this.searchQueue.length > 0) {
      const w = this.searchQueue.shift()!;
      // Nobody waits any more, or a read answered it meanwhile.
      if (w.waiters <= 0 || !this.waiting.has(w.key) || this.peek(w.key)) {
        if (w.waiters <= 0) w.settle({ state: 'unknown', reason: 'cancelled' });
        continue;
      }
      this.searchesInFlight++;
      void this.search(w).finally(() => {
        this.searchesInFlight--;
        this.pumpSearches();
      });
    }
  }

  private async search(w: Waiting): Promise<void> {
    const client = this.client();
    const query = findQuery(w.id);
    if (!client || !query) return w.settle({ state: 'unknown', reason: client ? 'error' : 'signedOut' });
    this.owner.counted('search');
    try {
      const page = await client.listSimCards({ ...query, limit: SEARCH_LIMIT, offset: 1 }, { signal: this.controller.signal });
      const card = page.sim_cards.find((c) => cardHasIdentifier(c, w.id));
      if (card) this.store(card);
      else if (page.count <= page.sim_cards.length) this.storeAbsent(w);
      // More partial matches than one page shows and ours not among them: say nothing rather than "absent".
      else w.settle({ state: 'unknown', reason: 'error' });
    } catch (err) {
      this.options.log?.warn(`Could not look up ${w.id.kind} ${w.id.value}: ${err instanceof Error ? err.message : String(err)}`);
      w.settle({ state: 'unknown', reason: 'error' });
    }
  }

  /** Reads the fleet page by page, matching `wanted` as pages arrive (see the module comment). */
  private async readFleet(wanted: Waiting[]): Promise<void> {
    const client = this.client();
    if (!client) {
      for (const w of wanted) w.settle({ state: 'unknown', reason: 'signedOut' });
      return;
    }
    for (const w of wanted) if (w.via === undefined) w.via = 'read';
    const isWanted = wantedFields(wanted.map((w) => w.id));
    const searched = (w: Waiting): boolean => w.via === 'search';
    const open = (): Waiting[] => wanted.filter((w) => w.waiters > 0 && this.waiting.get(w.key) === w && !this.peek(w.key));
    const stop = new AbortController();
    const onDispose = (): void => stop.abort(this.controller.signal.reason);
    this.controller.signal.addEventListener('abort', onDispose, { once: true });
    let count: number | undefined;
    let complete = false;
    this.owner.counted('read');
    try {
      // The client's own paging: a page stops counting against the 4 in flight as soon as the
      // server has answered, so the next request goes out while this one's body is parsed.
      const pages = client.iterateSimCards({}, { pageSize: READ_PAGE, concurrency: READ_CONCURRENCY, signal: stop.signal, onCount: (n) => (count = n), onRequest: () => this.owner.counted('page') });
      let first = true;
      for await (const cards of pages) {
        for (const card of cards) if (isWanted(card)) this.store(card);
        const left = open();
        if (left.length === 0) return;
        if (first && count !== undefined) {
          first = false;
          this.fleetSize = count;
          const remainingPages = Math.ceil(count / READ_PAGE) - 1;
          const imsisLeft = left.some((w) => w.id.kind === 'imsi');
          if (count > this.options.readMaxCards) {
            // Too large to read: search what can be searched, and say so for IMSIs.
            for (const w of left) if (w.id.kind === 'imsi') this.settleTooLarge(w);
            else if (!searched(w)) this.enqueueSearch(w);
            return;
          }
          if (!imsisLeft && left.length <= remainingPages) {
            for (const w of left) if (!searched(w)) this.enqueueSearch(w);
            return;
          }
        }
      }
      complete = true;
      if (count !== undefined) this.fleetSize = count;
    } catch (err) {
      this.options.log?.warn(`Could not read the fleet to look up ${wanted.length} identifiers: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      this.controller.signal.removeEventListener('abort', onDispose);
      for (const w of wanted) {
        if (this.waiting.get(w.key) !== w || searched(w)) continue;
        if (complete && !this.peek(w.key)) this.storeAbsent(w);
        else if (!complete) w.settle({ state: 'unknown', reason: w.waiters > 0 ? 'error' : 'cancelled' });
      }
    }
  }
}

/**
 * A quick test of whether a card carries one of `ids`: a few set look-ups on its raw fields, since a
 * read meets every card of the fleet. `store` then settles exactly the identifiers it carries.
 */
function wantedFields(ids: readonly CardIdentifier[]): (card: SimDeviceVO) => boolean {
  const sets: Record<CardIdentifier['kind'], Set<string>> = { iccid: new Set(), imsi: new Set(), imei: new Set(), msisdn: new Set() };
  for (const id of ids) sets[id.kind].add(id.value);
  const { iccid, imsi, imei, msisdn } = sets;
  const container = (v: string | null | undefined): boolean => !!v && (iccid.has(v) || (/[a-f]$/.test(v) && iccid.has(v.toUpperCase())));
  // The fleet may keep an MSISDN with its country code: 86… or +86….
  const number = (v: string | null | undefined): boolean => !!v && (msisdn.has(v) || msisdn.has(v.slice(2)) || msisdn.has(v.slice(3)));
  return (card) =>
    (iccid.size > 0 && (container(card.iccid) || container(card.cid))) ||
    (imsi.size > 0 && !!card.imsi && imsi.has(card.imsi)) ||
    (imei.size > 0 && !!card.imei && imei.has(card.imei)) ||
    (msisdn.size > 0 && number(card.msisdn));
}

function answerOf(e: Entry): AccountAnswer {
  if ('card' in e) return { state: 'found', card: e.card };
  if ('absent' in e) return { state: 'absent' };
  return { state: 'unknown', reason: 'tooLarge' };
}

export class CardLookup implements Disposable {
  private readonly perAccount = new Map<AccountId, AccountLookup>();
  private readonly resolved = new Emitter<void>();
  private notifyTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscription: Disposable;
  readonly stats: LookupStats = { requests: 0, searches: 0, pages: 0, reads: 0 };
  /** Fires (at most every 100 ms) when new answers are in the cache: inline status and links ask again. */
  readonly onDidResolve: Event<void> = this.resolved.event;

  constructor(private readonly options: CardLookupOptions) {
    this.subscription = options.accounts.onDidChange(() => this.syncAccounts());
  }

  /** The cached answer, without asking the server: what providers answer with at once. */
  peek(id: CardIdentifier): LookupResult | undefined {
    const accounts = this.options.accounts.all();
    if (accounts.length === 0) return undefined;
    const key = identifierKey(id);
    let allAbsent = true;
    let tooLarge = false;
    for (const a of accounts) {
      const e = this.account(a.id)?.peek(key);
      if (e && 'card' in e) return { state: 'found', found: { accountId: a.id, card: e.card } };
      if (!e || !('absent' in e)) allAbsent = false;
      if (e && 'tooLarge' in e) tooLarge = true;
    }
    if (allAbsent) return { state: 'absent' };
    return tooLarge ? { state: 'unknown', reason: 'tooLarge' } : undefined;
  }

  /**
   * The card each identifier names, asking every account that has no cached answer. `urgent`
   * (a hover) goes ahead of other work. Resolves `unknown: cancelled` for identifiers when
   * `signal` aborts; the work continues for other callers that still wait.
   */
  async resolve(ids: readonly CardIdentifier[], options: { urgent?: boolean; signal?: AbortSignal; accountIds?: readonly AccountId[] } = {}): Promise<Map<string, LookupResult>> {
    // A change plan looks in the accounts it names only.
    const accounts = this.options.accounts.all().filter((a) => !options.accountIds || options.accountIds.includes(a.id));
    const out = new Map<string, LookupResult>();
    const distinct = new Map(ids.map((id) => [identifierKey(id), id]));
    if (accounts.length === 0) {
      for (const key of distinct.keys()) out.set(key, { state: 'unknown', reason: 'signedOut' });
      return out;
    }
    await Promise.all(
      [...distinct].map(async ([key, id]) => {
        const answers = await Promise.all(accounts.map((a) => this.accountFor(a.id).resolve(id, options.urgent ?? false, options.signal)));
        const found = answers.findIndex((a) => a.state === 'found');
        if (found >= 0) {
          const a = answers[found] as { state: 'found'; card: SimDeviceVO };
          out.set(key, { state: 'found', found: { accountId: accounts[found].id, card: a.card } });
        } else if (answers.every((a) => a.state === 'absent')) {
          out.set(key, { state: 'absent' });
        } else {
          const reasons = answers.filter((a): a is Extract<AccountAnswer, { state: 'unknown' }> => a.state === 'unknown').map((a) => a.reason);
          out.set(key, { state: 'unknown', reason: reasons.includes('cancelled') ? 'cancelled' : reasons.includes('error') ? 'error' : reasons.includes('tooLarge') ? 'tooLarge' : 'signedOut' });
        }
      }),
    );
    return out;
  }

  async resolveOne(id: CardIdentifier, options: { urgent?: boolean; signal?: AbortSignal } = {}): Promise<LookupResult> {
    return (await this.resolve([id], options)).get(identifierKey(id))!;
  }

  /** Cards changed (these, or any without ids): their cached status is no longer believed. */
  invalidate(cardIds?: readonly Id[]): void {
    const set = cardIds ? new Set(cardIds) : undefined;
    for (const a of this.perAccount.values()) a.invalidate(set);
    this.notify();
  }

  /** Forgets everything: cards, strangers, queued work (a new session, a test). */
  clear(): void {
    for (const a of this.perAccount.values()) a.dispose();
    this.perAccount.clear();
    this.notify();
  }

  /** @internal Counts what the accounts send. */
  counted(what: 'search' | 'page' | 'read'): void {
    if (what === 'read') this.stats.reads++;
    else {
      this.stats.requests++;
      if (what === 'search') this.stats.searches++;
      else this.stats.pages++;
    }
  }

  /** @internal */
  notify(): void {
    if (this.notifyTimer) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      this.resolved.fire();
    }, NOTIFY_MS);
  }

  dispose(): void {
    this.subscription.dispose();
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    for (const a of this.perAccount.values()) a.dispose();
    this.perAccount.clear();
    this.resolved.dispose();
  }

  private account(id: AccountId): AccountLookup | undefined {
    return this.perAccount.get(id);
  }

  private accountFor(id: AccountId): AccountLookup {
    let a = this.perAccount.get(id);
    if (!a) {
      const accounts = this.options.accounts;
      a = new AccountLookup(id, () => accounts.get(id)?.currentClient(), this, {
        notFoundTtlMs: this.options.notFoundTtlMs,
        now: this.options.now ?? Date.now,
        readMaxCards: this.options.readMaxCards ?? READ_MAX_CARDS,
        log: this.options.log,
      });
      this.perAccount.set(id, a);
    }
    return a;
  }

  /** An account signed out (or replaced): its cache and queue go with it. */
  private syncAccounts(): void {
    const live = new Set(this.options.accounts.all().map((a) => a.id));
    for (const [id, a] of this.perAccount) {
      // A session being replaced is "connecting": its old client is gone too.
      const account = this.options.accounts.get(id);
      if (!live.has(id) || !account?.currentClient()) {
        a.dispose();
        this.perAccount.delete(id);
      }
    }
    this.notify();
  }
}
