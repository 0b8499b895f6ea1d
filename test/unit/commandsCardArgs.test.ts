import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cardsFromArgs } from '../../src/commands/cardArgs';
import { actionQuestion, changeText, clearRealNameConsequence, requestSummary, workOrdersSummary } from '../../src/core/actionSummary';
import { formatOnly } from '../../src/core/translate';
import { workOrderOutcome } from '../../src/core/workOrders';

const node = (id: string) => ({ card: { sim_card_id: id, iccid: `8986000000000000${id.padStart(4, '0')}`, sim_type: 3 as const } });

const ids = (xs: ReturnType<typeof cardsFromArgs>) => xs.map((x) => `${x.accountId}/${x.card.sim_card_id}`);

test('a context-menu call acts on the whole selection when the clicked card is in it', () => {
  assert.deepEqual(ids(cardsFromArgs(node('1'), [node('1'), node('2')], 'demo')), ['demo/1', 'demo/2']);
});

test('a right-click outside the selection acts on the clicked card alone', () => {
  assert.deepEqual(ids(cardsFromArgs(node('3'), [node('1'), node('2')], 'demo')), ['demo/3']);
});

test('panels pass { card }; the palette passes nothing; other nodes are ignored', () => {
  assert.deepEqual(ids(cardsFromArgs(node('5'), undefined, 'demo')), ['demo/5']);
  assert.deepEqual(cardsFromArgs(), []);
  assert.deepEqual(cardsFromArgs({ status: 20 }, [{ status: 20 }], 'demo'), []);
  assert.deepEqual(ids(cardsFromArgs(node('1'), [node('1'), node('1')], 'demo')), ['demo/1']);
});

test('each card keeps its own account; the same card id in two accounts is two cards', () => {
  const a = { ...node('1'), accountId: 'demo' };
  const b = { ...node('1'), accountId: 'acct-0123456789abcdef' };
  assert.deepEqual(ids(cardsFromArgs(a, [a, b])), ['demo/1', 'acct-0123456789abcdef/1']);
  // A card without an account belongs to the only account signed in, and to none when several are.
  assert.deepEqual(ids(cardsFromArgs(node('7'), undefined, 'demo')), ['demo/7']);
  assert.deepEqual(cardsFromArgs(node('7')), []);
});

test('the summary counts successes over everything selected and names each failure with its reason', () => {
  const cards = ['1', '2', '3', '4', '5'].map((id) => node(id).card);
  const text = requestSummary(
    'stop',
    [...cards.slice(0, 4).map((card) => ({ card, ok: true })), { card: cards[4], ok: false, message: 'Same operation not allowed again within 5 minutes; try again after 16:42.' }],
    [],
    0,
    formatOnly,
  );
  assert.equal(text, 'Stopped 4 of 5 cards. 1 failed: 89860000000000000005 — Same operation not allowed again within 5 minutes; try again after 16:42.');
});

test('skipped and cancelled cards are reported, and one card gets its own sentence', () => {
  const [a, b] = [node('1').card, node('2').card];
  assert.equal(requestSummary('resume', [{ card: a, ok: true }], [b], 2, formatOnly), 'Resumed 1 of 4 cards. 1 skipped: the action does not apply to them now. 2 not attempted: cancelled.');
  assert.equal(requestSummary('activate', [{ card: a, ok: true }], [], 0, formatOnly), 'Activation requested for card 89860000000000000001; following its work order.');
});

test('work-order outcomes: completed, failed with the reason, or not followed to the end', () => {
  const base = { workOrderId: '9', cardId: '1', action: 'resume' as const, startedAt: 0, finishedAt: 1, label: 'X' };
  assert.equal(workOrdersSummary('resume', [{ ...base, status: 4, outcome: 'succeeded' }], formatOnly), 'Card X: resume completed.');
  assert.equal(workOrdersSummary('resume', [{ ...base, status: 6, outcome: 'failed', failReason: 'carrier busy' }], formatOnly), 'Card X: resume failed — carrier busy');
  assert.equal(
    workOrdersSummary('resume', [{ ...base, outcome: 'unknown', failReason: 'The session ended before the work order did.' }], formatOnly),
    'Card X: could not follow the resume to its end, so it may have been carried out — The session ended before the work order did.',
  );
  assert.equal(
    workOrdersSummary('stop', [{ ...base, status: 4, outcome: 'succeeded' }, { ...base, label: 'Y', status: 6, outcome: 'failed', failReason: 'no' }], formatOnly),
    'stop work orders ended: 1 completed, 1 failed. Y — no',
  );
  assert.equal(
    workOrdersSummary('stop', [{ ...base, status: 4, outcome: 'succeeded' }, { ...base, label: 'Z', outcome: 'unknown', failReason: 'gone' }], formatOnly),
    'stop work orders ended: 1 completed, 0 failed, 1 not followed to the end. Z — gone',
  );
});

test('a work order succeeded only when it completed with no failed line', () => {
  assert.equal(workOrderOutcome({ status: 3 }), 'pending');
  assert.equal(workOrderOutcome({ status: 4, fail_count: 0 }), 'succeeded');
  assert.equal(workOrderOutcome({ status: 4, fail_count: 1 }), 'failed');
  for (const status of [5, 6, 7] as const) assert.equal(workOrderOutcome({ status, fail_count: 0 }), 'failed');
});

test('a summary keeps refusals, lost answers and cards not sent apart, each with its reason', () => {
  const cards = ['1', '2', '3', '4'].map((id) => node(id).card);
  const text = requestSummary(
    'addTags',
    [
      { card: cards[0], ok: true },
      { card: cards[1], ok: false, message: 'The tag does not exist or this account cannot use it; refresh the tag list and try again.' },
      { card: cards[2], ok: false, lost: true, message: 'lost' },
    ],
    [],
    0,
    formatOnly,
    [{ card: cards[3], reason: { message: 'A card holds at most {0} tags.', args: [10] } }],
  );
  assert.equal(
    text,
    'Tags added to 1 of 4 cards. 1 failed: 89860000000000000002 — The tag does not exist or this account cannot use it; refresh the tag list and try again. ' +
      '1 may have been carried out, but the answer was lost (not sent again; refresh and check them before trying again): 89860000000000000003 ' +
      '1 not sent: 89860000000000000004 — A card holds at most 10 tags.',
  );
});

test('the real-name check says how many cards are registered', () => {
  const [a, b] = [node('1').card, node('2').card];
  assert.equal(requestSummary('checkRealName', [{ card: a, ok: true, value: true }, { card: b, ok: true, value: false }], [], 0, formatOnly), 'Real-name checked for 2 of 2 cards. 1 registered, 1 not registered.');
});

test('the question names the card or counts the cards, and says what will change', () => {
  const [a, b] = [node('1').card, node('2').card];
  assert.equal(actionQuestion('limitSpeed', [a], 'Limit Speed', changeText('limitSpeed', { kbps: 7424 }, formatOnly), formatOnly), 'Limit the speed of card 89860000000000000001 to 7.25 Mbps?');
  assert.equal(actionQuestion('addTags', [a, b], 'Add Tags', changeText('addTags', { tags: ['vip', 'north'] }, formatOnly), formatOnly), 'Add "vip", "north" to 2 cards?');
  assert.equal(actionQuestion('setAttribute', [a], '', changeText('setAttribute', { slot: 1, value: 'Beijing' }, formatOnly, 'Site'), formatOnly), 'Set Site = "Beijing" on card 89860000000000000001?');
  assert.equal(actionQuestion('setUsageCutoff', [a, b], '', changeText('setUsageCutoff', { quotaMb: '500' }, formatOnly), formatOnly), 'Cut the network of 2 cards once each has used 500 MB?');
  assert.equal(actionQuestion('stop', [a, b], 'Stop', '', formatOnly), 'Stop 2 cards?');
  assert.match(clearRealNameConsequence(2, formatOnly), /removes the identity registered for these 2 cards/);
});
