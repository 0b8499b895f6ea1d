import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonText, parseJson, parseJsonBytes, stringifyJson } from '../../src/gsl/json';

test('an id above 2^53 survives parse and stringify unchanged', () => {
  const text = '{"sim_card_id":9223372036854774784,"order_id":9007199254740993,"flow_used":12.5,"sim_status":20}';
  const parsed = parseJson(text) as Record<string, unknown>;
  assert.equal(parsed.sim_card_id, '9223372036854774784');
  assert.equal(parsed.order_id, '9007199254740993');
  assert.equal(parsed.flow_used, 12.5);
  assert.equal(parsed.sim_status, 20);
  assert.equal(stringifyJson(parsed), text);
});

test('id arrays keep every digit; string ids and user text stay strings', () => {
  const parsed = parseJson('{"sim_card_ids":[9007199254740993, 2],"price_plan_id":"123","note":"\\"x_id\\":5"}') as Record<string, unknown>;
  assert.deepEqual(parsed.sim_card_ids, ['9007199254740993', '2']);
  assert.equal(parsed.note, '"x_id":5');
  assert.equal(stringifyJson({ sim_card_ids: ['9007199254740993'], note: '123', tag_name: '9' }), '{"sim_card_ids":[9007199254740993],"note":"123","tag_name":"9"}');
});

test('nested ids inside arrays of objects are kept exact', () => {
  const parsed = parseJson('[{"date":"20261101","sim_flow":[{"sim_card_id":18014398509481985,"flow":1.5}]}]') as Array<{ sim_flow: Array<{ sim_card_id: string }> }>;
  assert.equal(parsed[0].sim_flow[0].sim_card_id, '18014398509481985');
});

test('malformed JSON throws a SyntaxError', () => {
  assert.throws(() => parseJson('{"a":'), SyntaxError);
});

test('id keys with spaces around the colon are kept exact; a decimal under an id key is left a number', () => {
  const parsed = parseJson('{"sim_card_id" : 9007199254740993, "odd_id": 12.5, "id":1, "paid":7}') as Record<string, unknown>;
  assert.equal(parsed.sim_card_id, '9007199254740993');
  assert.equal(parsed.odd_id, 12.5);
  assert.equal(parsed.id, '1');
  assert.equal(parsed.paid, 7);
});

test('two long ids that round to the same double keep their own digits', () => {
  // 2^53 + 1 and 2^53 are the same double; only the text knows which is which.
  const parsed = parseJson('{"a":{"sim_card_id":9007199254740993},"b":{"sim_card_id":9007199254740992},"c":{"order_id":18014398509481985}}') as Record<string, Record<string, string>>;
  assert.equal(parsed.a.sim_card_id, '9007199254740993');
  assert.equal(parsed.b.sim_card_id, '9007199254740992');
  assert.equal(parsed.c.order_id, '18014398509481985');
});

test('a negative long id and ids nested in arrays of arrays are exact', () => {
  const parsed = parseJson('[[{"id":-9007199254740995,"x_id":12}]]') as Array<Array<Record<string, string>>>;
  assert.deepEqual(parsed[0][0], { id: '-9007199254740995', x_id: '12' });
});

test('a body with a few non-ASCII characters parses the same as its UTF-8 text, from a one-byte string', () => {
  const doc = { price_plan_name: '中国联通 200 MB 月包', tag_names: 'café,😀', 'ключ': 'x', sim_card_id: 9007199254740993n };
  const text = `{"price_plan_name":"${doc.price_plan_name}","tag_names":"${doc.tag_names}","ключ":"x","sim_card_id":9007199254740993}`;
  const bytes = Buffer.from(text, 'utf8');
  const escaped = jsonText(bytes);
  assert.ok([...escaped].every((c) => c.charCodeAt(0) < 0x80), 'every character is ASCII');
  assert.ok(escaped.includes('\\u4e2d'), 'non-ASCII characters are written as escapes');
  assert.deepEqual(parseJsonBytes(bytes), { price_plan_name: doc.price_plan_name, tag_names: doc.tag_names, 'ключ': 'x', sim_card_id: '9007199254740993' });
});

test('non-ASCII runs across block edges, a BOM and invalid UTF-8 decode as UTF-8 does', () => {
  // Runs straddle the 1,024-byte blocks the scan clears at once, and more follow in the same block.
  const body = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(`{"a":"${'a'.repeat(1016)}€é${'b'.repeat(20)}ü","b":"${'c'.repeat(2000)}ß${'d'.repeat(30)}ø","z":"`, 'utf8'),
    Buffer.from([0xff, 0xfe]),
    Buffer.from('"}'),
  ]);
  const expected = JSON.parse(body.subarray(3).toString('utf8')) as Record<string, string>;
  assert.ok(expected.a.endsWith('€é' + 'b'.repeat(20) + 'ü') && expected.z === '\ufffd\ufffd');
  assert.deepEqual(parseJsonBytes(body), expected);
});

test('a body that is mostly non-ASCII is decoded as it is', () => {
  const text = JSON.stringify({ note: '物联网'.repeat(200) });
  assert.equal(jsonText(Buffer.from(text, 'utf8')), text);
});

test('non-ASCII where JSON does not allow it stays an error', () => {
  // Escaping must not turn a backslash before a character, or a character outside a string, into valid JSON.
  assert.throws(() => parseJsonBytes(Buffer.from('{"a":"\\é"}', 'utf8')), SyntaxError);
  assert.throws(() => parseJsonBytes(Buffer.from('{"a":é}', 'utf8')), SyntaxError);
  assert.deepEqual(parseJsonBytes(Buffer.from('{"a":"\\\\é"}', 'utf8')), { a: '\\é' });
});

test('ids in id arrays below 2^53 become strings; a long one keeps its digits', () => {
  assert.deepEqual(parseJson('{"tag_ids":[1,22,333],"flows":[1,2]}'), { tag_ids: ['1', '22', '333'], flows: [1, 2] });
  assert.deepEqual(parseJson('{"tag_ids":[1,18014398509481985],"x":{"order_id":18014398509481987}}'), { tag_ids: ['1', '18014398509481985'], x: { order_id: '18014398509481987' } });
});

test('laid out for reading (a card as a document): the same layout as JSON.stringify, ids with every digit', () => {
  const card = { sim_card_id: '9007199254740993', iccid: '89860012345678901234', tags: [], attrs: {}, flow_left: 12.5, real_named: null, order_ids: ['5702790861700000'], nested: [{ id: '1' }] };
  const text = stringifyJson(card, 2);
  assert.match(text, /"sim_card_id": 9007199254740993,/);
  // Where no id exceeds 2^53, the layout is exactly JSON.stringify's.
  const small = { ...card, sim_card_id: '4710226018477568' };
  const plain = { ...small, sim_card_id: 4710226018477568, order_ids: [5702790861700000], nested: [{ id: 1 }] };
  assert.equal(stringifyJson(small, 2), JSON.stringify(plain, null, 2));
  assert.deepEqual(parseJson(text), card);
});
