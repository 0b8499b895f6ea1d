import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTime } from '../../src/core/dateText';

test('a time of day reads HH:mm in the local time zone, from a date or epoch milliseconds', () => {
  assert.equal(formatTime(new Date(2026, 0, 5, 7, 3)), '07:03');
  assert.equal(formatTime(new Date(2026, 0, 5, 23, 59, 59).getTime()), '23:59');
  assert.equal(formatTime(new Date(2026, 0, 5, 0, 0)), '00:00');
});
