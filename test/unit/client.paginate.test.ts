// The generic paginate helper on its own: order, the sliding window bound, early stop.
// The fetcher here is a plain in-process list, so these tests isolate the window logic;
// the same helper runs against the simulator over HTTP in client.paging.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GslError, paginate } from '../../src/gsl/index';
import type { PageFetcher } from '../../src/gsl/index';

function listOf(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

/** A fetcher over a fixed list that resolves pages out of order and records concurrency. */
function recorder(items: number[]) {
  const state = { inFlight: 0, maxInFlight: 0, started: [] as number[], aborted: 0 };
  const fetch: PageFetcher<number> = async ({ offset, limit }, signal) => {
    state.started.push(offset);
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    try {
      // Later pages finish first, so yielding in order is the helper's doing.
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(resolve, Math.max(1, 20 - (offset % 7) * 3));
        signal.addEventListener('abort', () => {
          clearTimeout(t);
          state.aborted++;
          reject(signal.reason);
        }, { once: true });
      });
      return { count: items.length, items: items.slice((offset - 1) * limit, offset * limit) };
    } finally {
      state.inFlight--;
    }
  };
  return { fetch, state };
}

test('pages come out in order with at most `concurrency` requests in flight', async () => {
  const items = listOf(1234);
  const { fetch, state } = recorder(items);
  const seen: number[] = [];
  for await (const page of paginate(fetch, { pageSize: 10, concurrency: 3 })) seen.push(...page);
  assert.deepEqual(seen, items);
  assert.equal(state.maxInFlight, 3);
  assert.equal(state.started.length, 124);
});

test('a single page, and an empty list, end after the first request', async () => {
  for (const n of [0, 7, 10]) {
    const { fetch, state } = recorder(listOf(n));
    const pages: number[][] = [];
    for await (const p of paginate(fetch, { pageSize: 10 })) pages.push(p);
    assert.equal(state.started.length, 1);
    assert.deepEqual(pages.flat(), listOf(n));
  }
});

test('breaking out early cancels the pages still in flight', async () => {
  const { fetch, state } = recorder(listOf(5000));
  let pages = 0;
  let startedAtBreak = 0;
  for await (const _page of paginate(fetch, { pageSize: 10, concurrency: 4 })) {
    if (++pages === 3) {
      startedAtBreak = state.started.length;
      break;
    }
  }
  assert.equal(pages, 3);
  assert.ok(state.aborted >= 1, 'in-flight pages were aborted');
  // Read-ahead is bounded: at most concurrency + 1 pages launched and not yet yielded.
  assert.ok(startedAtBreak <= 3 + 4 + 1, `read-ahead stayed bounded (${startedAtBreak} started)`);
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(state.started.length, startedAtBreak, 'no new pages after the break');
  assert.equal(state.inFlight, 0);
});

test('a failing page surfaces its error to the consumer, in order', async () => {
  const items = listOf(100);
  const fetch: PageFetcher<number> = async ({ offset, limit }) => {
    if (offset === 4) throw new GslError({ kind: 'http', operation: 'List', status: 400 });
    return { count: items.length, items: items.slice((offset - 1) * limit, offset * limit) };
  };
  const seen: number[] = [];
  await assert.rejects(async () => {
    for await (const p of paginate(fetch, { pageSize: 10 })) seen.push(...p);
  }, (e: unknown) => e instanceof GslError && e.status === 400);
  assert.deepEqual(seen, listOf(30));
});

test('page size and concurrency are validated', async () => {
  const { fetch } = recorder(listOf(10));
  for (const [opts, re] of [[{ pageSize: 9 }, /10 to 500/], [{ pageSize: 501 }, /10 to 500/], [{ concurrency: 0 }, /concurrency/]] as const) {
    await assert.rejects(async () => {
      for await (const _ of paginate(fetch, opts)) { /* drain */ }
    }, (e: unknown) => e instanceof GslError && e.kind === 'config' && re.test(e.message));
  }
});
