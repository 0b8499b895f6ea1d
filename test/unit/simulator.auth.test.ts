import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator } from '../../src/simulator/index';
import type { RunningSimulator } from '../../src/simulator/index';
import { call, iamToken } from './helpers/simRequest';
import { authorizationHeader, sdkDate, signRequest } from '../../src/gsl/signer';

// The simulator clock is a variable the tests move: skew, lock-out and token expiry are about time.
let clock = Date.UTC(2025, 4, 17, 9, 30, 0);
let sim: RunningSimulator;
const at = () => new Date(clock);
type Obj = Record<string, unknown>;

before(async () => {
  sim = await startSimulator({ cards: 50, seed: 3, now: () => clock, tokenTtlSeconds: 3600 });
});
after(() => sim.close());

const list = (opts: Parameters<typeof call>[3] = {}) => call(sim.info, 'GET', '/v1/sim-cards', { date: at(), query: [['limit', 10]], ...opts });

function assertGateway(r: { status: number; json: unknown; headers: Headers }, status: number, code: string, msg?: RegExp): void {
  const b = r.json as Obj;
  assert.equal(r.status, status);
  assert.equal(b.error_code, code);
  assert.equal(b.request_id, r.headers.get('x-request-id'));
  if (msg) assert.match(b.error_msg as string, msg);
}

test('a correctly signed request passes, whatever headers the client chose to sign', async () => {
  assert.equal((await list()).status, 200);
  // The Go SDK signs an X-Project-Id header and a User-Agent; the server must rebuild from the declared list.
  assert.equal((await list({ headers: { 'X-Project-Id': sim.info.projectId, 'User-Agent': 'huaweicloud-usdk-go/3.0' } })).status, 200);
});

test('missing credentials are APIGW.0301 401', async () => {
  assertGateway(await list({ anonymous: true }), 401, 'APIGW.0301');
});

test('a wrong secret fails the signature check', async () => {
  assertGateway(await list({ sk: 'not-the-secret' }), 401, 'APIGW.0301', /verify aksk signature fail/);
});

test('an unknown AK is refused', async () => {
  assertGateway(await list({ ak: 'NOSUCHAK', sk: 'x' }), 401, 'APIGW.0301', /ak not exist/);
});

test('a signature over different bytes than sent is refused', async () => {
  // Sign one query, send another: the canonical request differs.
  const headers: Record<string, string> = {};
  const host = new URL(sim.info.endpoint).host;
  const h: Record<string, string> = { Host: host, 'X-Sdk-Date': sdkDate(at()) };
  signRequest({ method: 'GET', path: '/v1/sim-cards', query: [['limit', '10']], headers: h, body: '' }, sim.info.ak, sim.info.sk);
  headers.Authorization = h.Authorization;
  headers['X-Sdk-Date'] = h['X-Sdk-Date'];
  const res = await fetch(`${sim.info.endpoint}/v1/sim-cards?limit=20`, { headers });
  assert.equal(res.status, 401);
});

test('timestamps more than 15 minutes off are refused either way; 14 minutes is accepted', async () => {
  assert.equal((await list({ date: new Date(clock - 14 * 60_000) })).status, 200);
  assertGateway(await list({ date: new Date(clock - 16 * 60_000) }), 401, 'APIGW.0301');
  assertGateway(await list({ date: new Date(clock + 16 * 60_000) }), 401, 'APIGW.0301');
  assert.equal((await list()).status, 200, 'a success clears the failure count');
});

test('an Authorization header without x-sdk-date signed is refused', async () => {
  const res = await fetch(`${sim.info.endpoint}/v1/sim-cards`, { headers: { Authorization: authorizationHeader(sim.info.ak, ['host'], 'ab'.repeat(32)), 'X-Sdk-Date': sdkDate(at()) } });
  assert.equal(res.status, 401);
  assert.equal((await list()).status, 200);
});

test('more than 5 consecutive failures lock the AK for 5 minutes, even for good signatures', async () => {
  for (let i = 0; i < 5; i++) assertGateway(await list({ sk: 'wrong' }), 401, 'APIGW.0301', /verify aksk/);
  // Five failures: not locked yet.
  assert.equal((await list()).status, 200);
  for (let i = 0; i < 6; i++) await list({ sk: 'wrong' });
  assertGateway(await list(), 401, 'APIGW.0301', /AK access failed to reach the limit, forbidden/);
  clock += 4 * 60_000;
  assertGateway(await list(), 401, 'APIGW.0301', /forbidden/);
  clock += 61_000;
  assert.equal((await list()).status, 200);
});

test('IAM issues a project-scoped token in X-Subject-Token with a 201 and expires_at in microseconds', async () => {
  const r = await iamToken(sim.info);
  assert.equal(r.status, 201);
  const token = r.headers.get('x-subject-token');
  assert.ok(token && token.length > 40);
  const t = (r.json as { token: Obj }).token;
  assert.match(t.expires_at as string, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
  assert.equal(Date.parse(t.expires_at as string) - Date.parse(t.issued_at as string), 3600_000);
  assert.deepEqual((t.project as Obj).name, 'cn-north-4');
  assert.ok(Array.isArray(t.catalog));
  const byId = await iamToken(sim.info, { project: { id: sim.info.projectId } });
  assert.equal(byId.status, 201);
});

test('IAM refuses wrong user, password or domain with 401 and an IAM error body', async () => {
  for (const o of [{ user: 'someone' }, { password: 'nope' }, { domain: 'other' }]) {
    const r = await iamToken(sim.info, o);
    assert.equal(r.status, 401);
    const b = r.json as { error: Obj; error_code: string; error_msg: string };
    assert.equal(b.error.code, 401);
    assert.equal(typeof b.error.message, 'string');
    assert.equal(b.error_msg, b.error.message);
    assert.equal(r.headers.get('x-subject-token'), null);
  }
  assert.equal((await iamToken(sim.info, { project: { name: 'eu-west-0' } })).status, 400);
});

test('a token works on GSL until it expires (APIGW.0307); an unknown token is APIGW.0301', async () => {
  const token = (await iamToken(sim.info)).headers.get('x-subject-token')!;
  assert.equal((await list({ token })).status, 200);
  assertGateway(await list({ token: 'MIIDsimforged' }), 401, 'APIGW.0301', /decrypt token fail/);
  clock += 3599_000;
  assert.equal((await list({ token })).status, 200);
  clock += 1000;
  assertGateway(await list({ token }), 401, 'APIGW.0307');
});
