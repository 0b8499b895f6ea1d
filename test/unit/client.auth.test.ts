// IAM tokens (fetch, share, renew ahead of expiry, replay once after APIGW.0307) and AK/SK
// signing, against the simulator's gateway; and that no secret ever reaches the log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GslClient, GslError } from '../../src/gsl/index';
import type { Credentials } from '../../src/gsl/index';
import { clientFor, credentialsFor, seen, withSim } from './helpers/clientSim';

const TOKENS = 'POST /v3/auth/tokens';
const TAGS = 'GET /v1/tags';
const HOUR = 3_600_000;

test('one IAM token serves many calls, and concurrent callers share one token request', async () => {
  await withSim({ cards: 200, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'iam');
    try {
      const results = await Promise.all(Array.from({ length: 8 }, () => client.listTags({})));
      assert.equal(results.length, 8);
      await client.listSimCards({ limit: 10 });
      assert.equal(seen(sim, TOKENS), 1);
      assert.equal(seen(sim, TAGS), 8);
      assert.equal(sim.stats().authFailures, 0);
    } finally {
      await client.dispose();
    }
  });
});

test('the token is renewed ahead of its expiry, before the gateway would refuse it', async () => {
  let clock = Date.UTC(2026, 0, 15, 8, 0, 0);
  const now = () => clock;
  await withSim({ cards: 200, seed: 7, now }, async (sim) => {
    const { client } = clientFor(sim, 'iam', { now });
    try {
      await client.listTags({});
      clock += 22 * HOUR; // 2 h of the 24 h left: still used
      await client.listTags({});
      assert.equal(seen(sim, TOKENS), 1);
      clock += 1.5 * HOUR; // 30 min left: renewed first
      await client.listTags({});
      assert.equal(seen(sim, TOKENS), 2);
      assert.equal(sim.stats().statuses['401'] ?? 0, 0, 'no request went out with an expired token');
      assert.equal(seen(sim, TAGS), 3);
    } finally {
      await client.dispose();
    }
  });
});

test('a 401 APIGW.0307 renews the token and replays the request once, mutations included', async () => {
  // The simulator's clock runs 25 h ahead of the client's, so the client believes its
  // cached token is fresh while the gateway finds it expired: the renewal-by-401 path.
  let clock = Date.UTC(2026, 0, 15, 8, 0, 0);
  let simAhead = 0;
  await withSim({ cards: 300, seed: 7, now: () => clock + simAhead }, async (sim) => {
    const { client } = clientFor(sim, 'iam', { now: () => clock });
    try {
      await client.listTags({});
      simAhead = 25 * HOUR;
      const tags = await client.listTags({});
      assert.ok(Array.isArray(tags.tags));
      assert.equal(seen(sim, TOKENS), 2);
      assert.equal(seen(sim, TAGS), 3);
      assert.equal(sim.stats().statuses['401'], 1);

      // The same for a mutation: the refused request never reached GSL, so one replay
      // creates exactly one work order.
      const page = await client.listSimCards({ sim_status: 20, limit: 10 });
      const card = page.sim_cards[0];
      simAhead = 50 * HOUR;
      clock += 1000;
      const wo = await client.stopSimCard({ sim_card_id: card.sim_card_id });
      assert.match(wo.work_order_id, /^\d+$/);
      assert.equal(seen(sim, 'POST /v1/sim-cards/{id}/stop'), 2);
      assert.equal(sim.stats().workOrders, 1);
      assert.equal(seen(sim, TOKENS), 3);
    } finally {
      await client.dispose();
    }
  });
});

test('a token refused again after the replay is reported, not replayed forever', async () => {
  // Every reading of the simulator clock is two days later: each token has expired by the
  // time it is used.
  let simClock = Date.UTC(2026, 0, 15, 8, 0, 0);
  await withSim({ cards: 100, seed: 7, now: () => (simClock += 48 * HOUR) }, async (sim) => {
    const { client } = clientFor(sim, 'iam');
    try {
      const e = (await client.listTags({}).catch((x: unknown) => x)) as GslError;
      assert.ok(e instanceof GslError);
      assert.equal(e.kind, 'auth');
      assert.equal(e.status, 401);
      assert.equal(e.code, 'APIGW.0307');
      assert.match(e.explanation, /expired/);
      assert.match(e.requestId ?? '', /^\w+$/);
      assert.equal(seen(sim, TAGS), 2, 'the original and exactly one replay');
      assert.equal(seen(sim, TOKENS), 2);
    } finally {
      await client.dispose();
    }
  });
});

test('invalidateToken and signOut make the next call sign in again', async () => {
  await withSim({ cards: 100, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'iam');
    try {
      await client.listTags({});
      client.invalidateToken();
      await client.listTags({});
      client.signOut();
      await client.listTags({});
      assert.equal(seen(sim, TOKENS), 3);
    } finally {
      await client.dispose();
    }
  });
});

test('changed credentials are not served a token cached for the old ones', async () => {
  await withSim({ cards: 100, seed: 7 }, async (sim) => {
    let creds: Credentials = credentialsFor(sim, 'iam');
    const client = new GslClient({ endpoints: { gsl: sim.info.endpoint, iam: sim.info.iamEndpoint }, credentials: { get: async () => creds } });
    try {
      await client.listTags({});
      creds = { ...creds, password: 'wrong-password' } as Credentials;
      const e = (await client.listTags({}).catch((x: unknown) => x)) as GslError;
      assert.equal(e.kind, 'auth');
      assert.equal(seen(sim, TOKENS), 2);
    } finally {
      await client.dispose();
    }
  });
});

test('a wrong IAM password is an auth error from the nested IAM envelope, asked once', async () => {
  await withSim({ cards: 100, seed: 7 }, async (sim) => {
    const creds = { ...credentialsFor(sim, 'iam'), password: 'not-the-password' } as Credentials;
    const client = new GslClient({ endpoints: { gsl: sim.info.endpoint, iam: sim.info.iamEndpoint }, credentials: { get: async () => creds } });
    try {
      const e = (await client.listTags({}).catch((x: unknown) => x)) as GslError;
      assert.ok(e instanceof GslError);
      assert.equal(e.kind, 'auth');
      assert.equal(e.status, 401);
      assert.match(e.errorMsg ?? '', /username or password/);
      assert.match(e.explanation, /password/);
      assert.equal(seen(sim, TOKENS), 1);
      assert.equal(seen(sim, TAGS), 0);
    } finally {
      await client.dispose();
    }
  });
});

test('AK/SK: signed requests pass the gateway; a wrong secret key is refused and not replayed', async () => {
  await withSim({ cards: 100, seed: 7 }, async (sim) => {
    const good = clientFor(sim, 'aksk').client;
    const creds = { ...credentialsFor(sim, 'aksk'), sk: 'not-the-secret-key-0000000000000000' } as Credentials;
    const bad = new GslClient({ endpoints: { gsl: sim.info.endpoint, iam: sim.info.iamEndpoint }, credentials: { get: async () => creds } });
    try {
      // A query with repeated keys, a space and a plus sign, and a body: all covered by the signature.
      await good.listSimCards({ tag_id: ['12', '7'], main_search_key: '8986 01+x', real_named: false, limit: 10 });
      await good.showMonthUsages({ sim_card_ids: ['1'], billing_cycles: [new Date().toISOString().slice(0, 7)] }).catch((e: unknown) => {
        // An unknown card is a business error from GSL, which proves the signature passed.
        assert.ok(e instanceof GslError && e.code === 'GSL.00011001', String(e));
      });
      assert.equal(sim.stats().authFailures, 0);
      const e = (await bad.listTags({}).catch((x: unknown) => x)) as GslError;
      assert.equal(e.kind, 'auth');
      assert.equal(e.code, 'APIGW.0301');
      assert.match(e.explanation, /signature/);
      assert.equal(seen(sim, TAGS), 1);
      assert.equal(seen(sim, TOKENS), 0);
    } finally {
      await good.dispose();
      await bad.dispose();
    }
  });
});

test('log lines name method, path, status, time and request id, and never a secret', async () => {
  await withSim({ cards: 200, seed: 7 }, async (sim) => {
    const iam = clientFor(sim, 'iam');
    const aksk = clientFor(sim, 'aksk');
    const badCreds = { ...credentialsFor(sim, 'iam'), password: 'Wr0ng-Secret-Pass' } as Credentials;
    const badLines: string[] = [];
    const bad = new GslClient({ endpoints: { gsl: sim.info.endpoint, iam: sim.info.iamEndpoint }, credentials: { get: async () => badCreds }, log: (l) => badLines.push(l) });
    try {
      await iam.client.listSimCards({ main_search_key: sim.info.password, limit: 10 }).catch(() => undefined);
      await iam.client.listTags({});
      iam.client.invalidateToken();
      await iam.client.resetSimCard({ sim_card_id: '1' }).catch(() => undefined);
      await aksk.client.listTags({});
      await aksk.client.createTag('log-test');
      sim.setFaults({ errorRate: 1, errorStatus: 503, pathPattern: '^/v1/attributes$', times: 1 });
      await aksk.client.listAttributes({});
      sim.setFaults(undefined);
      await bad.listTags({}).catch(() => undefined);

      const lines = [...iam.lines, ...aksk.lines, ...badLines];
      assert.ok(lines.length >= 9);
      const forbidden = [sim.info.password, sim.info.sk, 'Wr0ng-Secret-Pass', 'MIIDsim', 'Signature=', 'SDK-HMAC', 'X-Auth-Token', 'Authorization'];
      for (const line of lines) {
        for (const secret of forbidden) assert.ok(!line.includes(secret), `log line leaks ${secret}: ${line}`);
      }
      const exchanges = lines.filter((l) => !/ retry /.test(l));
      for (const l of exchanges) assert.match(l, /^(GET|POST|PUT|DELETE) \/\S+ \d{3} \d+ms request-id=\w+$/, l);
      assert.ok(lines.some((l) => /^POST \/v3\/auth\/tokens 201 /.test(l)));
      assert.ok(lines.some((l) => /^GET \/v1\/attributes 503 /.test(l)));
      assert.ok(lines.some((l) => /^GET \/v1\/attributes retry 2\/4 in \d+ms \(503\)$/.test(l)));
      // The query string (which could hold anything a user typed) is not logged.
      assert.ok(!lines.some((l) => l.includes('?')));
    } finally {
      await iam.client.dispose();
      await aksk.client.dispose();
      await bad.dispose();
    }
  });
});
