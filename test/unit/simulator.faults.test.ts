import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startSimulator } from '../../src/simulator/index';
import type { RunningSimulator } from '../../src/simulator/index';
import { admin, call } from './helpers/simRequest';

let sim: RunningSimulator;
type Obj = Record<string, unknown>;
const list = () => call(sim.info, 'GET', '/v1/sim-cards');

before(async () => {
  sim = await startSimulator({ cards: 300, seed: 2 });
});
after(() => sim.close());

test('error rate 1.0 answers every matching call with the configured status and code', async () => {
  sim.setFaults({ errorRate: 1, errorStatus: 500, errorCode: 'GSL.00010003' });
  for (let i = 0; i < 3; i++) {
    const r = await list();
    assert.equal(r.status, 500);
    assert.equal((r.json as Obj).error_code, 'GSL.00010003');
    assert.ok(r.headers.get('x-request-id'));
  }
  sim.setFaults(undefined);
  assert.equal((await list()).status, 200);
});

test('throttling is 429 APIGW.0308 with Retry-After', async () => {
  sim.setFaults({ throttleRate: 1, retryAfterSeconds: 7 });
  const r = await list();
  assert.equal(r.status, 429);
  assert.equal(r.headers.get('retry-after'), '7');
  assert.equal((r.json as Obj).error_code, 'APIGW.0308');
  sim.setFaults(undefined);
});

test('faults can be scoped to a path, a method and a number of requests', async () => {
  sim.setFaults({ errorRate: 1, errorStatus: 503, errorCode: 'APIGW.0201', pathPattern: '^/v1/tags$', method: 'GET', times: 2 });
  assert.equal((await list()).status, 200, 'other paths unaffected');
  assert.equal((await call(sim.info, 'POST', '/v1/tags', { body: { tag_name: 'scoped-fault' } })).status, 200, 'other methods unaffected');
  assert.equal((await call(sim.info, 'GET', '/v1/tags')).status, 503);
  assert.equal((await call(sim.info, 'GET', '/v1/tags')).status, 503);
  assert.equal((await call(sim.info, 'GET', '/v1/tags')).status, 200, 'switched off after `times`');
});

test('a connection reset destroys the socket after the headers', async () => {
  sim.setFaults({ resetRate: 1 });
  await assert.rejects(list());
  // With plain http: headers arrive, then the body is cut short.
  const url = new URL(sim.info.endpoint);
  const outcome = await new Promise<string>((resolve) => {
    const r = request({ host: url.hostname, port: url.port, path: '/v1/sim-cards', method: 'GET' }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve('complete'));
      res.on('error', () => resolve(`aborted after ${res.statusCode}`));
      res.on('aborted', () => resolve(`aborted after ${res.statusCode}`));
    });
    r.on('error', (e) => resolve(`error ${e.message}`));
    r.end();
  });
  assert.match(outcome, /^aborted after 401$/, 'headers (of the auth refusal) arrived, the body did not');
  sim.setFaults(undefined);
});

test('a malformed body is a 200 whose text is not JSON', async () => {
  sim.setFaults({ malformedRate: 1 });
  const r = await list();
  assert.equal(r.status, 200);
  assert.ok(r.text.length > 0);
  assert.throws(() => JSON.parse(r.text));
  sim.setFaults(undefined);
});

test('added latency delays the answer but not its content', async () => {
  sim.setFaults({ latencyMs: 50 });
  const r = await list();
  assert.equal(r.status, 200);
  sim.setFaults(undefined);
});

test('stats count operations and per-card mutations, so a reset under a lost answer is seen exactly once', async () => {
  sim.resetStats();
  const c = sim.store.allCards().find((x) => x.vo.sim_status === 14 && x.vo.operator_status === 5)!;
  // The mutation runs, the answer is lost: the client must not send it again.
  sim.setFaults({ resetRate: 1, pathPattern: '/reset$' });
  await assert.rejects(call(sim.info, 'POST', `/v1/sim-cards/${c.vo.sim_card_id}/reset`, { body: { down_up_switch: 2 } }));
  sim.setFaults(undefined);
  await list();
  const s = sim.stats();
  assert.equal(s.operations['POST /v1/sim-cards/{id}/reset'], 1);
  assert.equal(s.operations['GET /v1/sim-cards'], 1);
  assert.equal(s.cardMutations[c.vo.sim_card_id], 1);
  assert.equal(s.cardOperations[c.vo.sim_card_id]['POST /v1/sim-cards/{id}/reset'], 1);
  assert.equal(s.faults.resets, 1);
  assert.equal(s.workOrders, 1, 'the order was created although the answer was lost');
  // A mutation addressed by ICCID counts against the card too.
  await call(sim.info, 'POST', '/v1/sim-cards/0/reset', { body: { iccid: c.vo.iccid } });
  assert.equal(sim.stats().cardMutations[c.vo.sim_card_id], 2);
});

test('the admin endpoint sets faults, reports info and stats, and settles work orders', async () => {
  const info = (await admin(sim.info, 'GET', '/info')) as Obj;
  assert.equal(info.endpoint, sim.info.endpoint);
  assert.equal(info.cards, 300);
  const set = (await admin(sim.info, 'POST', '/faults', { errorRate: 1, errorStatus: 500, errorCode: 'GSL.00010003', times: 1 })) as Obj;
  assert.equal(set.errorRate, 1);
  assert.equal((await list()).status, 500);
  assert.equal((await list()).status, 200);
  const bad = await fetch(sim.info.adminEndpoint + '/faults', { method: 'POST', body: JSON.stringify({ errorRate: 2 }) });
  assert.equal(bad.status, 400);
  await admin(sim.info, 'POST', '/stats/reset');
  await list();
  const stats = (await admin(sim.info, 'GET', '/stats')) as { requests: number };
  assert.equal(stats.requests, 1);
  const c = sim.store.allCards().find((x) => x.vo.sim_status === 20 && x.vo.sim_type === 3)!;
  assert.equal((await call(sim.info, 'POST', `/v1/sim-cards/${c.vo.sim_card_id}/stop`, { body: {} })).status, 200);
  const settled = (await admin(sim.info, 'POST', '/work-orders/settle')) as { completed: number };
  assert.ok(settled.completed >= 1);
  assert.equal(sim.store.card(c.index).vo.sim_status, 14);
});

test('close() ends promptly even with keep-alive connections open', async () => {
  const s2 = await startSimulator({ cards: 20 });
  await call(s2.info, 'GET', '/v1/sim-cards');
  await s2.close();
  await assert.rejects(fetch(s2.info.endpoint + '/v1/sim-cards'));
});
