// Error paths through the simulator: injected codes, malformed bodies, cancellation and
// timeouts, each ending in a GslError of the right kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERROR_EXPLANATIONS, GslError } from '../../src/gsl/index';
import { clientFor, seen, withSim } from './helpers/clientSim';

test('a GSL business error carries status, code, message, request id and explanation', async () => {
  await withSim({ cards: 200, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    try {
      const e = (await client.showSimCard({ sim_card_id: '123' }).catch((x: unknown) => x)) as GslError;
      assert.ok(e instanceof GslError);
      assert.equal(e.kind, 'http');
      assert.equal(e.status, 400);
      assert.equal(e.code, 'GSL.00011001');
      assert.match(e.errorMsg ?? '', /does not exist/);
      assert.match(e.requestId ?? '', /^[0-9a-f]{32}$/);
      assert.equal(e.explanation, ERROR_EXPLANATIONS['GSL.00011001']);
      assert.equal(e.operation, 'Show SIM card');
      assert.equal(e.retryable, false);
    } finally {
      await client.dispose();
    }
  });
});

test('repeating an operation within 5 minutes is explained as such', async () => {
  await withSim({ cards: 300, seed: 7, workOrderMs: 0 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    try {
      const c = (await client.listSimCards({ sim_status: 20, limit: 10 })).sim_cards[0];
      await client.stopSimCard({ sim_card_id: c.sim_card_id });
      const e = (await client.stopSimCard({ sim_card_id: c.sim_card_id }).catch((x: unknown) => x)) as GslError;
      assert.equal(e.status, 403);
      assert.ok(e.code === 'GSL.00016016' || e.code === 'GSL.00016010', e.code);
      assert.match(e.explanation, /5 minutes|unfinished/);
    } finally {
      await client.dispose();
    }
  });
});

test('an unknown injected code is explained by its status class', async () => {
  await withSim({ cards: 100, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    try {
      sim.setFaults({ errorRate: 1, errorStatus: 409, errorCode: 'GSL.99990001', pathPattern: '^/v1/tags$' });
      const e = (await client.listTags({}).catch((x: unknown) => x)) as GslError;
      assert.equal(e.code, 'GSL.99990001');
      assert.match(e.explanation, /conflicts.*unrecognised code GSL\.99990001/);
    } finally {
      await client.dispose();
    }
  });
});

test('a malformed (cut-off) body is a malformed error with the status, not a crash', async () => {
  await withSim({ cards: 100, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    try {
      sim.setFaults({ malformedRate: 1, pathPattern: '^/v1/sim-cards$' });
      const e = (await client.listSimCards({ limit: 10 }).catch((x: unknown) => x)) as GslError;
      assert.ok(e instanceof GslError);
      assert.equal(e.kind, 'malformed');
      assert.equal(e.status, 200);
      assert.match(e.message, /not valid JSON/);
      assert.doesNotMatch(e.message, /sim_card_id|html/i, 'no body snippet in the message');
    } finally {
      await client.dispose();
    }
  });
});

test('a call cancelled mid-flight ends with an aborted error and is not retried', async () => {
  await withSim({ cards: 100, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    try {
      sim.setFaults({ latencyMs: 2000, pathPattern: '^/v1/tags$' });
      const controller = new AbortController();
      const pending = client.listTags({}, { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      const e = (await pending.catch((x: unknown) => x)) as GslError;
      assert.ok(e instanceof GslError);
      assert.equal(e.kind, 'aborted');
      assert.equal(e.retryable, false);
      assert.equal(seen(sim, 'GET /v1/tags'), 1);
    } finally {
      await client.dispose();
    }
  });
});

test('an already-aborted signal sends nothing', async () => {
  await withSim({ cards: 100, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk');
    try {
      const e = (await client.stopSimCard({ sim_card_id: '1' }, undefined, { signal: AbortSignal.abort() }).catch((x: unknown) => x)) as GslError;
      assert.equal(e.kind, 'aborted');
      assert.equal(sim.stats().requests, 0);
    } finally {
      await client.dispose();
    }
  });
});

test('cancelling while waiting for a shared IAM token aborts only that caller', async () => {
  await withSim({ cards: 100, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'iam');
    try {
      sim.setFaults({ latencyMs: 300, pathPattern: '^/v3/auth/tokens$', times: 1 });
      const controller = new AbortController();
      const cancelled = client.listTags({}, { signal: controller.signal });
      const other = client.listTags({});
      setTimeout(() => controller.abort(), 50);
      const e = (await cancelled.catch((x: unknown) => x)) as GslError;
      assert.equal(e.kind, 'aborted');
      const r = await other;
      assert.ok(Array.isArray(r.tags));
      assert.equal(seen(sim, 'POST /v3/auth/tokens'), 1);
    } finally {
      await client.dispose();
    }
  });
});

test('a response slower than requestTimeoutMs is a timeout error, not retried', async () => {
  await withSim({ cards: 100, seed: 7 }, async (sim) => {
    const { client } = clientFor(sim, 'aksk', { requestTimeoutMs: 150 });
    try {
      sim.setFaults({ latencyMs: 1000, pathPattern: '^/v1/tags$' });
      const e = (await client.listTags({}).catch((x: unknown) => x)) as GslError;
      assert.ok(e instanceof GslError);
      assert.equal(e.kind, 'timeout');
      assert.match(e.explanation, /did not answer within 0\.15 s/);
      assert.equal(seen(sim, 'GET /v1/tags'), 1);
    } finally {
      await client.dispose();
    }
  });
});

test('a refused connection is a network error naming the host', async () => {
  await withSim({ cards: 10, seed: 7 }, async (sim) => {
    const endpoint = sim.info.endpoint;
    await sim.close();
    const { client } = clientFor(sim, 'aksk', { endpoints: { gsl: endpoint, iam: endpoint }, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    try {
      const e = (await client.listTags({}).catch((x: unknown) => x)) as GslError;
      assert.equal(e.kind, 'network');
      assert.match(e.message, /ECONNREFUSED/);
      assert.match(e.message, new RegExp(new URL(endpoint).host.replace(/\./g, '\\.')));
    } finally {
      await client.dispose();
    }
  });
});
