/**
 * Paging over GSL lists, where `offset` is a 1-based page number and `limit` is 10–500.
 * The first page tells the total (`count`); the rest are fetched through a sliding window
 * of at most `concurrency` requests, and yielded strictly in page order.
 */
import { GslError } from './errors';

export const MIN_LIMIT = 10;
export const MAX_LIMIT = 500;
export const MAX_OFFSET = 1_000_000;
/** Pages in flight at once when a caller does not say. */
export const DEFAULT_PAGE_CONCURRENCY = 4;

export interface PageResult<T> {
  count: number;
  items: T[];
}

export interface PaginateOptions {
  pageSize?: number;
  concurrency?: number;
  signal?: AbortSignal;
  /** Name used in errors. */
  operation?: string;
  /** Told the total once the first page is in, before its items are yielded. */
  onCount?: (count: number) => void;
  /** Told as each page's fetch starts. */
  onRequest?: () => void;
}

/**
 * Fetch page `offset` (from 1) of `limit` items; must honour the signal. A fetcher may call
 * `answered` as soon as the server has answered (headers in, body still arriving): the page
 * then stops counting against the concurrency, so the next request goes out while this
 * one's body is read and parsed.
 */
export type PageFetcher<T> = (page: { offset: number; limit: number }, signal: AbortSignal, answered?: () => void) => Promise<PageResult<T>>;

export function validateLimit(limit: number | undefined, operation: string): void {
  if (limit === undefined) return;
  if (!Number.isInteger(limit) || limit < MIN_LIMIT || limit > MAX_LIMIT) {
    throw new GslError({
      kind: 'config',
      operation,
      explanation: `Page size (limit) must be a whole number from ${MIN_LIMIT} to ${MAX_LIMIT}; got ${String(limit)}.`,
    });
  }
}

export function validateOffset(offset: number | undefined, operation: string): void {
  if (offset === undefined) return;
  if (!Number.isInteger(offset) || offset < 1 || offset > MAX_OFFSET) {
    throw new GslError({
      kind: 'config',
      operation,
      explanation: `Page number (offset) must be a whole number from 1 to ${MAX_OFFSET}; got ${String(offset)}.`,
    });
  }
}

/**
 * Every page of a list, in order. Breaking out of the loop (or aborting the signal)
 * cancels the requests still in flight.
 */
export async function* paginate<T>(fetchPage: PageFetcher<T>, options: PaginateOptions = {}): AsyncGenerator<T[], void, undefined> {
  const operation = options.operation ?? 'List';
  const limit = options.pageSize ?? MAX_LIMIT;
  validateLimit(limit, operation);
  const concurrency = options.concurrency ?? DEFAULT_PAGE_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new GslError({ kind: 'config', operation, explanation: `Page concurrency must be a whole number of at least 1; got ${String(concurrency)}.` });
  }

  // Our own controller, so stopping early cancels in-flight pages without touching the caller's signal.
  const controller = new AbortController();
  const outer = options.signal;
  const onOuterAbort = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) onOuterAbort();
  else outer?.addEventListener('abort', onOuterAbort, { once: true });

  // Pages launched and not yet yielded. `concurrency` bounds the requests waiting for the
  // server. A slot is refilled as soon as its page is answered, not when the page at the
  // head of the order is: waiting for the head would
  // make the window move in lock-step bursts, so every page's parsing would queue behind
  // the others instead of overlapping with the round trips still in flight.
  const launched = new Map<number, Promise<PageResult<T>>>();
  let active = 0;
  let stopped = false;
  try {
    options.onRequest?.();
    const first = await fetchPage({ offset: 1, limit }, controller.signal);
    options.onCount?.(first.count);
    yield first.items;
    const pages = Math.min(MAX_OFFSET, Math.ceil(first.count / limit));
    if (pages <= 1 || first.items.length === 0) return;

    let next = 2;
    let head = 2;
    const launch = (): void => {
      // Read-ahead stays bounded (at most concurrency + 1 pages launched and not yet yielded)
      // so a slow head page cannot make finished pages pile up in memory.
      while (!stopped && next <= pages && active < concurrency && next < head + concurrency + 1) {
        const offset = next++;
        active++;
        let freed = false;
        const free = (): void => {
          if (freed) return;
          freed = true;
          active--;
          launch();
        };
        options.onRequest?.();
        const p = fetchPage({ offset, limit }, controller.signal, free);
        launched.set(offset, p);
        // Rejections are observed when the page's turn comes; this also stops an early
        // rejection from being reported as unhandled meanwhile.
        p.catch(() => undefined).finally(free);
      }
    };
    for (; head <= pages; head++) {
      launch();
      const page = await (launched.get(head) as Promise<PageResult<T>>);
      launched.delete(head);
      // The list can shrink while we read it; an empty page means we are past the end.
      if (page.items.length === 0) return;
      yield page.items;
    }
  } finally {
    stopped = true;
    outer?.removeEventListener('abort', onOuterAbort);
    if (active > 0) controller.abort(new Error('paging stopped'));
  }
}
