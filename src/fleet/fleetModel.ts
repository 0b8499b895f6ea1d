/**
 * The fleet as far as it is loaded, apart from any view (house style 4). Per status group it
 * keeps the server's count, the pages loaded and whether more exist, and it shares one
 * in-flight request per group so a fast double-expand or "Load more" never fetches twice.
 * No `vscode` import: the model is tested in plain Node against the simulator.
 */
import type { GslApi } from '../gsl/api';
import type { Id, SimDeviceVO, SimStatus } from '../gsl/models';
import { SIM_STATUSES } from '../gsl/models';
import { Emitter } from '../core/events';
import type { CardListQuery, FleetFilter, FleetSort } from './filter';
import { filterToQuery } from './filter';

export interface FleetChange {
  /** The group that changed; undefined when the whole fleet changed. */
  status?: SimStatus;
}

export interface GroupView {
  readonly status: SimStatus;
  /** Matching cards on the server; undefined until counted. */
  readonly count: number | undefined;
  /** Found cards not (yet) in a loaded page come first, then the loaded pages. */
  readonly cards: readonly SimDeviceVO[];
  readonly pagesLoaded: number;
  readonly hasMore: boolean;
  readonly loading: boolean;
  readonly error: unknown;
}

interface Group {
  count?: number;
  pinned: SimDeviceVO[];
  paged: SimDeviceVO[];
  pagesLoaded: number;
  pageSize: number;
  error?: unknown;
  /** What Retry does after `error`: load the next page again, or refresh the loaded ones. */
  failed?: 'page' | 'refresh';
  load?: Promise<void>;
}

export interface FleetModelOptions {
  client: () => GslApi | undefined;
  pageSize: () => number;
}

export class FleetModel {
  private groups = new Map<SimStatus, Group>();
  private countLoad: Promise<void> | undefined;
  /** Identifies the latest count load, so an older one finishing late does not clear it. */
  private countToken: object | undefined;
  private countError: unknown;
  private filterValue: FleetFilter = {};
  private sortValue: FleetSort | undefined;
  private view: string | undefined;
  private readonly changed = new Emitter<FleetChange>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly options: FleetModelOptions) {
    this.clear();
  }

  get filter(): FleetFilter {
    return this.filterValue;
  }
  get sort(): FleetSort | undefined {
    return this.sortValue;
  }

  /** The saved view shown, while its filter and sort are unchanged. */
  get viewName(): string | undefined {
    return this.view;
  }

  setFilter(filter: FleetFilter): void {
    this.filterValue = filter;
    this.view = undefined;
    this.reset();
  }
  setSort(sort: FleetSort | undefined): void {
    this.sortValue = sort;
    this.view = undefined;
    this.reset();
  }
  /** Shows a saved view: its filter and sort, under its name. */
  applyView(name: string, filter: FleetFilter, sort: FleetSort | undefined): void {
    this.filterValue = filter;
    this.sortValue = sort;
    this.view = name;
    this.reset();
  }

  /** The list query every count and page uses (without status, page and size). */
  query(): CardListQuery {
    return filterToQuery(this.filterValue, this.sortValue);
  }

  /**
   * Forgets everything; the next look loads again from the server. Only for a change of what is
   * shown (another session, filter, sort or page size): a refresh keeps what is loaded (`refresh`).
   */
  reset(): void {
    this.clear();
    this.changed.fire({});
  }

  /**
   * Asks the server again for the given groups (all by default) without forgetting anything on
   * screen: their counts, and every page each has loaded, with the same page size. The fresh
   * answers replace the old ones when they arrive, so expanded groups keep their place and the
   * pages the person loaded with "Load more"; until then the old figures stay shown.
   */
  refresh(statuses: readonly SimStatus[] = SIM_STATUSES): Promise<void> {
    const client = this.options.client();
    if (!client) return Promise.resolve();
    const counting = this.recount(client, statuses);
    const paging = statuses.map((s) => this.reloadPages(client, s));
    return Promise.all([counting, ...paging]).then(() => undefined);
  }

  private recount(client: GslApi, statuses: readonly SimStatus[]): Promise<void> {
    const query = this.query();
    const asked = statuses.map((s) => [s, this.groups.get(s) as Group] as const);
    return Promise.all(asked.map(([s]) => client.countSimCards({ ...query, sim_status: s }))).then(
      (counts) => {
        asked.forEach(([s, g], i) => {
          if (this.groups.get(s) === g) g.count = counts[i];
        });
        this.countError = undefined;
        this.changed.fire({});
      },
      (err: unknown) => {
        // Counts already shown stay shown; the tree says above them that they could not be refreshed.
        this.countError = err;
        this.changed.fire({});
      },
    );
  }

  private reloadPages(client: GslApi, status: SimStatus): Promise<void> {
    const g = this.groups.get(status);
    if (!g || g.pagesLoaded === 0) return Promise.resolve();
    const run = async (): Promise<void> => {
      const pages = g.pagesLoaded;
      const query = this.query();
      try {
        const answers = await Promise.all(
          Array.from({ length: pages }, (_, i) => client.listSimCards({ ...query, sim_status: status, limit: g.pageSize, offset: i + 1 })),
        );
        if (this.groups.get(status) !== g) return;
        const fresh = answers.flatMap((a) => a.sim_cards);
        const moved = this.forgetElsewhere(status, fresh);
        const seen = new Set<string>();
        g.paged = fresh.filter((c) => !seen.has(c.sim_card_id) && seen.add(c.sim_card_id));
        g.pinned = g.pinned.filter((c) => !seen.has(c.sim_card_id));
        g.count = answers[answers.length - 1].count;
        g.error = undefined;
        this.changed.fire(moved ? {} : { status });
      } catch (err) {
        if (this.groups.get(status) !== g) return;
        // The loaded pages stay on screen; the error shows at the end of the group with Retry.
        g.error = err;
        g.failed = 'refresh';
        this.changed.fire({ status });
      }
    };
    // After any load in flight for the group, so two answers never race to replace its pages.
    const load = (g.load ?? Promise.resolve()).then(run).finally(() => {
      if (g.load === load) g.load = undefined;
    });
    g.load = load;
    return load;
  }

  get countsLoaded(): boolean {
    return SIM_STATUSES.every((s) => this.groups.get(s)?.count !== undefined);
  }
  /** Why the counts could not be read; with `countsLoaded`, the counts shown are from before it. */
  get countsError(): unknown {
    return this.countError;
  }
  /** Cards in the fleet (matching the filter), once counted. */
  total(): number | undefined {
    if (!this.countsLoaded) return undefined;
    return SIM_STATUSES.reduce((sum, s) => sum + (this.groups.get(s)?.count ?? 0), 0);
  }

  group(status: SimStatus): GroupView {
    const g = this.groups.get(status) ?? emptyGroup();
    const pagedIds = new Set(g.paged.map((c) => c.sim_card_id));
    const total = g.count ?? 0;
    return {
      status,
      count: g.count,
      cards: [...g.pinned.filter((c) => !pagedIds.has(c.sim_card_id)), ...g.paged],
      pagesLoaded: g.pagesLoaded,
      hasMore: g.pagesLoaded > 0 && g.pagesLoaded * g.pageSize < total,
      loading: g.load !== undefined,
      error: g.error,
    };
  }

  /**
   * Counts every status group with parallel count-only calls (never downloading the fleet).
   * Only groups without a count are asked. Errors are kept in `countsError`, not thrown.
   */
  loadCounts(): Promise<void> {
    // A reset during the load forgets its answers; loading again means "counted for the current filter".
    return this.loadCountsOnce().then(() => (!this.countsLoaded && this.countError === undefined && this.options.client() ? this.loadCounts() : undefined));
  }

  private loadCountsOnce(): Promise<void> {
    if (this.countLoad) return this.countLoad;
    const client = this.options.client();
    if (!client) return Promise.resolve();
    const query = this.query();
    // Answers are kept only for the group objects asked about: a reset or invalidation replaces them.
    const asked = SIM_STATUSES.filter((s) => this.groups.get(s)?.count === undefined).map((s) => [s, this.groups.get(s) as Group] as const);
    const token = {};
    this.countToken = token;
    const load = (async () => {
      try {
        const counts = await Promise.all(asked.map(([s]) => client.countSimCards({ ...query, sim_status: s })));
        asked.forEach(([s, g], i) => {
          if (this.groups.get(s) === g) g.count = counts[i];
        });
        this.countError = undefined;
      } catch (err) {
        if (asked.some(([s, g]) => this.groups.get(s) !== g)) return;
        this.countError = err;
      } finally {
        if (this.countToken === token) this.countLoad = undefined;
      }
      this.changed.fire({});
    })();
    this.countLoad = load;
    return load;
  }

  /**
   * Loads the first page of a group unless it is loaded (or failed; retry with `retry`).
   * The tree calls this while fetching the group's children, so by default it does not announce
   * the change: a refresh of the node being fetched would make the view fetch it twice at once.
   */
  ensureFirstPage(status: SimStatus, options: { notify?: boolean } = { notify: false }): Promise<void> {
    const g = this.groups.get(status);
    if (!g || g.pagesLoaded > 0 || g.error !== undefined) return g?.load ?? Promise.resolve();
    return this.loadNextPage(status, options);
  }

  /** Clears a group's error and does again what failed: a page load, or a refresh of its pages. */
  retry(status: SimStatus): Promise<void> {
    const g = this.groups.get(status);
    if (!g) return Promise.resolve();
    const failed = g.failed;
    g.error = undefined;
    g.failed = undefined;
    const client = this.options.client();
    return failed === 'refresh' && client ? this.reloadPages(client, status) : this.loadNextPage(status);
  }

  /** Loads the group's next page; concurrent callers share one request. */
  loadNextPage(status: SimStatus, options: { notify?: boolean } = {}): Promise<void> {
    const g = this.groups.get(status);
    if (!g) return Promise.resolve();
    if (g.load) return g.load;
    const client = this.options.client();
    if (!client) return Promise.resolve();
    if (g.pagesLoaded === 0) g.pageSize = this.options.pageSize();
    const load: Promise<void> = this.fetchNextPage(client, status, g).then((moved) => {
      // A refresh queued behind this load owns `load` by now; leave it in place.
      if (g.load === load) g.load = undefined;
      if (moved === undefined) return;
      // A card that moved out of another group changes that group too.
      if (moved) this.changed.fire({});
      else if (options.notify !== false) this.changed.fire({ status });
    });
    g.load = load;
    return load;
  }

  /** Appends the next page; resolves whether a card left another group, or undefined if the group was replaced meanwhile. */
  private async fetchNextPage(client: GslApi, status: SimStatus, g: Group): Promise<boolean | undefined> {
    const offset = g.pagesLoaded + 1;
    try {
      const page = await client.listSimCards({ ...this.query(), sim_status: status, limit: g.pageSize, offset });
      if (this.groups.get(status) !== g) return undefined;
      const moved = this.forgetElsewhere(status, page.sim_cards);
      const known = new Set(g.paged.map((c) => c.sim_card_id));
      g.paged.push(...page.sim_cards.filter((c) => !known.has(c.sim_card_id)));
      g.pagesLoaded = offset;
      g.count = page.count;
      g.error = undefined;
      return moved;
    } catch (err) {
      if (this.groups.get(status) !== g) return undefined;
      g.error = err;
      g.failed = 'page';
      return false;
    }
  }

  /** A card the server just returned (find, detail): shown in its group even if its page is not loaded. */
  pin(card: SimDeviceVO): void {
    const status = card.sim_status;
    if (status === undefined || !this.groups.has(status)) return;
    const moved = this.forgetElsewhere(status, [card]);
    const g = this.groups.get(status) as Group;
    const i = g.paged.findIndex((c) => c.sim_card_id === card.sim_card_id);
    if (i >= 0) g.paged[i] = card;
    else g.pinned = [card, ...g.pinned.filter((c) => c.sim_card_id !== card.sim_card_id)];
    this.changed.fire(moved ? {} : { status });
  }

  /** The loaded copy of a card, if any group holds it. */
  loadedCard(cardId: Id): SimDeviceVO | undefined {
    for (const g of this.groups.values()) {
      const c = g.pinned.find((x) => x.sim_card_id === cardId) ?? g.paged.find((x) => x.sim_card_id === cardId);
      if (c) return c;
    }
    return undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }

  private clear(): void {
    this.groups = new Map(SIM_STATUSES.map((s) => [s, emptyGroup()]));
    this.countLoad = undefined;
    this.countError = undefined;
  }

  /** A card lives in one group only: a fresher answer removes its stale copy from the others. */
  private forgetElsewhere(status: SimStatus, cards: readonly SimDeviceVO[]): boolean {
    const ids = new Set(cards.map((c) => c.sim_card_id));
    let removed = false;
    for (const [s, g] of this.groups) {
      if (s === status) continue;
      const before = g.paged.length + g.pinned.length;
      g.paged = g.paged.filter((c) => !ids.has(c.sim_card_id));
      g.pinned = g.pinned.filter((c) => !ids.has(c.sim_card_id));
      removed ||= g.paged.length + g.pinned.length !== before;
    }
    return removed;
  }
}

function emptyGroup(): Group {
  return { pinned: [], paged: [], pagesLoaded: 0, pageSize: 100 };
}
