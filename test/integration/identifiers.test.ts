/// <reference types="mocha" />
// Card identifiers in files, in a real VS Code on the demo fleet: hovers (through VS Code's own
// hover command), links, the inline status and the settings that limit them. What reaches the
// simulator is counted: a file of 1,000 identifiers must cost one read of the fleet, and a number
// the fleet does not hold must be remembered as such.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CARD_LINK_COMMANDS } from '../../src/core/commandIds';
import { luhnValid } from '../../src/gsl/luhn';
import { GslClient } from '../../src/gsl/client';
import type { DemoFleet } from '../../src/host/demoFleet';
import type { SimFleetTestApi } from '../../src/testApi';
import { getApi, until } from './helpers';

const CARDS = 1200;
const LIST = 'GET /v1/sim-cards';
const HOSTILE = '[x](command:simFleet.account.signOut) $(check) <img src=x onerror=alert(1)>';

const withCheck = (body: string): string => body + [...'0123456789'].find((d) => luhnValid(body + d))!;
/** Valid ICCIDs no generated fleet holds (its issuer codes are 898600–898611). */
const stranger = (n: number): string => withCheck(`89869${String(n).padStart(14, '0')}`);

async function openText(content: string, language = 'log'): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument({ content, language });
}

async function hoverAt(doc: vscode.TextDocument, needle: string): Promise<vscode.MarkdownString[]> {
  const at = doc.positionAt(doc.getText().indexOf(needle) + 2);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
  return hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString && /SIM card|signed\\?-in fleet/.test(c.value));
}

/** Link destinations the markdown would render: `](…)` whose `]` is not escaped. */
const linksIn = (md: string): string[] => [...md.matchAll(/(?<!\\)\]\(([^)\s]+)/g)].map((m) => m[1]);

/** Waits until the simulator has been quiet for a moment (the tree's own loads, earlier tests). */
async function quiet(demo: DemoFleet): Promise<void> {
  let last = -1;
  await until(async () => {
    const now = demo.simulator.stats().requests;
    const still = now === last;
    last = now;
    if (!still) await new Promise((r) => setTimeout(r, 300));
    return still;
  });
}

describe('card identifiers in files', function () {
  this.timeout(60_000);
  let api: SimFleetTestApi;
  let demo: DemoFleet;
  let client: GslClient;
  const config = () => vscode.workspace.getConfiguration('simFleet.identifiers');

  before(async () => {
    api = await getApi();
    await api.accounts.signOutAll();
    demo = await api.accounts.startDemo({ cards: CARDS, workOrderMs: 200 });
    client = new GslClient({ endpoints: demo.endpoints, credentials: { get: async () => demo.credentials } });
  });
  beforeEach(() => api.lookup.clear());
  after(async () => {
    for (const key of ['inlineStatus', 'languages', 'filePatterns', 'enabled']) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await client.dispose();
  });

  it('a hover shows the card: status, plan, data left, and links that run only SIM Fleet card commands', async () => {
    const card = demo.simulator.store.card(40).vo;
    const doc = await openText(`2025-11-30 10:00:01 modem attach ok iccid=${card.iccid} rssi=-71\n`);
    const [md] = await hoverAt(doc, card.iccid);
    assert.ok(md, 'a SIM Fleet hover');
    assert.match(md.value, new RegExp(`Status: ${['Testable', 'Inactive', 'Activatable', 'Deactivated', 'In use', 'Dismantled'][[10, 11, 13, 14, 20, 30].indexOf(card.sim_status)]}`));
    assert.ok(md.value.includes('Plan: '), 'the plan');
    assert.ok(md.value.includes('Data left: '), 'the data left');
    assert.deepEqual(md.isTrusted, { enabledCommands: [...CARD_LINK_COMMANDS] });
    assert.equal(md.supportHtml, false);
    assert.equal(md.supportThemeIcons, false);
    const links = linksIn(md.value);
    assert.equal(links.length, CARD_LINK_COMMANDS.length);
    for (const link of links) {
      const m = /^command:([\w.]+)\?(.+)$/.exec(link);
      assert.ok(m && (CARD_LINK_COMMANDS as readonly string[]).includes(m[1]), link);
      assert.deepEqual(JSON.parse(decodeURIComponent(m[2])), [{ accountId: 'demo', cardId: card.sim_card_id }]);
    }
  });

  it("card data shaped like a command link or an icon is shown as text, never as a link", async () => {
    const card = demo.simulator.store.card(41);
    card.vo.price_plan_name = HOSTILE;
    card.vo.tag_names = HOSTILE;
    demo.simulator.store.touch(card);
    const doc = await openText(`imei ${card.vo.imei ?? ''} iccid ${card.vo.iccid}\n`);
    const [md] = await hoverAt(doc, card.vo.iccid);
    assert.ok(md);
    assert.ok(md.value.includes('\\[x\\]\\(command\\:simFleet\\.account\\.signOut\\) \\$\\(check\\) \\<img'), md.value);
    // The hostile text added no link: the only ones are ours.
    assert.deepEqual(linksIn(md.value).map((l) => /^command:([\w.]+)/.exec(l)?.[1]), [...CARD_LINK_COMMANDS]);
    assert.doesNotMatch(md.value, /(?<!\\)<img|(?<!\\)\$\(/);
  });

  it('each identifier links to its card detail; a number no account holds gets no link once known', async () => {
    const cards = demo.simulator.store.allCards().slice(50, 53).map((c) => c.vo);
    const outsider = stranger(1);
    const doc = await openText(`${cards[0].iccid} ${cards[1].imsi ?? ''} ${cards[2].msisdn ?? ''} ${outsider}\n`);
    const first = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
    assert.equal(first.length, 4, 'every identifier is a link before it is resolved');
    await until(() => api.lookup.peek({ kind: 'iccid', value: outsider }) !== undefined && api.lookup.peek({ kind: 'iccid', value: cards[0].iccid }) !== undefined);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
    assert.equal(links.length, 3);
    for (const [i, link] of links.entries()) {
      assert.equal(link.target?.scheme, 'command');
      assert.equal(link.target?.path, 'simFleet.card.openDetail');
      assert.deepEqual(JSON.parse(link.target!.query), [{ accountId: 'demo', cardId: cards[i].sim_card_id }]);
    }
  });

  it('following a card link opens its detail panel', async () => {
    const card = demo.simulator.store.card(60).vo;
    await vscode.commands.executeCommand('simFleet.card.openDetail', { accountId: 'demo', cardId: card.sim_card_id });
    await until(() => api.panels.detailPanel('demo', card.sim_card_id) !== undefined);
  });

  it('a link argument that is not exactly { accountId, cardId } does nothing', async () => {
    const shown = api.ui.notifications.length;
    const opened = api.panels.detailPanels().length;
    await vscode.commands.executeCommand('simFleet.card.openDetail', { accountId: 'demo', cardId: '1; drop', extra: true });
    await vscode.commands.executeCommand('simFleet.card.openDetail', { accountId: 'someone-else', cardId: '4710226018477568' });
    assert.equal(api.panels.detailPanels().length, opened);
    assert.deepEqual(
      api.ui.notifications.slice(shown).map((n) => n.message),
      ['This link does not name a SIM card; nothing was done.', 'The account this card belongs to is not signed in.'],
    );
  });

  it('1,000 identifiers in a log are resolved with one read of the fleet, not one request each', async () => {
    const fleet = demo.simulator.store.allCards();
    const lines: string[] = [];
    for (let i = 0; i < 990; i++) {
      const c = fleet[(i * 7) % CARDS].vo;
      const id = [c.iccid, c.imsi, c.msisdn, c.imei ?? c.iccid][i % 4];
      lines.push(`2025-11-30T10:${String(i % 60).padStart(2, '0')}:00.000Z seq=${i} card=${id} ok`);
    }
    for (let i = 0; i < 10; i++) lines.push(`2025-11-30T11:00:00.000Z card=${stranger(100 + i)} unknown`);
    const doc = await openText(lines.join('\n'));
    await quiet(demo);
    demo.simulator.resetStats();
    const before = { ...api.lookup.stats };
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
    assert.equal(links.length, 1000);
    await until(async () => (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri)).every((l) => l.target));
    const after = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
    assert.equal(after.length, 990, 'the ten strangers lost their links');
    const pages = Math.ceil(CARDS / 500);
    assert.equal(api.lookup.stats.requests - before.requests, pages, `${pages} pages of 500, nothing else`);
    assert.equal(demo.simulator.stats().operations[LIST], pages);
    assert.equal(demo.simulator.stats().requests, pages);
  });

  it('a number no account holds is remembered as such: hovering it again sends nothing', async () => {
    const outsider = stranger(7);
    const doc = await openText(`unknown card ${outsider} in the field\n`);
    await quiet(demo);
    demo.simulator.resetStats();
    const [md] = await hoverAt(doc, outsider);
    assert.match(md.value, /is not a card of the signed\\-in fleet/);
    assert.equal(demo.simulator.stats().requests, 1, 'one search');
    await hoverAt(doc, outsider);
    await hoverAt(doc, outsider);
    assert.equal(demo.simulator.stats().requests, 1, 'no second request');
  });

  it('the inline status (opt-in) shows each card status after its identifier', async () => {
    const card = demo.simulator.store.card(70).vo;
    const doc = await openText(`attach ${card.iccid} done\n`);
    const range = new vscode.Range(0, 0, 1, 0);
    const hints = () => vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, range);
    assert.deepEqual(await hints(), [], 'off by default');
    await config().update('inlineStatus', true, vscode.ConfigurationTarget.Global);
    await hints(); // the first answer comes from the cache, and asks for the rest
    await until(async () => (await hints()).length === 1);
    const [hint] = await hints();
    assert.equal(hint.position.character, doc.getText().indexOf(card.iccid) + card.iccid.length);
    assert.match(String(hint.label), /^(Testable|Inactive|Activatable|Deactivated|In use|Dismantled)/);
    await config().update('inlineStatus', undefined, vscode.ConfigurationTarget.Global);
  });

  it('settings turn the feature off, or limit it to languages and file patterns', async () => {
    const card = demo.simulator.store.card(80).vo;
    const doc = await openText(`x ${card.iccid}\n`, 'plaintext');
    assert.equal((await hoverAt(doc, card.iccid)).length, 1);
    await config().update('enabled', false, vscode.ConfigurationTarget.Global);
    assert.equal((await hoverAt(doc, card.iccid)).length, 0, 'turned off');
    assert.deepEqual(await vscode.commands.executeCommand('vscode.executeLinkProvider', doc.uri), []);
    await config().update('enabled', undefined, vscode.ConfigurationTarget.Global);
    await config().update('languages', ['log'], vscode.ConfigurationTarget.Global);
    assert.equal((await hoverAt(doc, card.iccid)).length, 0, 'plaintext is not among the languages');
    const log = await vscode.languages.setTextDocumentLanguage(doc, 'log');
    assert.equal((await hoverAt(log, card.iccid)).length, 1, 'log is');
    await config().update('languages', undefined, vscode.ConfigurationTarget.Global);
    await config().update('filePatterns', ['**/*.log'], vscode.ConfigurationTarget.Global);
    assert.equal((await hoverAt(log, card.iccid)).length, 0, 'an untitled document matches no file pattern');
    await config().update('filePatterns', undefined, vscode.ConfigurationTarget.Global);
  });

  it('in the Output panel too', async () => {
    const card = demo.simulator.store.card(90).vo;
    const channel = vscode.window.createOutputChannel('SIM Fleet identifiers test');
    try {
      channel.appendLine(`device reported iccid ${card.iccid}`);
      channel.show(true);
      let doc: vscode.TextDocument | undefined;
      await until(() => (doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && d.getText().includes(card.iccid))) !== undefined);
      const [md] = await hoverAt(doc!, card.iccid);
      assert.ok(md, 'a SIM Fleet hover in the Output panel');
      assert.match(md.value, /SIM card/);
    } finally {
      channel.dispose();
    }
  });
});
