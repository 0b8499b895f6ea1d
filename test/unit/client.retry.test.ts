// The retry policy, proven by what the simulator received: reads are retried on 5xx,
// 429 and dropped connections; mutations are sent exactly once whatever happens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GslError } from '../../src/gsl/index';
import { clientFor, seen, withSim } from './helpers/clientSim';

const RESET = 'POST /v1/sim-cards/{id}/reset';

async function suspendedCard(client: ReturnType<typeof clientFor>['client']): Promise<string> {
  const page = await client.listSimCards({ sim_status: 14, limit: 50 });
  const c = page.sim_cards.find((x) => x.operator_status !== 6 && x.operator_status !== 7);
  assert.ok(c);
  return c.sim_card_id;
}

test('a mutation answered with 500 is not retried: the simulator sees one reset', async () => {
  await withSim({ cards: 500, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    try {
      const id = await suspendedCard(client);
      sim.setFaults({ errorRate: 1, errorStatus: 500, errorCode: 'GSL.00010003', pathPattern: '/reset$' });
      const e = (await client.resetSimCard({ sim_card_id: id }).catch((x: unknown) => x)) as GslError;
      assert.ok(e instanceof GslError);
      assert.equal(e.status, 500);
      assert.equal(e.code, 'GSL.00010003');
      assert.equal(e.retryable, true, 'transient, so the user may try again');
      assert.equal(seen(sim, RESET), 1);
    } finally {
      await client.dispose();
    }
  });
});

test('a mutation whose connection drops is not retried: one reset, one work order', async () => {
  await withSim({ cards: 500, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    try {
      const id = await suspendedCard(client);
      sim.setFaults({ resetRate: 1, pathPattern: '/reset$' });
      const e = (await client.resetSimCard({ sim_card_id: id }).catch((x: unknown) => x)) as GslError;
      assert.ok(e instanceof GslError);
      assert.equal(e.kind, 'network');
      assert.equal(seen(sim, RESET), 1);
      // The service did act: the answer was lost, which is exactly why it must not be resent.
      assert.equal(sim.stats().workOrders, 1);
    } finally {
      await client.dispose();
    }
  });
});

test('a mutation throttled with 429 is not retried either', async () => {
  await withSim({ cards: 200, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    try {
      sim.setFaults({ throttleRate: 1, retryAfterSeconds: 1, pathPattern: '^/v1/tags$', method: 'POST' });
      const e = (await client.createTag('never-twice').catch((x: unknown) => x)) as GslError;
      assert.equal(e.status, 429);
      assert.equal(e.code, 'APIGW.0308');
      assert.equal(e.retryAfterSeconds, 1);
      assert.equal(seen(sim, 'POST /v1/tags'), 1);
    } finally {
      await client.dispose();
    }
  });
});

test('a read with two injected 500s then success succeeds, the simulator seeing three requests', async () => {
  await withSim({ cards: 200, seed: 7 }, async (sim) => {
    const { client, lines } = clientFor(sim, 'aksk');
    try {
      sim.setFaults({ errorRate: 1, errorStatus: 500, pathPattern: '^/v1/tags$', times: 2 });
      const r = await client.listTags({});
      assert.ok(Array.isArray(r.tags));
      assert.equal(seen(sim, 'GET /v1/tags'), 3);
      assert.equal(lines.filter((l) => / retry /.test(l)).length, 2);
    } finally {
      await client.dispose();
    }
  });
});

test('a read whose connection drops twice is retried to success', async () => {
  await withSim({ cards: 200, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    try {
      sim.setFaults({ resetRate: 1, pathPattern: '^/v1/sim-cards$', times: 2 });
      const r = await client.listSimCards({ limit: 10 });
      assert.equal(r.sim_cards.length, 10);
      assert.equal(seen(sim, 'GET /v1/sim-cards'), 3);
    } finally {
      await client.dispose();
    }
  });
});

test('read-only POSTs (month usage, daily flow, plan usage) are retried like reads', async () => {
  await withSim({ cards: 200, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    try {
      const id = (await client.listSimCards({ limit: 10 })).sim_cards[0].sim_card_id;
      const month = new Date().toISOString().slice(0, 7);
      sim.setFaults({ errorRate: 1, errorStatus: 502, errorCode: 'APIGW.0201', pathPattern: '/month-usages$', times: 2 });
      await client.showMonthUsages({ sim_card_ids: [id], billing_cycles: [month] });
      assert.equal(seen(sim, 'POST /v1/sim-cards/month-usages'), 3);
      sim.setFaults({ errorRate: 1, errorStatus: 500, pathPattern: '/batch-daily-flow$', times: 1 });
      await client.listSimCardFlowPerDay({ sim_card_ids: [id], month: month.replace('-', '') });
      assert.equal(seen(sim, 'POST /v1/sim-cards/batch-daily-flow'), 2);
      sim.setFaults({ resetRate: 1, pathPattern: '/usage/batch-query$', times: 1 });
      await client.listFlowBySimCards({ sim_card_ids: [id] });
      assert.equal(seen(sim, 'POST /v1/sim-price-plans/usage/batch-query'), 2);
    } finally {
      await client.dispose();
    }
  });
});

test('a throttled read waits out Retry-After and then succeeds', async () => {
  await withSim({ cards: 200, seed: 7 }, async (sim) => {
    const { client, lines } = clientFor(sim, 'aksk');
    try {
      sim.setFaults({ throttleRate: 1, retryAfterSeconds: 1, pathPattern: '^/v1/attributes$', times: 1 });
      const r = await client.listAttributes({});
      assert.ok(Array.isArray(r.attributes));
      assert.equal(seen(sim, 'GET /v1/attributes'), 2);
      // The wait came from Retry-After (1 s), not from the 5–20 ms backoff configured for tests.
      assert.ok(lines.some((l) => /^GET \/v1\/attributes retry 2\/4 in 1000ms \(429\)$/.test(l)), lines.join('\n'));
    } finally {
      await client.dispose();
    }
  });
});

test('a read that keeps failing gives up after maxAttempts with the last error', async () => {
  await withSim({ cards: 200, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk', { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 } });
    try {
      sim.setFaults({ errorRate: 1, errorStatus: 503, pathPattern: '^/v1/tags$' });
      const e = (await client.listTags({}).catch((x: unknown) => x)) as GslError;
      assert.equal(e.status, 503);
      assert.equal(e.retryable, true);
      assert.equal(seen(sim, 'GET /v1/tags'), 3);
    } finally {
      await client.dispose();
    }
  });
});

test('a read refused with a 4xx is not retried', async () => {
  await withSim({ cards: 200, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    try {
      sim.setFaults({ errorRate: 1, errorStatus: 403, errorCode: 'APIGW.0302', pathPattern: '^/v1/tags$' });
      const e = (await client.listTags({}).catch((x: unknown) => x)) as GslError;
      assert.equal(e.status, 403);
      assert.equal(e.code, 'APIGW.0302');
      assert.match(e.explanation, /not allowed/);
      assert.equal(seen(sim, 'GET /v1/tags'), 1);
    } finally {
      await client.dispose();
    }
  });
});

test('the IAM token request is not retried on an HTTP error, but is once on a dropped connection', async () => {
  await withSim({ cards: 100, seed: 7 }, async (sim) => {
    const a = clientFor(sim, 'iam');
    const b = clientFor(sim, 'iam');
    try {
      sim.setFaults({ errorRate: 1, errorStatus: 500, pathPattern: '^/v3/auth/tokens$', times: 1 });
      const e = (await a.client.listTags({}).catch((x: unknown) => x)) as GslError;
      assert.equal(e.status, 500);
      assert.equal(seen(sim, 'POST /v3/auth/tokens'), 1);
      sim.setFaults({ resetRate: 1, pathPattern: '^/v3/auth/tokens$', times: 1 });
      await b.client.listTags({});
      assert.equal(seen(sim, 'POST /v3/auth/tokens'), 3);
    } finally {
      await a.client.dispose();
      await b.client.dispose();
    }
  });
});
