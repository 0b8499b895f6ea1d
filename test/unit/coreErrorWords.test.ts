import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GslError } from '../../src/gsl/errors';
import { errorMessage, errorDetails, isLostAnswer } from '../../src/core/errorWords';
import { formatOnly } from '../../src/core/translate';

const http = (status: number, code: string, errorMsg = '') => new GslError({ kind: 'http', operation: 'StopSimCard', status, code, errorMsg, requestId: 'r-1' });

test('the 5-minute rule says when to try again, from the tracker when it knows', () => {
  const at = new Date(2024, 0, 15, 16, 42);
  assert.equal(errorMessage(http(403, 'GSL.00016016'), formatOnly, { retryAt: at }), 'Same operation not allowed again within 5 minutes; try again after 16:42.');
  assert.match(errorMessage(http(403, 'GSL.00016016'), formatOnly), /in about 5 minutes/);
});

test('credential errors tell the person to check keys and sign in again; a locked AK says so', () => {
  assert.match(errorMessage(http(401, 'APIGW.0301', 'verify aksk signature fail'), formatOnly), /check your access key.*sign in again/);
  assert.match(errorMessage(http(401, 'APIGW.0301', 'AK access failed to reach the limit, forbidden'), formatOnly), /locked for 5 minutes/);
  assert.match(errorMessage(http(401, 'APIGW.0307'), formatOnly), /expired; sign in again/);
  assert.match(errorMessage(http(403, 'APIGW.0302'), formatOnly), /GSL FullAccess/);
});

test('throttling, busy service and network failures each say what to do', () => {
  assert.match(errorMessage(http(429, 'APIGW.0308'), formatOnly), /slow down/);
  assert.match(errorMessage(new GslError({ kind: 'http', operation: 'x', status: 429 }), formatOnly), /slow down/);
  assert.match(errorMessage(http(500, 'GSL.00010003'), formatOnly), /busy/);
  assert.match(errorMessage(new GslError({ kind: 'network', operation: 'x' }), formatOnly), /endpoint settings and your proxy/);
  assert.match(errorMessage(new GslError({ kind: 'timeout', operation: 'x' }), formatOnly), /did not answer in time/);
});

test('pending work orders and unknown cards are explained', () => {
  assert.match(errorMessage(http(403, 'GSL.00016010'), formatOnly), /unfinished suspend work order/);
  assert.match(errorMessage(http(403, 'GSL.00016015'), formatOnly), /unfinished activation work order/);
  assert.match(errorMessage(http(400, 'GSL.00011001'), formatOnly), /does not exist or this account cannot access it/);
});

test('an undocumented business refusal shows the service text', () => {
  assert.equal(errorMessage(http(403, 'GSL.00016099', 'Only cards in use can be suspended'), formatOnly), 'The service refused the operation: Only cards in use can be suspended');
});

test('details name the code, status and request id for the log', () => {
  assert.equal(errorDetails(http(403, 'GSL.00016016', 'wait')), 'GSL.00016016 · HTTP 403 · wait · request r-1');
  assert.equal(errorDetails(new Error('boom')), 'boom');
});

test('a card operation whose answer was lost says it may have been carried out, not that the service was unreachable', () => {
  const lost = { kind: 'network', message: 'socket hang up' };
  assert.match(errorMessage(lost, formatOnly, { mutation: true }), /may have been carried out/);
  assert.match(errorMessage(lost, formatOnly), /Could not reach the service/);
  // A business refusal is a definite answer, so it keeps its own message.
  assert.match(errorMessage(http(403, 'GSL.00016010'), formatOnly, { mutation: true }), /unfinished suspend work order/);
});

test('tag, attribute and speed refusals from the service say what to do, and a lost answer is told apart', () => {
  assert.match(errorMessage(http(400, 'GSL.00011016'), formatOnly), /speed limit.*values its carrier offers/);
  assert.match(errorMessage(http(400, 'GSL.00022001'), formatOnly), /tag name.*1 to 32 characters/);
  assert.match(errorMessage(http(400, 'GSL.00022002'), formatOnly), /already exists/);
  assert.match(errorMessage(http(400, 'GSL.00022003'), formatOnly), /10,000 tags/);
  assert.match(errorMessage(http(400, 'GSL.00022004'), formatOnly), /refresh the tag list/);
  assert.match(errorMessage(http(400, 'GSL.00027002'), formatOnly), /custom attribute with this name/);
  assert.match(errorMessage(http(400, 'GSL.00027003'), formatOnly), /built-in column/);
  assert.match(errorMessage(http(400, 'GSL.00027004'), formatOnly), /6 custom attributes/);
  assert.match(errorMessage(http(400, 'GSL.00027005'), formatOnly), /custom attribute does not exist/);
  // A carrier refusal carries the service's own words.
  assert.equal(errorMessage(http(400, 'GSL.00010004', 'Cutting the network is only supported for China Telecom cards'), formatOnly), 'The service refused the request: Cutting the network is only supported for China Telecom cards');
  assert.equal(isLostAnswer(new GslError({ kind: 'network', operation: 'x' })), true);
  assert.equal(isLostAnswer(new GslError({ kind: 'malformed', operation: 'x' })), true);
  assert.equal(isLostAnswer(http(400, 'GSL.00010004')), false);
});
