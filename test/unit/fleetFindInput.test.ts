import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyFindInput, findQuery, validateFindInput } from '../../src/fleet/findInput';
import { formatOnly } from '../../src/core/translate';

test('19–20 character ICCIDs (last may be a hex letter) search by container id', () => {
  assert.deepEqual(classifyFindInput('89860123456789012345'), { kind: 'iccid', value: '89860123456789012345' });
  assert.deepEqual(classifyFindInput('8986012345678901234f'), { kind: 'iccid', value: '8986012345678901234F' });
  assert.deepEqual(classifyFindInput('8986 0123 4567 8901 234'), { kind: 'iccid', value: '8986012345678901234' });
  assert.deepEqual(findQuery({ kind: 'iccid', value: '89860123456789012345' }), { main_search_type: 1, main_search_key: '89860123456789012345' });
});

test('15 digits is an IMEI (main_search_type 3); shorter numbers are MSISDNs', () => {
  assert.deepEqual(classifyFindInput('356938035643809'), { kind: 'imei', value: '356938035643809' });
  assert.deepEqual(findQuery({ kind: 'imei', value: '356938035643809' }), { main_search_type: 3, main_search_key: '356938035643809' });
  assert.deepEqual(classifyFindInput('1064812345678'), { kind: 'msisdn', value: '1064812345678' });
  assert.deepEqual(classifyFindInput('+86-138-0013-8000'), { kind: 'msisdn', value: '+8613800138000' });
  assert.deepEqual(findQuery({ kind: 'msisdn', value: '1064812345678' }), { msisdn: '1064812345678' });
});

test('nonsense is refused with a message saying what to enter', () => {
  for (const bad of ['hello', '123', '8986012345678901234567', '89860123456789G1234', '']) {
    assert.equal(classifyFindInput(bad), undefined, bad);
    assert.ok(validateFindInput(bad, formatOnly), bad);
  }
  assert.match(validateFindInput('hello', formatOnly) ?? '', /ICCID.*IMEI.*MSISDN/);
});
