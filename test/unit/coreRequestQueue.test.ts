// The one engine behind every card action: each request once, a few at a time, in order, and
// cancellable between requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sendEach } from '../../src/core/requestQueue';

test('every item is sent exactly once, at most `concurrency` at a time, outcomes in list order', async () => {
  let inFlight = 0;
  let peak = 0;
  const sent: number[] = [];
  const outcomes = await sendEach(
    Array.from({ length: 20 }, (_, i) => i),
    async (i) => {
      sent.push(i);
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, (i * 7) % 5));
      inFlight--;
      if (i === 3) throw new Error('refused');
      return i * 2;
    },
    { concurrency: 4 },
  );
  assert.equal(peak, 4);
  assert.deepEqual([...sent].sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i));
  assert.deepEqual(outcomes[2], { ok: true, value: 4 });
  assert.equal(outcomes[3]?.ok, false);
  assert.equal(outcomes.filter((o) => o?.ok).length, 19);
});

test('a failed request is never sent again', async () => {
  let calls = 0;
  const [o] = await sendEach([1], async () => {
    calls++;
    throw new Error('connection reset');
  }, { concurrency: 4 });
  assert.equal(calls, 1);
  assert.equal(o?.ok, false);
});

test('cancelling stops new requests; those in flight finish; the rest are left unsent', async () => {
  let cancelled = false;
  const outcomes = await sendEach(
    Array.from({ length: 10 }, (_, i) => i),
    async (i) => {
      if (i === 2) cancelled = true;
      return i;
    },
    { concurrency: 1, isCancelled: () => cancelled },
  );
  assert.deepEqual(outcomes.map((o) => o?.ok ?? 'unsent'), [true, true, true, 'unsent', 'unsent', 'unsent', 'unsent', 'unsent', 'unsent', 'unsent']);
});
