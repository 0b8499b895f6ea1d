// *Hide identifiers*: one rule masks the middle digits of every identifier in shown text, and
// nothing else (counts, megabytes, dates, work-order ids stay readable).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskDeep, maskIdentifier, maskIdentifiersIn, masker, showAll } from '../../src/core/mask';

test('an identifier keeps its first and last four digits (three and two when short)', () => {
  assert.equal(maskIdentifier('89860312345678901234'), '8986••••••••••••1234');
  assert.equal(maskIdentifier('8986031234567890123F'), '8986••••••••••••123F');
  assert.equal(maskIdentifier('460031234567890'), '4600•••••••7890');
  assert.equal(maskIdentifier('1064812345678'), '106••••••••78');
  assert.equal(maskIdentifier('+8613912345678'), '+861••••••••78');
});

test('every identifier in a sentence is masked, and nothing else', () => {
  const text = 'Stop card 89860312345678901234 (IMEI 867530912345678, MSISDN +8613912345678): work order 1000123, 1,024 MB on 20241130, id 4710226018477568';
  assert.equal(
    maskIdentifiersIn(text),
    'Stop card 8986••••••••••••1234 (IMEI 8675•••••••5678, MSISDN +861••••••••78): work order 1000123, 1,024 MB on 20241130, id 4710••••••••7568',
  );
  // Digits inside a longer word (a request id, a hex string) are not an identifier.
  assert.equal(maskIdentifiersIn('request a1b2c3d48986031234567890 done'), 'request a1b2c3d48986031234567890 done');
});

test('the mask is the identity while identifiers are shown', () => {
  assert.equal(masker(false)('89860312345678901234'), '89860312345678901234');
  assert.equal(masker(true)('89860312345678901234'), '8986••••••••••••1234');
});

test('a webview message is masked deeply, but not the ids the page sends back', () => {
  const message = { type: 'state', view: { cardId: '4710226018477568', title: '89860312345678901234', rows: [{ value: '460031234567890' }], identity: { cardIds: ['4710226018477568'] } } };
  const masked = maskDeep(message, masker(true));
  assert.equal(masked.view.cardId, '4710226018477568');
  assert.deepEqual(masked.view.identity, { cardIds: ['4710226018477568'] });
  assert.equal(masked.view.title, '8986••••••••••••1234');
  assert.equal(masked.view.rows[0].value, '4600•••••••7890');
  assert.equal(maskDeep(message, showAll), message, 'shown: the very same object');
});
