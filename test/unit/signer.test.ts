import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalRequest, sha256Hex, signRequest, stringToSign, signature, parseAuthorization } from '../../src/gsl/signer';

// The two worked examples in gsl-api.md 1.3.2, reproduced by the official Node.js SDK signer.
const AK = 'AKEXAMPLE0000000000';
const SK = 'SKEXAMPLE0000000000000000000000000000000';
const DATE = '20240115T083000Z';

test('vector 1: GET with repeated array query and a space signs exactly as the SDK does', () => {
  const input = {
    method: 'GET',
    path: '/v1/sim-cards',
    query: [['limit', '50'], ['offset', '1'], ['tag_id', '7'], ['tag_id', '12'], ['main_search_key', '8986 01']] as const,
    headers: { Host: 'gsl.cn-north-4.myhuaweicloud.com', 'X-Project-Id': '0123456789abcdef0123456789abcdef', 'X-Sdk-Date': DATE },
    signedHeaders: ['host', 'x-project-id', 'x-sdk-date'],
    body: '',
  };
  const canonical = canonicalRequest(input);
  assert.equal(
    canonical,
    'GET\n/v1/sim-cards/\nlimit=50&main_search_key=8986%2001&offset=1&tag_id=12&tag_id=7\nhost:gsl.cn-north-4.myhuaweicloud.com\nx-project-id:0123456789abcdef0123456789abcdef\nx-sdk-date:20240115T083000Z\n\nhost;x-project-id;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  );
  assert.equal(sha256Hex(canonical), '7353c7ece56d426d5a4eeaf11016b58718adcafd43cd120c4f3771a0af58514b');
  assert.equal(signature(SK, stringToSign(canonical, DATE)), '524823de39cee642dbe60acbb72f9a963df0e89020571daca3067951c8ff52ca');

  const headers: Record<string, string> = { Host: input.headers.Host, 'X-Project-Id': input.headers['X-Project-Id'], 'X-Sdk-Date': DATE };
  signRequest({ method: 'GET', path: '/v1/sim-cards', query: input.query, headers, body: '' }, AK, SK);
  assert.equal(
    headers.Authorization,
    'SDK-HMAC-SHA256 Access=AKEXAMPLE0000000000, SignedHeaders=host;x-project-id;x-sdk-date, Signature=524823de39cee642dbe60acbb72f9a963df0e89020571daca3067951c8ff52ca',
  );
});

test('vector 2: POST reset with a JSON body signs exactly as the SDK does', () => {
  const headers: Record<string, string> = { Host: 'gsl.cn-north-4.myhuaweicloud.com', 'X-Sdk-Date': DATE };
  const body = '{"down_up_switch":2}';
  const canonical = canonicalRequest({ method: 'POST', path: '/v1/sim-cards/4710226018477568/reset', query: [], headers, signedHeaders: ['host', 'x-sdk-date'], body });
  assert.equal(
    canonical,
    'POST\n/v1/sim-cards/4710226018477568/reset/\n\nhost:gsl.cn-north-4.myhuaweicloud.com\nx-sdk-date:20240115T083000Z\n\nhost;x-sdk-date\n23888880f883a552e3f4ccb7bb46f898ca3c7c3a870e5290bc8e39fc9dbdad1e',
  );
  assert.equal(sha256Hex(canonical), '017131bdbf4c5b185ae38dd21bd58210a6739e95b1d01cb4da78835983711f61');
  signRequest({ method: 'POST', path: '/v1/sim-cards/4710226018477568/reset', query: [], headers, body }, AK, SK);
  assert.equal(
    headers.Authorization,
    'SDK-HMAC-SHA256 Access=AKEXAMPLE0000000000, SignedHeaders=host;x-sdk-date, Signature=a492509c0635f174db329f5fac2b2bce45d2f132a0aa74935dffbb1c8b9d204f',
  );
});

test('content-type is left out of the signed headers, and the header parses back', () => {
  const headers: Record<string, string> = { Host: 'h', 'Content-Type': 'application/json', 'X-Sdk-Date': DATE };
  signRequest({ method: 'POST', path: '/v1/x', query: [], headers, body: '{}' }, AK, SK);
  const parsed = parseAuthorization(headers.Authorization);
  assert.deepEqual(parsed?.signedHeaders, ['host', 'x-sdk-date']);
  assert.equal(parsed?.access, AK);
});
