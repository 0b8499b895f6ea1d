// What a person types for a card action is checked here before any request: these are the
// sentences that say what to fix, and the values each carrier accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SimDeviceVO } from '../../src/gsl/models';
import {
  attributeNameProblem,
  attributeValueProblem,
  commonSpeedValues,
  imeiProblem,
  inputProblem,
  inputSkipReason,
  luhnValid,
  newTagNamesProblem,
  quotaProblem,
  smsLength,
  smsProblem,
  speedText,
  speedValues,
  splitTagNames,
  tagNameProblem,
} from '../../src/core/cardInputs';

const msg = (p: { message: string; args: Array<string | number> } | undefined) => (p ? p.message.replace(/\{(\d+)\}/g, (_, i: string) => String(p.args[Number(i)])) : undefined);

test('speed limits are the carrier\'s own values, in Kbps (1 Mbps = 1024, 7.25 Mbps = 7424)', () => {
  assert.deepEqual(speedValues('China Unicom'), [256, 512, 1024, 2048, 7424]);
  assert.deepEqual(speedValues('China Telecom').slice(0, 6), [1, 64, 256, 512, 1024, 3072]);
  assert.equal(speedValues('China Telecom').at(-1), 150 * 1024);
  assert.equal(speedValues('China Telecom').length, 23);
  assert.deepEqual(speedValues('China Mobile'), []);
  assert.deepEqual(commonSpeedValues(['China Telecom', 'China Unicom']), [256, 512, 1024]);
  assert.equal(speedText(7424), '7.25 Mbps');
  assert.equal(speedText(512), '512 Kbps');
});

test('an IMEI is 15 digits whose last is its Luhn check digit', () => {
  assert.equal(luhnValid('490154203237518'), true);
  assert.equal(imeiProblem('490154203237518'), undefined);
  assert.equal(msg(imeiProblem('')), 'Enter the device IMEI: 15 digits.');
  assert.equal(msg(imeiProblem('49015420323751')), 'An IMEI has 15 digits; this one has 14.');
  assert.equal(msg(imeiProblem('49015420323751x')), 'An IMEI has digits only; remove the other characters.');
  assert.match(msg(imeiProblem('490154203237519')) ?? '', /check digit/);
});

test('a usage threshold is -1, 0 or a whole number of MB', () => {
  for (const ok of ['-1', '0', '500', ' 2147483647 ']) assert.equal(quotaProblem(ok), undefined, ok);
  for (const bad of ['', '-2', '1.5', '01', '2147483648', 'ten']) assert.match(msg(quotaProblem(bad)) ?? '', /whole number/, bad);
});

test('tag names: 1–32 characters, no comma or control character, not taken, at most 10,000 per account', () => {
  assert.equal(tagNameProblem('cold-chain 测试 <b>'), undefined);
  assert.equal(msg(tagNameProblem('  ')), 'Enter a tag name.');
  assert.equal(msg(tagNameProblem('x'.repeat(33))), 'A tag name has at most 32 characters; this one has 33.');
  assert.match(msg(tagNameProblem('a,b')) ?? '', /comma/);
  assert.match(msg(tagNameProblem('a\nb')) ?? '', /line breaks/);
  assert.equal(msg(tagNameProblem('vip', ['vip'])), 'A tag named "vip" already exists.');
  const full = Array.from({ length: 10_000 }, (_, i) => `t${i}`);
  assert.match(msg(tagNameProblem('new', full)) ?? '', /10000 tags/);
  assert.deepEqual(splitTagNames(' a, b ,a,, c'), ['a', 'b', 'c']);
  assert.match(msg(newTagNamesProblem(['a', 'b'], full.slice(1))) ?? '', /room for 1 more tags; 2 were given/);
});

test('custom attributes: names 1–32 characters and not taken, at most 6; values at most 100 characters on one line', () => {
  assert.equal(attributeNameProblem('Site', ['Owner'], true), undefined);
  assert.equal(msg(attributeNameProblem('Owner', ['Owner'], false)), 'A custom attribute named "Owner" already exists.');
  assert.match(msg(attributeNameProblem('x'.repeat(33), [], false)) ?? '', /at most 32 characters; this one has 33/);
  assert.match(msg(attributeNameProblem('Seventh', ['1', '2', '3', '4', '5', '6'], true)) ?? '', /already has 6 custom attributes/);
  assert.equal(attributeNameProblem('Renamed', ['1', '2', '3', '4', '5'], false), undefined);
  assert.equal(attributeValueProblem(''), undefined);
  assert.equal(attributeValueProblem('x'.repeat(100)), undefined);
  assert.match(msg(attributeValueProblem('x'.repeat(101))) ?? '', /at most 100 characters; this one has 101/);
  assert.match(msg(attributeValueProblem('a\tb')) ?? '', /control characters/);
});

test('an SMS fits one message: 160 GSM 7-bit characters (€ and [ count twice), or 70 otherwise', () => {
  assert.deepEqual(smsLength('REBOOT'), { encoding: 'gsm7', used: 6, limit: 160 });
  assert.deepEqual(smsLength('€[]'), { encoding: 'gsm7', used: 6, limit: 160 });
  assert.deepEqual(smsLength('固件升级'), { encoding: 'ucs2', used: 4, limit: 70 });
  assert.equal(smsProblem('x'.repeat(160)), undefined);
  assert.equal(msg(smsProblem('x'.repeat(161))), 'The message is 161 characters long; one SMS holds 160. Shorten it.');
  assert.equal(smsProblem('升'.repeat(70)), undefined);
  assert.match(msg(smsProblem('升'.repeat(71))) ?? '', /71 characters long.*holds 70/);
  assert.equal(msg(smsProblem('   ')), 'Enter the message text.');
});

test('the runner\'s last check refuses incomplete or invalid input for each action', () => {
  assert.match(msg(inputProblem('limitSpeed', {})) ?? '', /Choose a speed/);
  assert.match(msg(inputProblem('bindImei', { bindType: 2, imei: '123' })) ?? '', /15 digits/);
  assert.equal(inputProblem('bindImei', { bindType: 1 }), undefined);
  assert.match(msg(inputProblem('addTags', { tags: [] })) ?? '', /at least one tag/);
  assert.match(msg(inputProblem('addTags', { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) })) ?? '', /at most 10 tags/);
  assert.match(msg(inputProblem('setAttribute', { value: 'x' })) ?? '', /Choose a custom attribute/);
  assert.match(msg(inputProblem('sendSms', { content: '' })) ?? '', /message text/);
  assert.equal(inputProblem('stop', {}), undefined);
});

test('a card the input does not suit is held back, saying why', () => {
  const base: SimDeviceVO = { sim_card_id: '1', sim_status: 20, sim_type: 3, tag_names: 'a,b', customer_attribute2: 'v' };
  const unicom = { ...base, iccid: '89860112345678901234' };
  const mobile = { ...base, iccid: '89860012345678901234' };
  assert.equal(msg(inputSkipReason('limitSpeed', unicom, { kbps: 3072 })), 'Its carrier does not offer a limit of 3 Mbps.');
  assert.equal(inputSkipReason('limitSpeed', unicom, { kbps: -1 }), undefined);
  assert.match(msg(inputSkipReason('bindImei', mobile, { bindType: 2, imei: '490154203237518' })) ?? '', /China Mobile/);
  assert.equal(msg(inputSkipReason('addTags', base, { tags: ['a'] })), 'It already has these tags.');
  assert.equal(inputSkipReason('addTags', base, { tags: ['a', 'c'] }), undefined);
  assert.equal(msg(inputSkipReason('addTags', base, { tags: ['c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'] })), 'A card holds at most 10 tags.');
  assert.equal(msg(inputSkipReason('removeTags', base, { tags: ['z'] })), 'It has none of these tags.');
  assert.equal(msg(inputSkipReason('setAttribute', base, { slot: 2, value: 'v' })), 'It already has this value.');
  assert.equal(msg(inputSkipReason('clearAttribute', base, { slot: 3 })), 'It has no value for this attribute.');
  assert.equal(inputSkipReason('clearAttribute', base, { slot: 2 }), undefined);
});
