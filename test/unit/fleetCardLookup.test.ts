// Identifiers to cards against the simulator over real HTTP, counting what reaches the server:
// a file with many identifiers must cost one read of the fleet, never one request each, and an
// identifier the fleet does not hold must be remembered as such.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CardIdentifier } from '../../src/core/identifiers';
import { identifierKey } from '../../src/core/identifiers';
import { luhnValid } from '../../src/gsl/luhn';
import { CardLookup } from '../../src/fleet/cardLookup';
import type { RunningSimulator } from '../../src/simulator/index';
import { accountsOf } from './helpers/accounts';
import { clientFor, withSim } from './helpers/clientSim';

const LIST = 'GET /v1/sim-cards';

const withCheck = (body: string): string => body + [...'0123456789'].find((d) => luhnValid(body + d))!;
/** A valid ICCID no generated fleet holds (the generator's issuer codes are 898600–898611). */
const strangerIccid = (n: number): string => withCheck(`89869${String(n).padStart(14, '0')}`);

function idsOf(sim: RunningSimulator, from: number, count: number): CardIdentifier[] {
  return sim.store.allCards().slice(from, from + count).map((c, i): CardIdentifier => {
    switch (i % 4) {
      case 0:
      case 1:
        return { kind: 'iccid', value: c.vo.iccid };
      case 2:
        return c.vo.imei ? { kind: 'imei', value: c.vo.imei } : { kind: 'iccid', value: c.vo.iccid };
      default:
        return { kind: 'msisdn', value: c.vo.msisdn! };
    }
  });
}

test('one identifier: one search, answered with the full card and its account', async () => {
  await withSim({ cards: 300, seed: 3 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    const lookup = new CardLookup({ accounts: accountsOf(['demo', client]), notFoundTtlMs: () => 60_000 });
    try {
      const card = sim.store.card(17).vo;
      sim.resetStats();
      const r = await lookup.resolveOne({ kind: 'iccid', value: card.iccid }, { urgent: true });
      assert.equal(r.state, 'found');
      assert.equal(r.state === 'found' && r.found.card.sim_card_id, card.sim_card_id);
      assert.equal(r.state === 'found' && r.found.accountId, 'demo');
      assert.equal(sim.stats().operations[LIST], 1);
      // Found under every identifier it carries: its IMSI and MSISDN need no request now.
      assert.equal(lookup.peek({ kind: 'imsi', value: card.imsi! })?.state, 'found');
      assert.equal(lookup.peek({ kind: 'msisdn', value: card.msisdn! })?.state, 'found');
      assert.equal(sim.stats().requests, 1);
    } finally {
      lookup.dispose();
      await client.dispose();
    }
  });
});

test('an identifier not in the fleet is remembered as such until its time is up', async () => {
  await withSim({ cards: 200, seed: 4 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    let now = 1_000_000;
    const lookup = new CardLookup({ accounts: accountsOf(['demo', client]), notFoundTtlMs: () => 10 * 60_000, now: () => now });
    try {
      const stranger: CardIdentifier = { kind: 'iccid', value: strangerIccid(1) };
      sim.resetStats();
      assert.equal((await lookup.resolveOne(stranger)).state, 'absent');
      assert.equal(sim.stats().requests, 1);
      assert.deepEqual(lookup.peek(stranger), { state: 'absent' });
      assert.equal((await lookup.resolveOne(stranger)).state, 'absent');
      assert.equal(sim.stats().requests, 1, 'no second request while it is remembered');
      now += 10 * 60_000;
      assert.equal(lookup.peek(stranger), undefined, 'forgotten after the TTL');
      assert.equal((await lookup.resolveOne(stranger)).state, 'absent');
      assert.equal(sim.stats().requests, 2);
    } finally {
      lookup.dispose();
      await client.dispose();
    }
  });
});

test('1,000 identifiers: one read of the fleet (⌈cards / 500⌉ pages), each answered, strangers absent', async () => {
  await withSim({ cards: 2000, seed: 5 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    const lookup = new CardLookup({ accounts: accountsOf(['demo', client]), notFoundTtlMs: () => 60_000 });
    try {
      const known = idsOf(sim, 0, 980);
      const imsis = sim.store.allCards().slice(1000, 1010).map((c): CardIdentifier => ({ kind: 'imsi', value: c.vo.imsi! }));
      const strangers = Array.from({ length: 10 }, (_, i): CardIdentifier => ({ kind: 'iccid', value: strangerIccid(i) }));
      sim.resetStats();
      const results = await lookup.resolve([...known, ...imsis, ...strangers]);
      assert.equal(sim.stats().operations[LIST], 4, '2,000 cards in 4 pages of 500');
      assert.equal(sim.stats().requests, 4);
      assert.deepEqual(lookup.stats, { requests: 4, searches: 0, pages: 4, reads: 1 });
      for (const id of [...known, ...imsis]) assert.equal(results.get(identifierKey(id))?.state, 'found', `${id.kind} ${id.value}`);
      for (const id of strangers) assert.equal(results.get(identifierKey(id))?.state, 'absent');
      // The same file again costs nothing.
      await lookup.resolve([...known, ...strangers]);
      assert.equal(sim.stats().requests, 4);
    } finally {
      lookup.dispose();
      await client.dispose();
    }
  });
});

test('a read that would cost more than searching stops after its first page and searches the rest', async () => {
  await withSim({ cards: 5000, seed: 6 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    const lookup = new CardLookup({ accounts: accountsOf(['demo', client]), notFoundTtlMs: () => 60_000 });
    try {
      // Nine identifiers far into the fleet: more than a few, fewer than its 9 remaining pages.
      const ids = sim.store.allCards().slice(4000, 4009).map((c): CardIdentifier => ({ kind: 'iccid', value: c.vo.iccid }));
      sim.resetStats();
      const results = await lookup.resolve(ids);
      assert.ok([...results.values()].every((r) => r.state === 'found'));
      assert.deepEqual(lookup.stats, { requests: 10, searches: 9, pages: 1, reads: 1 });
      // Now that the size is known, nine more go straight to searches.
      const more = sim.store.allCards().slice(4100, 4109).map((c): CardIdentifier => ({ kind: 'iccid', value: c.vo.iccid }));
      await lookup.resolve(more);
      assert.deepEqual(lookup.stats, { requests: 19, searches: 18, pages: 1, reads: 1 });
    } finally {
      lookup.dispose();
      await client.dispose();
    }
  });
});

test('a fleet too large to read: identifiers are searched, IMSIs cannot be looked up (and are not read for)', async () => {
  await withSim({ cards: 1200, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    const lookup = new CardLookup({ accounts: accountsOf(['demo', client]), notFoundTtlMs: () => 60_000, readMaxCards: 1000 });
    try {
      const ids = [...idsOf(sim, 600, 12), { kind: 'imsi', value: sim.store.card(900).vo.imsi! } as CardIdentifier];
      sim.resetStats();
      const results = await lookup.resolve(ids);
      assert.equal(results.get(identifierKey(ids[12]))?.state, 'unknown');
      assert.deepEqual(results.get(identifierKey(ids[12])), { state: 'unknown', reason: 'tooLarge' });
      for (const id of ids.slice(0, 12)) assert.equal(results.get(identifierKey(id))?.state, 'found');
      assert.deepEqual(lookup.stats, { requests: 13, searches: 12, pages: 1, reads: 1 });
    } finally {
      lookup.dispose();
      await client.dispose();
    }
  });
});

test('a caller that stops waiting before the batch is sent costs no request', async () => {
  await withSim({ cards: 100, seed: 8 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    const lookup = new CardLookup({ accounts: accountsOf(['demo', client]), notFoundTtlMs: () => 60_000 });
    try {
      const controller = new AbortController();
      sim.resetStats();
      const pending = lookup.resolve(idsOf(sim, 0, 20), { signal: controller.signal });
      controller.abort();
      const results = await pending;
      assert.ok([...results.values()].every((r) => r.state === 'unknown' && r.reason === 'cancelled'));
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(sim.stats().requests, 0);
    } finally {
      lookup.dispose();
      await client.dispose();
    }
  });
});

test('several accounts: each card is found with the account it belongs to; absent only when no account has it', async () => {
  await withSim({ cards: 100, seed: 9 }, async (a) => {
    await withSim({ cards: 100, seed: 10 }, async (b) => {
      const ca = clientFor(a, 'aksk').client;
      const cb = clientFor(b, 'aksk').client;
      const lookup = new CardLookup({ accounts: accountsOf(['a', ca], ['b', cb]), notFoundTtlMs: () => 60_000 });
      try {
        const inB: CardIdentifier = { kind: 'iccid', value: b.store.card(5).vo.iccid };
        const stranger: CardIdentifier = { kind: 'iccid', value: strangerIccid(3) };
        const r = await lookup.resolve([inB, stranger]);
        const found = r.get(identifierKey(inB));
        assert.equal(found?.state === 'found' && found.found.accountId, 'b');
        assert.equal(r.get(identifierKey(stranger))?.state, 'absent');
      } finally {
        lookup.dispose();
        await Promise.all([ca.dispose(), cb.dispose()]);
      }
    });
  });
});

test('changed cards are asked for again; a signed-out account takes its cache with it', async () => {
  await withSim({ cards: 100, seed: 11 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    const accounts = accountsOf(['demo', client]);
    const lookup = new CardLookup({ accounts, notFoundTtlMs: () => 60_000 });
    try {
      const card = sim.store.card(2).vo;
      const id: CardIdentifier = { kind: 'iccid', value: card.iccid };
      await lookup.resolveOne(id);
      lookup.invalidate([card.sim_card_id]);
      assert.equal(lookup.peek(id), undefined);
      await lookup.resolveOne(id);
      assert.equal(lookup.peek(id)?.state, 'found');
      accounts.list.length = 0;
      accounts.changed.fire();
      assert.equal(lookup.peek(id), undefined);
      assert.deepEqual(await lookup.resolveOne(id), { state: 'unknown', reason: 'signedOut' });
    } finally {
      lookup.dispose();
      await client.dispose();
    }
  });
});

test('a read stops as soon as every identifier is found, and counts exactly what it sent', async () => {
  await withSim({ cards: 2000, seed: 12 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    const lookup = new CardLookup({ accounts: accountsOf(['demo', client]), notFoundTtlMs: () => 60_000 });
    try {
      // Twelve cards of the first page, one by IMSI: a read, which the first page answers.
      const ids = [...idsOf(sim, 0, 11), { kind: 'imsi', value: sim.store.card(20).vo.imsi! } as CardIdentifier];
      sim.resetStats();
      const results = await lookup.resolve(ids);
      assert.ok([...results.values()].every((r) => r.state === 'found'));
      assert.equal(sim.stats().requests, 1);
      assert.deepEqual(lookup.stats, { requests: 1, searches: 0, pages: 1, reads: 1 });
    } finally {
      lookup.dispose();
      await client.dispose();
    }
  });
});
