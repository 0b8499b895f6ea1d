/**
 * Sends a list of requests, each exactly once, a few at a time: the one engine behind every card
 * action, whether one request per card (work orders, reads) or one per chunk of cards (batch
 * APIs). A failed request is never sent again; cancelling stops new requests from starting (the
 * ones in flight finish), so nothing is left half-known. Outcomes keep the order of the list.
 */
import { DEFAULT_PAGE_CONCURRENCY } from '../gsl/paging';

export type SentOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface SendOptions<T> {
  /** Requests in flight at once (at least 1). */
  concurrency: number;
  /** Checked before each request starts. */
  isCancelled?: () => boolean;
  /** Called as each request ends, in the order they end. */
  onSettled?: (index: number, outcome: SentOutcome<T>) => void;
}

/** Outcomes by index; `undefined` where a request was never started (cancelled). */
export async function sendEach<I, T>(items: readonly I[], send: (item: I, index: number) => Promise<T>, options: SendOptions<T>): Promise<Array<SentOutcome<T> | undefined>> {
  const outcomes: Array<SentOutcome<T> | undefined> = new Array(items.length).fill(undefined);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      if (options.isCancelled?.()) return;
      const i = next++;
      let outcome: SentOutcome<T>;
      try {
        outcome = { ok: true, value: await send(items[i], i) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      outcomes[i] = outcome;
      options.onSettled?.(i, outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, items.length)) }, worker));
  return outcomes;
}

/** How many requests SIM Fleet keeps in flight for one action: as many as it pages with. */
export const ACTION_CONCURRENCY = DEFAULT_PAGE_CONCURRENCY;
