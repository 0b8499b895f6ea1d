import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyFindInput, findQuery, validateFindInput } from '../../src/fleet/findInput';
import { luhnValid } from '../../src/gsl/luhn';
import { formatOnly } from '../../src/core/translate';

const withCheck = (body: string): string => body + [...'0123456789'].find((d) => luhnValid(body + d))!;
const ICCID = withCheck('8986012345678901234');
const ICCID19 = withCheck('898601234567890123');

test('ICCIDs (19–20 digits from 89, valid check digit, an F filler after 19) search by container id', () => {
  assert.deepEqual(classifyFindInput(ICCID), { kind: 'iccid', value: ICCID });
  assert.deepEqual(classifyFindInput(`${ICCID19}f`), { kind: 'iccid', value: `${ICCID19}F` });
  assert.deepEqual(classifyFindInput(`${ICCID19.slice(0, 4)} ${ICCID19.slice(4, 8)} ${ICCID19.slice(8)}`), { kind: 'iccid', value: ICCID19 });
  assert.deepEqual(findQuery({ kind: 'iccid', value: ICCID }), { main_search_type: 1, main_search_key: ICCID });
});

test('15 digits: an IMEI (main_search_type 3) when the check digit holds, an IMSI (no search) from a GSL region MCC; shorter numbers are MSISDNs', () => {
  assert.deepEqual(classifyFindInput('356938035643809'), { kind: 'imei', value: '356938035643809' });
  assert.deepEqual(findQuery({ kind: 'imei', value: '356938035643809' }), { main_search_type: 3, main_search_key: '356938035643809' });
  assert.deepEqual(classifyFindInput('460041234567890'), { kind: 'imsi', value: '460041234567890' });
  assert.equal(findQuery({ kind: 'imsi', value: '460041234567890' }), undefined);
  assert.deepEqual(classifyFindInput('1064812345678'), { kind: 'msisdn', value: '1064812345678' });
  assert.deepEqual(classifyFindInput('+86-138-0013-8000'), { kind: 'msisdn', value: '13800138000' });
  assert.deepEqual(classifyFindInput('12345'), { kind: 'msisdn', value: '12345', partial: true });
  assert.deepEqual(findQuery({ kind: 'msisdn', value: '1064812345678' }), { msisdn: '1064812345678' });
});

test('nonsense and numbers with a wrong check digit are refused with a message saying what to enter', () => {
  const wrongIccid = ICCID.slice(0, -1) + String((Number(ICCID.slice(-1)) + 1) % 10);
  for (const bad of ['hello', '123', '8986012345678901234567', '89860123456789G1234', '', wrongIccid, '356938035643808']) {
    assert.equal(classifyFindInput(bad), undefined, bad);
    assert.ok(validateFindInput(bad, formatOnly), bad);
  }
  assert.match(validateFindInput('hello', formatOnly) ?? '', /ICCID.*IMSI.*IMEI.*MSISDN/);
});
