/// <reference types="mocha" />
// Cards as documents in a real VS Code: a `simfleet:` document holds the card as the service
// describes it, every field, ids with every digit; it cannot be written; it follows the card when
// the card changes; and Compare opens VS Code's diff editor between two cards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cardLabel } from '../../src/core/cardText';
import { parseJson } from '../../src/gsl/json';
import { GslClient } from '../../src/gsl/client';
import { CARD_SCHEME, cardDocumentUri } from '../../src/editor/cardDocuments';
import type { DemoFleet } from '../../src/host/demoFleet';
import type { SimFleetTestApi } from '../../src/testApi';
import { getApi, until } from './helpers';

describe('cards as documents', function () {
  this.timeout(60_000);
  let api: SimFleetTestApi;
  let demo: DemoFleet;
  let client: GslClient;

  before(async () => {
    api = await getApi();
    await api.accounts.signOutAll();
    demo = await api.accounts.startDemo({ cards: 200, workOrderMs: 200 });
    client = new GslClient({ endpoints: demo.endpoints, credentials: { get: async () => demo.credentials } });
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await client.dispose();
  });

  it('a card opens as read-only JSON with every field and its ids exact, even above 2^53', async () => {
    // The generator gives every 37th card (from the 6th) an id above 2^53.
    const big = demo.simulator.store.card(5).vo;
    assert.ok(BigInt(big.sim_card_id) > 2n ** 53n);
    const uri = (await vscode.commands.executeCommand<vscode.Uri>('simFleet.card.openAsDocument', { accountId: 'demo', cardId: big.sim_card_id }))!;
    assert.equal(uri.scheme, CARD_SCHEME);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    const text = vscode.window.activeTextEditor!.document.getText();
    assert.ok(text.includes(`"sim_card_id": ${big.sim_card_id},`), 'the id is written with every digit');
    assert.deepEqual(parseJson(text), await client.showSimCard({ sim_card_id: big.sim_card_id }));
    assert.equal(Object.keys(parseJson(text) as object).length, 38, 'all 38 fields of ShowSimCard');
  });

  it('cannot be written, and says it is read-only', async () => {
    const card = demo.simulator.store.card(6).vo;
    const uri = cardDocumentUri({ accountId: 'demo', cardId: card.sim_card_id }, card);
    const stat = await vscode.workspace.fs.stat(uri);
    assert.equal(stat.permissions, vscode.FilePermission.Readonly);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('{}'))), (e: unknown) => e instanceof vscode.FileSystemError && e.code === 'NoPermissions');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.delete(uri)), (e: unknown) => e instanceof vscode.FileSystemError);
    assert.equal(vscode.workspace.fs.isWritableFileSystem(CARD_SCHEME), false, 'VS Code opens its documents read-only');
  });

  it('a card no longer in the fleet, or an account not signed in, is no document', async () => {
    await assert.rejects(Promise.resolve(vscode.workspace.fs.readFile(cardDocumentUri({ accountId: 'demo', cardId: '1' }))), (e: unknown) => e instanceof vscode.FileSystemError && e.code === 'FileNotFound');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.readFile(cardDocumentUri({ accountId: 'account:gone', cardId: '4710226018477568' }))), (e: unknown) => e instanceof vscode.FileSystemError && e.code === 'Unavailable');
  });

  it('follows the card: after a stop completes, the open document shows the new status', async () => {
    const card = demo.simulator.store.allCards().find((c) => c.vo.sim_status === 20 && c.vo.sim_type === 3)!.vo;
    const uri = (await vscode.commands.executeCommand<vscode.Uri>('simFleet.card.openAsDocument', { accountId: 'demo', cardId: card.sim_card_id }))!;
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /"sim_status": 20,/);
    const saved = api.ui.current;
    api.ui.current = { ...saved, confirm: async () => true };
    try {
      const result = (await vscode.commands.executeCommand('simFleet.card.stop', { card })) as { finished: Promise<unknown> };
      await result.finished;
    } finally {
      api.ui.current = saved;
    }
    await until(() => /"sim_status": 14,/.test(doc.getText()));
  });

  it('Compare with… opens the diff editor between two cards', async () => {
    const [a, b] = demo.simulator.store.allCards().slice(10, 12).map((c) => c.vo);
    const nodes = [a, b].map((card) => ({ card }));
    // Two cards selected in the tree: right-click one of them.
    const uris = await vscode.commands.executeCommand<[vscode.Uri, vscode.Uri]>('simFleet.card.compareWith', nodes[0], nodes);
    assert.ok(uris);
    await until(() => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab!;
    const input = tab.input as vscode.TabInputTextDiff;
    assert.equal(input.original.toString(), cardDocumentUri({ accountId: 'demo', cardId: a.sim_card_id }, a).toString());
    assert.equal(input.modified.toString(), cardDocumentUri({ accountId: 'demo', cardId: b.sim_card_id }, b).toString());
    assert.equal(tab.label, `${cardLabel(a)} ↔ ${cardLabel(b)}`);
    // From a hover, a link names the first card and a second link argument the other.
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const [c] = demo.simulator.store.allCards().slice(12, 13).map((x) => x.vo);
    await vscode.commands.executeCommand('simFleet.card.compareWith', { accountId: 'demo', cardId: a.sim_card_id }, { accountId: 'demo', cardId: c.sim_card_id });
    await until(() => {
      const i = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return i instanceof vscode.TabInputTextDiff && i.modified.path.includes(`/${c.sim_card_id}/`);
    });
  });
});
