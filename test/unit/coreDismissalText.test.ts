// Moments shown to a person read in the machine's time zone, not UTC: a dismissal's end is
// written as the local date and time it happens. The time zone is set before any date is made.
process.env.TZ = 'Asia/Shanghai';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dismissalUntilText, makeDismissal } from '../../src/core/dismissals';

const t = (s: string, ...args: unknown[]): string => s.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

test('a dismissal for a day ends at the local date and time it was made, a day later', () => {
  // 2026-06-10 23:30 UTC is 2026-06-11 07:30 in Shanghai (UTC+8).
  const at = Date.UTC(2026, 5, 10, 23, 30);
  const d = makeDismissal({ cardId: '1', label: '89860000000000000001', reasons: 1 }, 'day', '', at);
  assert.equal(dismissalUntilText(d, t), 'until 2026-06-12 07:30');
});

test('dismissals without an end say how they end', () => {
  const at = Date.UTC(2026, 5, 10);
  assert.equal(dismissalUntilText(makeDismissal({ cardId: '1', label: 'x', reasons: 1 }, 'change', '', at), t), 'until its reasons change');
  assert.equal(dismissalUntilText(makeDismissal({ cardId: '1', label: 'x', reasons: 1 }, 'forever', '', at), t), 'until restored');
});
