import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCardDetailPanelState, isHostMessage, isPoolUsagePanelState, isUsagePanelState, isWebviewMessage } from '../../src/panels/protocol';
import { buildShell, contentSecurityPolicy, makeNonce } from '../../src/panels/html';
import { WEBVIEW_STRINGS, localizedStrings } from '../../src/panels/strings';
import { readFileSync } from 'node:fs';

test('every well-formed webview message passes the host guard', () => {
  const valid: unknown[] = [
    { type: 'ready' },
    { type: 'runAction', action: 'resume', cardId: '4710226018477568' },
    { type: 'runAction', action: 'stop', cardId: '1' },
    { type: 'runAction', action: 'activate', cardId: '9223372036854774784' },
    { type: 'runAction', action: 'removeTags', cardId: '1', arg: '<script>alert("tag")</script>' },
    { type: 'runAction', action: 'setAttribute', cardId: '1', arg: '3' },
    { type: 'runAction', action: 'sendSms', cardId: '1' },
    { type: 'copy', text: '89860012345678901234' },
    { type: 'openUsage', cardId: '42' },
    { type: 'selectMonth', month: '202406' },
    { type: 'exportCsv' },
    { type: 'retry', section: 'daily' },
    { type: 'refresh' },
    { type: 'snapshot', requestId: 3, text: 'x', html: '<p>x</p>' },
  ];
  for (const m of valid) assert.equal(isWebviewMessage(m), true, JSON.stringify(m));
});

test('unknown, malformed and padded messages are refused', () => {
  const invalid: unknown[] = [
    null,
    undefined,
    'ready',
    42,
    [],
    { type: 'Ready' },
    { type: 'eval', code: 'alert(1)' },
    { type: 'runCommand', command: 'workbench.action.terminal.new' },
    // actions the panel never offers, or a card id that is not an id
    { type: 'runAction', action: 'dismantle', cardId: '1' },
    { type: 'runAction', action: 'resume', cardId: 1 },
    { type: 'runAction', action: 'resume', cardId: '1; rm -rf /' },
    { type: 'runAction', action: 'resume' },
    // extra fields are refused, not ignored: nothing rides along to a handler
    { type: 'runAction', action: 'stop', cardId: '1', command: 'x' },
    { type: 'runAction', action: 'removeTags', cardId: '1', arg: '' },
    { type: 'runAction', action: 'removeTags', cardId: '1', arg: 'line\nbreak' },
    { type: 'runAction', action: 'removeTags', cardId: '1', arg: 'x'.repeat(65) },
    { type: 'runAction', action: 'setAttribute', cardId: '1', arg: 3 },
    { type: 'ready', html: '<img src=x onerror=alert(1)>' },
    { type: 'copy', text: '' },
    { type: 'copy', text: 'x'.repeat(257) },
    { type: 'copy', text: { toString: () => 'x' } },
    { type: 'selectMonth', month: '2024-06' },
    { type: 'selectMonth', month: 202406 },
    { type: 'retry', section: '<script>' },
    { type: 'snapshot', requestId: '1', text: '', html: '' },
    { type: 'snapshot', requestId: 1.5, text: '', html: '' },
    // a prototype-polluting shape or a class instance is not a plain message
    JSON.parse('{"type":"ready","__proto__":{"admin":true}}'),
    Object.assign(Object.create({ inherited: 1 }), { type: 'ready' }),
    new (class Msg { type = 'ready'; })(),
  ];
  for (const m of invalid) assert.equal(isWebviewMessage(m), false, String(JSON.stringify(m)));
});

test('saved panel state holds card ids and nothing else', () => {
  assert.equal(isCardDetailPanelState({ cardId: '4710226018477568' }), true);
  assert.equal(isCardDetailPanelState({ cardId: '1', view: {} }), false);
  assert.equal(isCardDetailPanelState({ cardId: 'abc' }), false);
  assert.equal(isCardDetailPanelState(undefined), false);
  assert.equal(isUsagePanelState({ cardIds: ['1', '2'] }), true);
  assert.equal(isUsagePanelState({ cardIds: [] }), false);
  assert.equal(isUsagePanelState({ cardIds: ['1', 2] }), false);
});

test('a pool usage panel saves the pool\'s kind, id and name, and nothing else', () => {
  const pool = { accountId: 'demo', poolKind: 'flow', poolId: '4940000000000002', poolName: 'Unicom meters pool' };
  assert.equal(isPoolUsagePanelState(pool), true);
  assert.equal(isPoolUsagePanelState({ ...pool, poolKind: 'back' }), true);
  assert.equal(isPoolUsagePanelState({ ...pool, poolKind: 'other' }), false);
  assert.equal(isPoolUsagePanelState({ ...pool, poolId: '49x' }), false);
  assert.equal(isPoolUsagePanelState({ ...pool, poolName: '' }), false);
  assert.equal(isPoolUsagePanelState({ ...pool, poolName: 'a'.repeat(101) }), false);
  assert.equal(isPoolUsagePanelState({ ...pool, poolName: 'line\nbreak' }), false);
  assert.equal(isPoolUsagePanelState({ ...pool, view: {} }), false);
  assert.equal(isPoolUsagePanelState({ ...pool, accountId: 'someone' }), false);
  // The page takes it as the identity of its init message.
  assert.equal(isHostMessage({ type: 'init', panel: 'usage', strings: {}, identity: pool }), true);
});

test('the page accepts host messages and ignores strays', () => {
  assert.equal(isHostMessage({ type: 'init', panel: 'usage', strings: {}, identity: { cardIds: ['1'] } }), true);
  assert.equal(isHostMessage({ type: 'init', panel: 'usage', strings: {}, identity: { cardId: 'x' } }), false);
  assert.equal(isHostMessage({ type: 'state', panel: 'cardDetail', view: {} }), true);
  assert.equal(isHostMessage({ type: 'error', section: 'card', message: 'm' }), true);
  assert.equal(isHostMessage({ type: 'snapshot', requestId: 1 }), true);
  assert.equal(isHostMessage({ type: 'other' }), false);
  assert.equal(isHostMessage({ source: 'react-devtools' }), false);
});

test('the shell allows only nonce scripts and styles from the webview source, and holds no data', () => {
  const nonce = makeNonce();
  assert.notEqual(nonce, makeNonce(), 'a fresh nonce each time');
  assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
  const csp = contentSecurityPolicy('https://csp.example', nonce);
  assert.equal(csp, `default-src 'none'; script-src 'nonce-${nonce}'; style-src https://csp.example; img-src https://csp.example; font-src https://csp.example`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  const html = buildShell({ cspSource: 'https://csp.example', nonce, scriptUri: 'https://csp.example/dist/webview/cardDetailPanel.js', styleUri: 'https://csp.example/media/panels/panels.css', title: 'SIM "card"', lang: 'zh-cn' });
  assert.ok(html.includes(`<script type="module" nonce="${nonce}" src="https://csp.example/dist/webview/cardDetailPanel.js"></script>`));
  assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, loaded by nonce');
  assert.ok(html.includes('<title>SIM &quot;card&quot;</title>'));
  assert.ok(html.includes('<main id="app"'));
});

test('every webview word has a Chinese translation', () => {
  const zh = JSON.parse(readFileSync('l10n/parts/panels.zh-cn.json', 'utf8')) as Record<string, string>;
  const missing = WEBVIEW_STRINGS.filter((s) => !(s in zh));
  assert.deepEqual(missing, []);
  const strings = localizedStrings((s) => zh[s] ?? s);
  assert.equal(strings['Retry'], '重试');
  assert.equal(Object.keys(strings).length, WEBVIEW_STRINGS.length);
});
