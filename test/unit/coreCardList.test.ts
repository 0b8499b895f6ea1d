// The batch from a list: what a pasted or opened list says, and which cards of a fleet it names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SimDeviceVO } from '../../src/gsl/models';
import { CardMatcher, classifyIdentifier, readCardList } from '../../src/core/cardList';

const ICCID = (n: number) => `8986031234567890${String(n).padStart(4, '0')}`;

test('identifiers are told apart by shape', () => {
  assert.equal(classifyIdentifier('89860312345678901234'), 'iccid');
  assert.equal(classifyIdentifier('8986031234567890123F'), 'iccid');
  assert.equal(classifyIdentifier('+8614401234567'), 'msisdn');
  assert.equal(classifyIdentifier('89049032000000001212345678901234'), 'cid');
  assert.equal(classifyIdentifier('V000000012123456'), 'cid');
  assert.equal(classifyIdentifier('not an id!'), undefined);
});

test('one identifier a line: blank lines, comments and a header are skipped; repeats and unreadable lines are reported', () => {
  const r = readCardList(`ICCID\r\n${ICCID(1)}\n\n# a note\n${ICCID(2)}\n${ICCID(1)}\nhello world\n`);
  assert.equal(r.kind, 'list');
  if (r.kind !== 'list') return;
  assert.deepEqual(r.list.entries.map((e) => [e.line, e.text]), [[2, ICCID(1)], [5, ICCID(2)]]);
  assert.deepEqual(r.list.duplicates.map((e) => e.line), [6]);
  assert.deepEqual(r.list.unreadable, [{ line: 7, text: 'hello world' }]);
});

test('a CSV: the column its header names is read; quoted and spreadsheet-escaped cells are unwrapped', () => {
  const r = readCardList(`name,iccid,msisdn\n"Pump, north",="${ICCID(1)}",14401234567\nPump 2,'${ICCID(2)},14401234568\n`);
  assert.equal(r.kind, 'list');
  if (r.kind !== 'list') return;
  assert.equal(r.list.column, 'iccid');
  assert.deepEqual(r.list.entries.map((e) => e.text), [ICCID(1), ICCID(2)]);
});

test('a CSV without a header: the one column of identifiers is read, or the person chooses among several', () => {
  const one = readCardList(`x;${ICCID(1)}\ny;${ICCID(2)}`);
  assert.equal(one.kind === 'list' && one.list.column, 'column 2');
  const two = readCardList(`${ICCID(1)}\t${ICCID(3)}\n${ICCID(2)}\t${ICCID(4)}`);
  assert.equal(two.kind, 'chooseColumn');
  if (two.kind !== 'chooseColumn') return;
  assert.deepEqual(two.columns.map((c) => c.label), ['column 1', 'column 2']);
  const chosen = readCardList(`${ICCID(1)}\t${ICCID(3)}\n${ICCID(2)}\t${ICCID(4)}`, 1);
  assert.deepEqual(chosen.kind === 'list' && chosen.list.entries.map((e) => e.text), [ICCID(3), ICCID(4)]);
});

test('an empty or unreadable list is refused, saying what to give instead', () => {
  const empty = readCardList(' \n\n# only a comment\n');
  assert.equal(empty.kind === 'problem' && empty.problem.message, 'The list is empty: give one ICCID, container id or MSISDN a line, or a CSV file with a column of them.');
  const junk = readCardList('!!\n??');
  assert.equal(junk.kind, 'problem');
  if (junk.kind === 'problem') assert.deepEqual(junk.problem.args, [1, '!!']);
  const table = readCardList('a,b\nc,d!\n');
  assert.equal(table.kind === 'problem' && /No column/.test(table.problem.message), true);
});

test('entries resolve to cards exactly (ICCID, container id or MSISDN); unknown entries and second names of one card are reported', () => {
  const fleet: SimDeviceVO[] = [
    { sim_card_id: '1', iccid: ICCID(1), cid: ICCID(1), msisdn: '14401234567' },
    { sim_card_id: '2', iccid: ICCID(2), cid: 'V000000002123456', msisdn: '14401234568' },
  ];
  const m = new CardMatcher();
  m.add(fleet);
  const r = readCardList(`${ICCID(1)}\n+14401234568\n${ICCID(9)}\n14401234567\nv000000002123456`);
  assert.equal(r.kind, 'list');
  if (r.kind !== 'list') return;
  const resolved = m.resolve(r.list.entries);
  assert.deepEqual(resolved.found.map((f) => f.card.sim_card_id), ['1', '2']);
  assert.deepEqual(resolved.unknown.map((e) => e.text), [ICCID(9)]);
  assert.deepEqual(resolved.sameCard.map((e) => e.line), [4, 5]);
});
