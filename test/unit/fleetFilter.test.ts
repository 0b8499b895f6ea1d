import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeFilter, filterToQuery, isFilterActive, validateMb, validateMsisdn, validateRange, validateSearchKey } from '../../src/fleet/filter';
import { formatOnly } from '../../src/core/translate';

test('every filter condition becomes its ListSimCards parameter', () => {
  const q = filterToQuery(
    {
      simType: 3,
      deviceStatus: 3,
      tags: [{ id: '7', name: 'north' }, { id: '12', name: 'south' }],
      search: { type: 2, key: '5702790861709056' },
      msisdn: '1064812345678',
      usedMb: { min: 0, max: 500 },
      leftMb: { min: 10 },
      realNamed: false,
      attributes: { 2: 'warehouse A', 5: '' },
    },
    { key: 'flow_left', order: 'desc' },
  );
  assert.deepEqual(q, {
    sim_type: 3,
    device_status: 3,
    tag_id: ['7', '12'],
    main_search_type: 2,
    main_search_key: '5702790861709056',
    msisdn: '1064812345678',
    min_used_flow: 0,
    max_used_flow: 500,
    min_left_flow: 10,
    real_named: false,
    customer_attribute2: 'warehouse A',
    sort: 'flow_left',
    order: 'desc',
  });
});

test('an empty filter sends no parameter and is not active; a zero bound is active', () => {
  assert.deepEqual(filterToQuery({}), {});
  assert.equal(isFilterActive({}), false);
  assert.equal(isFilterActive({ usedMb: { min: 0 } }), true);
  assert.equal(isFilterActive({ realNamed: false }), true);
});

test('the view description names each condition and the sort', () => {
  const text = describeFilter({ simType: 2, tags: [{ id: '1', name: 'north' }], leftMb: { max: 5 } }, { key: 'act_date', order: 'asc' }, formatOnly);
  assert.equal(text, 'eSIM · tags: north · left ≤ 5 MB · Activation date ↑');
});

test('MB input must be a whole number from 0 to 2147483647 and says so', () => {
  for (const ok of ['', '0', ' 42 ', '2147483647']) assert.equal(validateMb(ok, formatOnly), undefined, ok);
  for (const bad of ['-1', '1.5', '2147483648', 'ten', '1e3']) {
    assert.equal(validateMb(bad, formatOnly), 'Enter a whole number of MB from 0 to 2147483647', bad);
  }
});

test('a range with its minimum above its maximum is refused with both numbers', () => {
  assert.match(validateRange({ min: 10, max: 5 }, formatOnly) ?? '', /10 MB.*5 MB/);
  assert.equal(validateRange({ min: 5, max: 5 }, formatOnly), undefined);
});

test('search keys and MSISDNs are checked against the API limits', () => {
  assert.equal(validateSearchKey(1, '8986', formatOnly), undefined);
  assert.ok(validateSearchKey(1, 'x'.repeat(129), formatOnly));
  assert.ok(validateSearchKey(2, 'abc', formatOnly));
  assert.ok(validateSearchKey(3, '12345678901234567890', formatOnly));
  assert.ok(validateSearchKey(1, '   ', formatOnly));
  assert.equal(validateMsisdn('+8610648123', formatOnly), undefined);
  assert.ok(validateMsisdn('1064-8', formatOnly));
  assert.ok(validateMsisdn('1'.repeat(33), formatOnly));
});
