// A run's progress refreshed the Needs attention group every 250 ms, and each refresh made VS Code
// read its expanded lists again: the throttle keeps that to one refresh an interval.
import { afterEach, beforeEach, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { Throttle } from '../../src/core/throttle';

beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 }));
afterEach(() => mock.timers.reset());

test('runs the first call at once and folds the calls within the interval into one run at its end', () => {
  let runs = 0;
  const throttle = new Throttle(() => runs++, 2000);
  throttle.call();
  assert.equal(runs, 1);
  for (let i = 0; i < 7; i++) {
    mock.timers.tick(250);
    throttle.call();
  }
  assert.equal(runs, 1, 'nothing more within the interval');
  mock.timers.tick(250);
  assert.equal(runs, 2, 'the last call is not lost');
  mock.timers.tick(10_000);
  assert.equal(runs, 2);
  throttle.call();
  assert.equal(runs, 3, 'after a quiet interval a call runs at once');
  throttle.dispose();
});

test('superseded drops a pending run and starts the interval again', () => {
  let runs = 0;
  const throttle = new Throttle(() => runs++, 2000);
  throttle.call();
  mock.timers.tick(500);
  throttle.call();
  throttle.superseded();
  mock.timers.tick(5000);
  assert.equal(runs, 1, 'the pending run was dropped');
  throttle.superseded();
  mock.timers.tick(1000);
  throttle.call();
  assert.equal(runs, 1, 'waits out the interval from the fuller refresh');
  mock.timers.tick(1000);
  assert.equal(runs, 2);
  throttle.dispose();
});
