// Paging the card list through the simulator: a 100,000-card fleet read whole, in the
// requested order, with no card lost or repeated; early stop; count and page validation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GslError } from '../../src/gsl/index';
import { clientFor, seen, withSim } from './helpers/clientSim';

test('iterating a 100,000-card fleet yields every card once, in the requested sort order', async () => {
  await withSim({ cards: 100_000, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk', { concurrency: 4 });
    try {
      const ids = new Set<string>();
      const cids: string[] = [];
      let pages = 0;
      for await (const page of client.iterateSimCards({ sort: 'cid', order: 'asc' }, { pageSize: 500 })) {
        pages++;
        for (const c of page) {
          ids.add(c.sim_card_id);
          cids.push(c.cid ?? '');
        }
      }
      assert.equal(pages, 200);
      assert.equal(cids.length, 100_000);
      assert.equal(ids.size, 100_000);
      for (let i = 1; i < cids.length; i++) assert.ok(cids[i - 1] <= cids[i], `cid order broken at ${i}`);
      assert.equal(seen(sim, 'GET /v1/sim-cards'), 200);
    } finally {
      await client.dispose();
    }
  });
});

test('descending order by usage is honoured across pages', async () => {
  await withSim({ cards: 3000, seed: 11 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    try {
      const used: number[] = [];
      for await (const page of client.iterateSimCards({ sort: 'flow_used', order: 'desc' }, { pageSize: 100, concurrency: 3 })) {
        used.push(...page.map((c) => c.flow_used ?? 0));
      }
      assert.equal(used.length, 3000);
      for (let i = 1; i < used.length; i++) assert.ok(used[i - 1] >= used[i], `flow_used order broken at ${i}`);
    } finally {
      await client.dispose();
    }
  });
});

test('breaking out early stops paging: no further pages are requested', async () => {
  await withSim({ cards: 20_000, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    try {
      let got = 0;
      for await (const page of client.iterateSimCards({}, { pageSize: 100, concurrency: 4 })) {
        got += page.length;
        if (got >= 300) break;
      }
      assert.equal(got, 300);
      // Three pages consumed; at most `concurrency` more were in flight when the loop broke
      // (they may still reach the server after the break, so let them land first).
      await new Promise((r) => setTimeout(r, 200));
      const requested = seen(sim, 'GET /v1/sim-cards');
      assert.ok(requested >= 3 && requested <= 3 + 4, `requested ${requested}`);
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(seen(sim, 'GET /v1/sim-cards'), requested, 'nothing more after the break');
    } finally {
      await client.dispose();
    }
  });
});

test('aborting the signal ends the iteration with an aborted error', async () => {
  await withSim({ cards: 5000, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    const controller = new AbortController();
    try {
      let pages = 0;
      await assert.rejects(async () => {
        for await (const _page of client.iterateSimCards({}, { pageSize: 100, signal: controller.signal })) {
          if (++pages === 2) controller.abort();
        }
      }, (e: unknown) => e instanceof GslError && e.kind === 'aborted');
      assert.equal(pages, 2);
    } finally {
      await client.dispose();
    }
  });
});

test('a filtered fleet pages to exactly its count, and countSimCards agrees', async () => {
  await withSim({ cards: 5000, seed: 3 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    try {
      const count = await client.countSimCards({ sim_status: 14 });
      assert.ok(count > 0 && count < 5000);
      let n = 0;
      for await (const page of client.iterateSimCards({ sim_status: 14 }, { pageSize: 10 })) {
        assert.ok(page.every((c) => c.sim_status === 14));
        n += page.length;
      }
      assert.equal(n, count);
    } finally {
      await client.dispose();
    }
  });
});

test('an invalid page size is refused before any request', async () => {
  await withSim({ cards: 100, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    try {
      await assert.rejects(async () => {
        for await (const _ of client.iterateSimCards({}, { pageSize: 1000 })) { /* drain */ }
      }, (e: unknown) => e instanceof GslError && e.kind === 'config' && /10 to 500/.test(e.message));
      assert.equal(seen(sim, 'GET /v1/sim-cards'), 0);
    } finally {
      await client.dispose();
    }
  });
});
