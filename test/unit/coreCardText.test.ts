import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SimDeviceVO } from '../../src/gsl/models';
import { cardAccessibilityLabel, cardDescription, cardLabel, cardTooltipMarkdown, formatMb } from '../../src/core/cardText';
import { escapeMarkdown } from '../../src/core/text';
import { formatOnly } from '../../src/core/translate';

const physical: SimDeviceVO = {
  sim_card_id: '4710226018477568',
  iccid: '89860123456789012345',
  cid: '89860123456789012345',
  sim_type: 3,
  sim_status: 20,
  msisdn: '1064812345678',
  flow_left: 123.44,
  flow_used: 2048,
};

test('physical cards are labelled by ICCID, eSIM and vSIM by container id, then MSISDN, then the id', () => {
  assert.equal(cardLabel(physical), '89860123456789012345');
  assert.equal(cardLabel({ sim_card_id: '1', sim_type: 2, cid: 'EID0001', iccid: '89860000000000000001' }), 'EID0001');
  assert.equal(cardLabel({ sim_card_id: '1', sim_type: 1, cid: 'CID42' }), 'CID42');
  assert.equal(cardLabel({ sim_card_id: '1', sim_type: 3, cid: 'X', iccid: '89860000000000000001' }), '89860000000000000001');
  assert.equal(cardLabel({ sim_card_id: '9', msisdn: '1064800000001' }), '1064800000001');
  assert.equal(cardLabel({ sim_card_id: '77' }), '77');
});

test('the description shows MSISDN and data left, and a pending action first', () => {
  assert.equal(cardDescription(physical, formatOnly), '1064812345678 · 123.44 MB left');
  assert.equal(cardDescription(physical, formatOnly, 'resume'), 'pending: Resume · 1064812345678 · 123.44 MB left');
  assert.equal(cardDescription({ sim_card_id: '1' }, formatOnly), '');
});

test('megabytes read as MB, GB or TB with up to two decimals, keeping the sign of an overage', () => {
  assert.equal(formatMb(0), '0 MB');
  assert.equal(formatMb(512), '512 MB');
  assert.equal(formatMb(1536), '1.5 GB');
  assert.equal(formatMb(1000.2468 * 1024), '1000.25 GB');
  assert.equal(formatMb(-12.346), '-12.35 MB');
  assert.equal(formatMb(3 * 1024 * 1024), '3 TB');
  assert.equal(formatMb(Number.NaN), '—');
});

test('the screen-reader label names the status in words', () => {
  assert.equal(cardAccessibilityLabel(physical, formatOnly), 'Card 89860123456789012345, In use');
  assert.equal(cardAccessibilityLabel({ ...physical, sim_status: 14 }, formatOnly, 'resume'), 'Card 89860123456789012345, Deactivated, pending: Resume');
});

// Tags and custom attributes are typed by users: the tooltip must show them as text, never as markup.
test('user-typed tags and attributes cannot inject links, images, HTML or command URIs into the tooltip', () => {
  const hostile = '[click](command:simFleet.account.signOut) ![x](http://e/x.png) <img src=x onerror=alert(1)> **b** `c` &lt;';
  const md = cardTooltipMarkdown({ ...physical, tag_names: hostile, customer_attribute3: 'a\n# heading' }, formatOnly);
  assert.doesNotMatch(md, /(^|[^\\])\[click\]/);
  assert.doesNotMatch(md, /(^|[^\\])</);
  assert.doesNotMatch(md, /(^|[^\\])\*\*b/);
  assert.doesNotMatch(md, /(^|[^\\])&lt;/);
  assert.doesNotMatch(md, /\n# heading/);
  assert.match(md, /Tags: \\\[click\\\]\\\(command\\:simFleet\\\.account\\\.signOut\\\)/);
  assert.match(md, /Attribute 3: a \\# heading/);
});

test('escapeMarkdown escapes every ASCII punctuation character and joins lines', () => {
  assert.equal(escapeMarkdown('a_b*c'), 'a\\_b\\*c');
  assert.equal(escapeMarkdown('x\r\ny'), 'x y');
  assert.equal(escapeMarkdown('中文 123'), '中文 123');
});

test('a three-network card\'s tooltip names the carrier it is online with and its switch policy, as text', () => {
  const md = cardTooltipMarkdown(physical, formatOnly, undefined, undefined, [], { online_carrier: 3, policy_name: '*Strongest* signal' });
  assert.match(md, /^Online carrier: China Unicom {0,2}$/m);
  assert.ok(md.includes(`Switch policy: ${escapeMarkdown('*Strongest* signal')}`), md);
  assert.doesNotMatch(cardTooltipMarkdown(physical, formatOnly), /Online carrier/, 'other cards have no carrier row');
});
