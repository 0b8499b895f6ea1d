// A hover over a card identifier is markdown VS Code renders with our commands enabled. Card data
// must never become one of those links (or any link, image, HTML or icon), and the links it does
// carry name only SIM Fleet's card commands with `{ accountId, cardId }`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SimDeviceVO } from '../../src/gsl/models';
import { absentHoverMarkdown, cardHoverMarkdown, inlineStatusText } from '../../src/core/cardHover';
import { cardCommandUri, readAccountCard } from '../../src/core/cardLinks';
import { CARD_LINK_COMMANDS } from '../../src/core/commandIds';
import { actionConfirmation } from '../../src/core/actionSummary';
import { formatOnly } from '../../src/core/translate';

const HOSTILE = '[x](command:simFleet.account.signOut) $(check) <img src=x onerror=alert(1)> ![i](http://e/x.png) **bold**';

const card: SimDeviceVO = {
  sim_card_id: '9007199254741003',
  iccid: '89860012345678901234',
  msisdn: '1440123456789',
  imsi: '460041234567890',
  imei: '356938035643809',
  sim_status: 14,
  sim_type: 3,
  operator_status: 5,
  price_plan_name: HOSTILE,
  flow_left: 1536,
  tag_names: HOSTILE,
};

/** Link destinations markdown would make of `md`: `](…)` whose `]` is not escaped. */
function links(md: string): string[] {
  return [...md.matchAll(/(?<!\\)\]\(([^)\s]+)/g)].map((m) => m[1]);
}

test('hover: status, plan, data left and the other identifiers; card data escaped, never a link', () => {
  const md = cardHoverMarkdown({ id: { kind: 'iccid', value: card.iccid! }, accountId: 'demo', card }, formatOnly);
  assert.match(md, /Status: Deactivated \\\(Suspended by the customer\\\)/);
  assert.match(md, /Data left: 1\\\.5 GB/);
  assert.match(md, /MSISDN: 1440123456789/);
  assert.doesNotMatch(md, /ICCID: /, 'the hovered identifier is not repeated');
  // The hostile plan name and tags are there, as text: every bracket, paren, $ and < escaped.
  assert.ok(md.includes('\\[x\\]\\(command\\:simFleet\\.account\\.signOut\\) \\$\\(check\\) \\<img'), md);
  assert.doesNotMatch(md, /(?<!\\)<img/);
  assert.doesNotMatch(md, /(?<!\\)\$\(/);
  // Only our links, each to an allowed command, each with exactly { accountId, cardId }.
  const targets = links(md);
  assert.equal(targets.length, 5);
  for (const target of targets) {
    const m = /^command:([\w.]+)\?(.+)$/.exec(target);
    assert.ok(m, target);
    assert.ok((CARD_LINK_COMMANDS as readonly string[]).includes(m[1]), m[1]);
    assert.deepEqual(JSON.parse(decodeURIComponent(m[2])), [{ accountId: 'demo', cardId: '9007199254741003' }]);
  }
});

test('hover of an identifier no account holds, and the inline status', () => {
  assert.equal(absentHoverMarkdown({ kind: 'imei', value: '356938035643809' }, formatOnly), 'IMEI 356938035643809 is not a card of the signed\\-in fleet\\.');
  assert.equal(inlineStatusText(card, formatOnly), 'Deactivated · 1.5 GB left');
});

test('link arguments: exactly { accountId, cardId } with a GSL id; anything else is refused, other arguments are not links', () => {
  const uri = cardCommandUri('simFleet.card.openDetail', { accountId: 'account:ak [x](y)', cardId: '42' });
  assert.ok(uri.startsWith('command:simFleet.card.openDetail?'));
  assert.doesNotMatch(uri.slice('command:'.length), /[\s()[\]]/, 'encoded: nothing in it can end a markdown link');
  assert.deepEqual(readAccountCard({ accountId: 'demo', cardId: '4710226018477568' }), { accountId: 'demo', cardId: '4710226018477568' });
  for (const bad of [
    { accountId: 'demo', cardId: 4710226018477568 },
    { accountId: 'demo', cardId: '47x' },
    { accountId: 'demo', cardId: '12345678901234567890' },
    { accountId: '', cardId: '1' },
    { accountId: 'demo', cardId: '1', card: { sim_card_id: '1' } },
    { cardId: '1' },
  ]) {
    assert.equal(readAccountCard(bad), 'invalid', JSON.stringify(bad));
  }
  for (const other of [undefined, null, 'text', [1], { card: { sim_card_id: '1' } }, { accountId: 'demo', card: { sim_card_id: '1' } }]) assert.equal(readAccountCard(other), 'none');
});

test('the confirmation of an action names the cards, the ones skipped, and the button', () => {
  const cards = Array.from({ length: 12 }, (_, i) => ({ ...card, sim_card_id: String(i + 1), iccid: `8986001234567890${String(i).padStart(4, '0')}` }));
  assert.deepEqual(actionConfirmation('resume', cards.slice(0, 1), 0, formatOnly), { question: 'Resume card 89860012345678900000?', detail: '89860012345678900000', button: 'Resume' });
  const many = actionConfirmation('stop', cards, 3, formatOnly);
  assert.equal(many.question, 'Stop 12 cards?');
  assert.equal(many.detail.split('\n').length, 10 + 3, 'ten names, the rest counted, a blank line, the skipped');
  assert.match(many.detail, /…and 2 more\.\n\n3 selected cards are skipped/);
});
