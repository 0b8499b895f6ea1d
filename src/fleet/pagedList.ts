/**
 * A list the API gives page by page (offset is a 1-based page number): what is loaded, the total,
 * whether more remain, and the last error. One load in flight at a time; an answer that arrives
 * after a reset is dropped. The Work Orders view's orders and each order's lines use it. Plain
 * Node (no `vscode`).
 */
import type { PageResult } from '../gsl/paging';

export type PageReader<T> = (page: { offset: number; limit: number }) => Promise<PageResult<T>>;

export class PagedList<T> {
  private loadedItems: T[] = [];
  private total: number | undefined;
  private failure: unknown;
  private pages = 0;
  private generation = 0;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly read: PageReader<T>,
    private readonly pageSize: () => number,
    private readonly changed: () => void,
  ) {}

  get items(): readonly T[] {
    return this.loadedItems;
  }

  /** The total the API gave with the last page, once one arrived. */
  get count(): number | undefined {
    return this.total;
  }

  /** The last load's error, until a load succeeds. */
  get error(): unknown {
    return this.failure;
  }

  /** Whether a first page (or its error) came back. */
  get settled(): boolean {
    return this.pages > 0 || this.failure !== undefined;
  }

  get hasMore(): boolean {
    return this.total !== undefined && this.loadedItems.length < this.total;
  }

  /** The first page, unless one is loaded or on its way. */
  load(): Promise<void> {
    if (this.pages > 0) return Promise.resolve();
    return this.next();
  }

  /** The next page (the first when none is loaded). */
  loadMore(): Promise<void> {
    return this.next();
  }

  /** Forgets what is loaded; the next look reads the first page again. */
  reset(): void {
    this.generation++;
    this.loadedItems = [];
    this.total = undefined;
    this.failure = undefined;
    this.pages = 0;
    this.inFlight = undefined;
  }

  /** Puts a fresher copy of a loaded item in its place (found by `same`); false when it is not loaded. */
  replace(item: T, same: (a: T) => boolean): boolean {
    const i = this.loadedItems.findIndex(same);
    if (i < 0) return false;
    this.loadedItems = [...this.loadedItems.slice(0, i), item, ...this.loadedItems.slice(i + 1)];
    return true;
  }

  /** Adds an item before the loaded ones (one that appeared since the first page was read). */
  prepend(item: T): void {
    this.loadedItems = [item, ...this.loadedItems];
    if (this.total !== undefined) this.total++;
  }

  private next(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const generation = this.generation;
    const offset = this.pages + 1;
    const work = this.read({ offset, limit: this.pageSize() }).then(
      (page) => {
        if (generation !== this.generation) return;
        this.loadedItems = [...this.loadedItems, ...page.items];
        this.total = page.count;
        this.pages = offset;
        this.failure = undefined;
      },
      (err: unknown) => {
        if (generation !== this.generation) return;
        this.failure = err;
      },
    );
    const done = work.finally(() => {
      if (this.inFlight === done) this.inFlight = undefined;
      if (generation === this.generation) this.changed();
    });
    this.inFlight = done;
    return done;
  }
}
