// Pure pieces of the client: error explanations, envelopes, query strings, backoff, endpoint rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ERROR_EXPLANATIONS,
  GslError,
  backoffDelay,
  checkEndpoint,
  encodeQuery,
  explainError,
  nextDelay,
  parseRetryAfter,
  readErrorEnvelope,
  retryPolicy,
  toQueryPairs,
} from '../../src/gsl/index';

// Every code in gsl-api.md section 4 (4.1 GSL business codes, 4.2 gateway codes).
const DOCUMENTED_CODES = [
  'GSL.00010004', 'GSL.00010002', 'GSL.00010003', 'GSL.00011001', 'GSL.00011004', 'GSL.00011010', 'GSL.00011011',
  'GSL.00011016', 'GSL.00011063', 'GSL.00012002', 'GSL.00012016', 'GSL.00013012', 'GSL.00015028', 'GSL.00015032',
  'GSL.00015033', 'GSL.00016051', 'GSL.00016010', 'GSL.00016015', 'GSL.00016016', 'GSL.00020004', 'GSL.00020003',
  'GSL.00022001', 'GSL.00022002', 'GSL.00022003', 'GSL.00022004', 'GSL.00027001', 'GSL.00027002', 'GSL.00027003',
  'GSL.00027004', 'GSL.00027005',
  'APIGW.0101', 'APIGW.0201', 'APIGW.0301', 'APIGW.0302', 'APIGW.0303', 'APIGW.0305', 'APIGW.0306', 'APIGW.0307', 'APIGW.0308',
];

test('every documented GSL and gateway code has its own plain-English explanation', () => {
  for (const code of DOCUMENTED_CODES) {
    assert.ok(ERROR_EXPLANATIONS[code], `missing explanation for ${code}`);
    const text = explainError(code, 400);
    assert.doesNotMatch(text, /unrecognised/, code);
    assert.match(text, /^[A-Z].*\.$/, `${code} explanation should be a sentence`);
  }
  const distinct = new Set(DOCUMENTED_CODES.map((c) => ERROR_EXPLANATIONS[c]));
  // The two "system busy" and two "parameter error" codes may share wording; all others differ.
  assert.ok(distinct.size >= DOCUMENTED_CODES.length - 2);
});

test('APIGW.0301 variants are told apart by their message', () => {
  const variants = [
    'Incorrect IAM authentication information: decrypt token fail',
    'Incorrect IAM authentication information: verify aksk signature fail',
    'Incorrect IAM authentication information: Get secretKey failed, ak not exist',
    'Incorrect IAM authentication information: AK access failed to reach the limit, forbidden',
  ].map((msg) => explainError('APIGW.0301', 401, msg));
  assert.equal(new Set(variants).size, 4);
  assert.match(variants[0], /token/);
  assert.match(variants[1], /clock/);
  assert.match(variants[2], /access key/i);
  assert.match(variants[3], /5 minutes/);
  assert.equal(explainError('APIGW.0301', 401, 'something else'), ERROR_EXPLANATIONS['APIGW.0301']);
});

test('APIGW.0201 is explained by the status it comes with', () => {
  assert.match(explainError('APIGW.0201', 413), /too large/);
  assert.match(explainError('APIGW.0201', 414), /too long/);
  assert.match(explainError('APIGW.0201', 494), /headers/);
  assert.match(explainError('APIGW.0201', 502), /unavailable/);
  assert.match(explainError('APIGW.0201', 504), /timed out/);
});

test('unknown codes fall back to their status class and name the code', () => {
  assert.match(explainError('GSL.99999999', 503), /internal problem.*unrecognised code GSL\.99999999/);
  assert.match(explainError('XYZ', 403), /refused/);
  assert.match(explainError('XYZ', 404), /not found/);
  assert.match(explainError(undefined, 429), /Too many requests/);
  assert.match(explainError(undefined, 418), /HTTP 418/);
  assert.match(explainError(undefined, undefined), /failed/);
  // A 500 labelled with the parameter-error code is the documented "system busy" mix-up.
  assert.equal(explainError('GSL.00010004', 500), ERROR_EXPLANATIONS['GSL.00010003']);
});

test('both error envelopes are read, flat or nested one level', () => {
  assert.deepEqual(readErrorEnvelope({ error_code: 'GSL.00011001', error_msg: 'no card', request_id: 'r1' }), {
    code: 'GSL.00011001', message: 'no card', requestId: 'r1',
  });
  assert.deepEqual(readErrorEnvelope({ code: 'APIGW.0308', message: 'slow down' }), { code: 'APIGW.0308', message: 'slow down', requestId: undefined });
  assert.deepEqual(readErrorEnvelope({ error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' } }), {
    code: '401', message: 'The username or password is wrong.', requestId: undefined,
  });
  assert.deepEqual(readErrorEnvelope({ error: { error_code: 'X.1', error_msg: 'm' }, request_id: 'outer' }), { code: 'X.1', message: 'm', requestId: 'outer' });
  assert.deepEqual(readErrorEnvelope('oops'), {});
  assert.deepEqual(readErrorEnvelope([1, 2]), {});
  assert.deepEqual(readErrorEnvelope({ a: 1 }), { requestId: undefined });
});

test('GslError carries the facts and a readable message', () => {
  const e = new GslError({ kind: 'http', operation: 'Stop SIM card', status: 403, code: 'GSL.00016016', errorMsg: '请勿重复操作', requestId: 'abc' });
  assert.ok(e instanceof Error);
  assert.equal(e.explanation, ERROR_EXPLANATIONS['GSL.00016016']);
  assert.match(e.message, /^Stop SIM card: .*5 minutes.*请勿重复操作.*GSL\.00016016, HTTP 403, request id abc/);
  assert.equal(e.retryable, false);
});

test('query pairs: arrays repeat, booleans are true/false, undefined and null are left out', () => {
  const pairs = toQueryPairs({ limit: 50, tag_id: ['7', '12'], real_named: false, msisdn: undefined, x: null, main_search_key: '8986 01+/' });
  assert.deepEqual(pairs, [['limit', '50'], ['tag_id', '7'], ['tag_id', '12'], ['real_named', 'false'], ['main_search_key', '8986 01+/']]);
  assert.equal(encodeQuery(pairs), 'limit=50&tag_id=7&tag_id=12&real_named=false&main_search_key=8986%2001%2B%2F');
  assert.equal(encodeQuery(toQueryPairs(undefined)), '');
});

test('full-jitter backoff stays within the capped exponential ceiling', () => {
  const p = retryPolicy({ baseDelayMs: 200, maxDelayMs: 1000, maxAttempts: 10 });
  assert.equal(backoffDelay(1, p, () => 0.999999), 199);
  assert.equal(backoffDelay(2, p, () => 0.999999), 399);
  assert.equal(backoffDelay(4, p, () => 0.999999), 999); // 1600 capped at 1000
  assert.equal(backoffDelay(9, p, () => 0), 0);
  assert.deepEqual(retryPolicy(undefined), { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 5000, maxRetryAfterMs: 30000 });
});

test('only transient HTTP and network failures are retried, within the attempt budget', () => {
  const p = retryPolicy({ maxAttempts: 3 });
  const busy = new GslError({ kind: 'http', operation: 'op', status: 500, retryable: true });
  const bad = new GslError({ kind: 'http', operation: 'op', status: 400 });
  const reset = new GslError({ kind: 'network', operation: 'op', retryable: true });
  const timeout = new GslError({ kind: 'timeout', operation: 'op', retryable: true });
  const throttled = new GslError({ kind: 'http', operation: 'op', status: 429, retryable: true, retryAfterSeconds: 2 });
  const throttledLong = new GslError({ kind: 'http', operation: 'op', status: 429, retryable: true, retryAfterSeconds: 3600 });
  assert.notEqual(nextDelay(busy, 1, p), undefined);
  assert.notEqual(nextDelay(reset, 2, p), undefined);
  assert.equal(nextDelay(busy, 3, p), undefined);
  assert.equal(nextDelay(bad, 1, p), undefined);
  assert.equal(nextDelay(timeout, 1, p), undefined);
  assert.equal(nextDelay(new Error('x'), 1, p), undefined);
  assert.equal(nextDelay(throttled, 1, p), 2000);
  assert.equal(nextDelay(throttledLong, 1, p), undefined);
});

test('Retry-After is read as seconds or as an HTTP date', () => {
  assert.equal(parseRetryAfter('3', 0), 3);
  assert.equal(parseRetryAfter(' 1.5 ', 0), 1.5);
  assert.equal(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000), 6);
  assert.equal(parseRetryAfter('soon', 0), undefined);
  assert.equal(parseRetryAfter(undefined, 0), undefined);
});

test('endpoints must be HTTPS unless they are this computer', () => {
  for (const ok of ['https://gsl.cn-north-4.myhuaweicloud.com', 'http://127.0.0.1:8080', 'http://127.5.6.7', 'http://localhost:3000', 'http://[::1]:9000']) {
    assert.ok(checkEndpoint('GSL', ok) instanceof URL, ok);
  }
  for (const bad of ['http://gsl.cn-north-4.myhuaweicloud.com', 'http://10.0.0.1', 'http://127.0.0.1.evil.example', 'ftp://127.0.0.1', 'not a url', 'https://u:p@gsl.example', 'http://localhost.evil.example']) {
    const r = checkEndpoint('GSL', bad);
    assert.equal(typeof r, 'string', bad);
  }
  assert.match(checkEndpoint('GSL', 'http://gsl.example.com') as string, /HTTPS/);
});
