// The one reading of card identifiers that Find Card, the hovers, the links and the tools share.
// A log full of timestamps, hex dumps and decimals must not light up as cards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cardHasIdentifier, classifyIdentifier, classifyTypedIdentifier, findIdentifiers, iccidValue, isImei, isImsi } from '../../src/core/identifiers';
import { luhnValid } from '../../src/gsl/luhn';

/** `body` with its Luhn check digit appended. */
function withCheck(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}
/** `body` with a wrong check digit appended. */
function withWrongCheck(body: string): string {
  const right = Number(withCheck(body).slice(-1));
  return body + String((right + 1) % 10);
}

const ICCID20 = withCheck('8986011234567890123');
const ICCID19 = withCheck('898603123456789012');
const IMEI = '356938035643809';
const IMSI = '460041234567890';

test('Luhn: the standard IMEI example passes, a changed digit fails', () => {
  assert.equal(luhnValid(IMEI), true);
  assert.equal(luhnValid('356938035643808'), false);
  assert.equal(luhnValid(''), false);
  assert.equal(luhnValid('12a4'), false);
});

test('ICCIDs: 19–20 digits from 89 with a valid check digit; an F filler after 19 digits is kept upper-case', () => {
  assert.equal(iccidValue(ICCID20), ICCID20);
  assert.equal(iccidValue(ICCID19), ICCID19);
  assert.equal(iccidValue(`${ICCID19}f`), `${ICCID19}F`);
  assert.equal(iccidValue(withWrongCheck('8986011234567890123')), undefined, 'wrong check digit');
  assert.equal(iccidValue(withCheck('1986011234567890123')), undefined, 'not 89');
  assert.equal(iccidValue(`${ICCID19}A`), undefined, 'only F is a filler');
  assert.equal(iccidValue(`${ICCID20}F`), undefined, 'a filler follows 19 digits, not 20');
});

test('15 digits: an IMSI when they start with a GSL region MCC, else an IMEI when the check digit holds', () => {
  assert.equal(isImsi(IMSI), true);
  assert.equal(isImei(IMSI), false);
  // An IMSI whose last digit happens to pass the check is still an IMSI.
  const luhnImsi = withCheck('46011123456789');
  assert.deepEqual(classifyIdentifier(luhnImsi), { kind: 'imsi', value: luhnImsi });
  assert.deepEqual(classifyIdentifier(IMEI), { kind: 'imei', value: IMEI });
  assert.equal(classifyIdentifier('356938035643808'), undefined, 'neither: wrong check digit, no MCC');
  assert.deepEqual(classifyIdentifier('454001234567890'), { kind: 'imsi', value: '454001234567890' }, 'Hong Kong');
});

test('MSISDNs in a file: mainland mobile and IoT numbers, +86 dropped; timestamps are not numbers', () => {
  assert.deepEqual(classifyIdentifier('13800138000'), { kind: 'msisdn', value: '13800138000' });
  assert.deepEqual(classifyIdentifier('+8613800138000'), { kind: 'msisdn', value: '13800138000' });
  assert.deepEqual(classifyIdentifier('1440123456789'), { kind: 'msisdn', value: '1440123456789' });
  assert.deepEqual(classifyIdentifier('1064812345678'), { kind: 'msisdn', value: '1064812345678' });
  assert.equal(classifyIdentifier('1732962000000'), undefined, 'epoch milliseconds');
  assert.equal(classifyIdentifier('1732962000'), undefined, 'epoch seconds');
  assert.equal(classifyIdentifier('12800138000'), undefined, 'no mainland range starts 12');
});

test('typed text (Find Card) allows spaces and dashes, and partial MSISDNs for the server to match', () => {
  assert.deepEqual(classifyTypedIdentifier(` ${ICCID20.slice(0, 4)} ${ICCID20.slice(4, 12)}-${ICCID20.slice(12)} `), { kind: 'iccid', value: ICCID20 });
  assert.deepEqual(classifyTypedIdentifier('+86-138-0013-8000'), { kind: 'msisdn', value: '13800138000' });
  assert.deepEqual(classifyTypedIdentifier('12345'), { kind: 'msisdn', value: '12345', partial: true });
  assert.equal(classifyTypedIdentifier('hello'), undefined);
  assert.equal(classifyTypedIdentifier(withWrongCheck('8986011234567890123')), undefined);
});

test('in a log line: identifiers standing alone are found with their positions; parts of longer tokens are not', () => {
  const line = `2025-11-30T10:00:00.123Z iccid=${ICCID20} imei:${IMEI} imsi ${IMSI} msisdn +8613800138000 ts=1732962000000 ns=1732962000000000000 hex=0x${ICCID20} id=a${ICCID20} v=3.${ICCID20} ${ICCID19}F.`;
  const found = findIdentifiers(line);
  assert.deepEqual(
    found.map((m) => [m.kind, m.value, line.slice(m.start, m.end)]),
    [
      ['iccid', ICCID20, ICCID20],
      ['imei', IMEI, IMEI],
      ['imsi', IMSI, IMSI],
      ['msisdn', '13800138000', '+8613800138000'],
      ['iccid', `${ICCID19}F`, `${ICCID19}F`],
    ],
  );
  assert.equal(findIdentifiers(`${ICCID20}1`).length, 0, 'a 21-digit number holds no ICCID');
  assert.equal(findIdentifiers(`${IMEI} ${IMEI} ${IMEI}`, 2).length, 2, 'the limit bounds the work');
});

test('a card carries an identifier only by exact value, whatever the server matched', () => {
  const card = { iccid: ICCID20, cid: ICCID20, imsi: IMSI, imei: IMEI, msisdn: '8613800138000' };
  assert.equal(cardHasIdentifier(card, { kind: 'iccid', value: ICCID20 }), true);
  assert.equal(cardHasIdentifier(card, { kind: 'imsi', value: IMSI }), true);
  assert.equal(cardHasIdentifier(card, { kind: 'imei', value: IMEI }), true);
  assert.equal(cardHasIdentifier(card, { kind: 'msisdn', value: '13800138000' }), true, 'country code on the card');
  assert.equal(cardHasIdentifier(card, { kind: 'imei', value: IMEI.slice(0, 14) + '0' }), false);
  assert.equal(cardHasIdentifier({ cid: 'V00000000112345' }, { kind: 'iccid', value: ICCID20 }), false);
  assert.equal(cardHasIdentifier({ iccid: `${ICCID19}f` }, { kind: 'iccid', value: `${ICCID19}F` }), true);
});
