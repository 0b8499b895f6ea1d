/// <reference types="mocha" />
// The habits of a daily tool, in a real VS Code on the demo fleet: pinned cards, saved views,
// hidden identifiers (with a search of everything SIM Fleet shows), and the walkthrough's steps.
// Keeping pins and views across a window reload is a journey (test/e2e/11-habits.spec.ts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SimDeviceVO } from '../../src/gsl/models';
import type { FleetNode } from '../../src/fleet/nodes/fleetNode';
import type { PickItem, UiBackend } from '../../src/host/ui';
import type { SimFleetTestApi } from '../../src/testApi';
import { cardsOf, getApi, label, scripted, until } from './helpers';


describe('working habits', function () {
  this.timeout(90_000);
  let api: SimFleetTestApi;
  let saved: Partial<UiBackend>;
  let fleetCards: SimDeviceVO[];

  before(async () => {
    api = await getApi();
    saved = api.ui.current;
    await api.accounts.signOutAll();
    await vscode.commands.executeCommand('simFleet.account.startDemo', { cards: 150, workOrderMs: 200 });
    fleetCards = [];
    for await (const page of api.fleet().account.currentClient()!.iterateSimCards({})) fleetCards.push(...page);
  });
  afterEach(async () => {
    api.ui.current = saved;
    await vscode.workspace.getConfiguration('simFleet').update('hideIdentifiers', undefined, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.accounts.signOutAll();
  });

  it('pins a card from the tree: a Pinned group at the top shows it with its live status, and Unpin takes it out', async () => {
    await api.refresh.refreshNow();
    const inUse = api.tree.groupNode(20);
    const [card] = cardsOf(await api.tree.getChildren(inUse));
    await vscode.commands.executeCommand('simFleet.card.pin', card);
    let roots = await api.tree.getChildren();
    assert.equal(label(roots[0]), 'Pinned (1)');
    const [pinned] = cardsOf(await api.tree.getChildren(roots[0]));
    assert.equal(pinned.card.sim_card_id, card.card.sim_card_id);
    assert.match(String(pinned.getTreeItem().contextValue), /\bpinned\b/);
    assert.notEqual(pinned.getTreeItem().id, card.getTreeItem().id, 'the pinned copy has an id of its own');
    // The group's copy is marked pinned too, so its menu offers Unpin.
    assert.match(String(cardsOf(await api.tree.getChildren(inUse))[0].getTreeItem().contextValue), /\bpinned\b/);
    assert.deepEqual(api.storedState()[`global:simFleet.pins.${api.fleet().account.id}`], [card.card.sim_card_id], 'kept per account in global state');
    assert.equal(api.milestones.has('pinned'), true, 'the walkthrough step is done');

    // Live status: the card is stopped behind the view's back, and the pinned row says so after a refresh.
    await api.fleet().account.currentClient()!.stopSimCard({ sim_card_id: card.card.sim_card_id });
    api.accounts.demo!.simulator.settleWorkOrders();
    await api.refresh.refreshNow();
    roots = await api.tree.getChildren();
    assert.match(String(cardsOf(await api.tree.getChildren(roots[0]))[0].getTreeItem().accessibilityInformation?.label), /Deactivated/);

    await vscode.commands.executeCommand('simFleet.card.unpin', pinned);
    roots = await api.tree.getChildren();
    assert.doesNotMatch(label(roots[0]), /^Pinned/);
  });

  it('pins and unpins from the card detail panel, which shows the pin as a pressed button', async () => {
    const accountId = api.fleet().account.id;
    const card = fleetCards.find((c) => c.sim_status === 14)!;
    const panel = api.panels.openCardDetail(accountId, card);
    let html = '';
    await until(async () => (html = (await panel.snapshot()).html).includes('data-focus-key="pin"'));
    assert.match(html, /<button[^>]*aria-pressed="false"[^>]*>Pin</);
    panel.handleMessage({ type: 'pin', cardId: card.sim_card_id, pinned: true });
    await until(() => api.fleet().pins.has(card.sim_card_id));
    await until(async () => /<button[^>]*aria-pressed="true"[^>]*>Unpin</.test((html = (await panel.snapshot()).html)));
    assert.equal(label((await api.tree.getChildren())[0]), 'Pinned (1)', 'the Pinned group shows it');
    // The page may name only its own card.
    panel.handleMessage({ type: 'pin', cardId: fleetCards.find((c) => c !== card)!.sim_card_id, pinned: true });
    panel.handleMessage({ type: 'pin', cardId: card.sim_card_id, pinned: 'yes' });
    // Unpinned from the tree, the panel follows; unpinned from the panel, the tree does.
    await vscode.commands.executeCommand('simFleet.card.unpin', { card, accountId });
    await until(async () => /aria-pressed="false"[^>]*>Pin</.test((await panel.snapshot()).html));
    assert.deepEqual(api.fleet().pins.list().map((p) => p.cardId), [], 'only the panel\'s card was ever pinned');
    panel.handleMessage({ type: 'pin', cardId: card.sim_card_id, pinned: true });
    await until(() => api.fleet().pins.has(card.sim_card_id));
    panel.handleMessage({ type: 'pin', cardId: card.sim_card_id, pinned: false });
    await until(() => !api.fleet().pins.has(card.sim_card_id));
    panel.dispose();
  });

  it('saves the filter and sort as a view, names it in the description, and switches back to it', async () => {
    const model = api.fleet().model;
    model.setFilter({ simType: 3 });
    model.setSort({ key: 'flow_used', order: 'desc' });
    api.ui.current = scripted([(o: vscode.InputBoxOptions) => (assert.equal(o.validateInput?.(''), 'Enter a name for the view.'), 'Physical, busiest first')]);
    await vscode.commands.executeCommand('simFleet.view.save');
    assert.equal(model.viewName, 'Physical, busiest first');
    assert.match(String(api.treeView.description), /^Physical, busiest first · Physical card · Data used ↓/);
    assert.equal(api.milestones.has('viewSaved'), true);

    await vscode.commands.executeCommand('simFleet.fleet.clearFilter');
    assert.equal(model.viewName, undefined);
    assert.equal(api.treeView.description, undefined);

    api.ui.current = scripted([(items: ReadonlyArray<PickItem<{ kind: string; view?: { name: string } }>>) => items.find((i) => i.value.view?.name === 'Physical, busiest first')!.value]);
    await vscode.commands.executeCommand('simFleet.view.open');
    assert.deepEqual(model.filter, { simType: 3 });
    assert.deepEqual(model.sort, { key: 'flow_used', order: 'desc' });
    assert.equal(model.viewName, 'Physical, busiest first');
  });

  it('says which tags of a view no longer exist, and shows the view without them', async () => {
    const client = api.fleet().account.currentClient()!;
    const tag = await client.createTag('retired-batch');
    const other = (await client.listTags({ limit: 10, offset: 1 })).tags.find((x) => x.id !== tag.id)!;
    await api.fleet().views.save({ name: 'retired', filter: { tags: [{ id: tag.id, name: 'retired-batch' }, { id: other.id, name: other.tag_name }] } });
    await client.deleteTag(tag.id);
    const shown = api.ui.notifications.length;
    api.ui.current = scripted([(items: ReadonlyArray<PickItem<{ view?: { name: string } }>>) => items.find((i) => i.value.view?.name === 'retired')!.value]);
    await vscode.commands.executeCommand('simFleet.view.open');
    const [warning] = api.ui.notifications.slice(shown);
    assert.equal(warning?.severity, 'warning');
    assert.match(warning.message, /filters by tags that no longer exist: retired-batch\. It is shown without them\./);
    assert.deepEqual(api.fleet().model.filter.tags, [{ id: other.id, name: other.tag_name }]);
    await vscode.commands.executeCommand('simFleet.fleet.clearFilter');
  });

  it('hides identifiers everywhere SIM Fleet shows them: a search of everything shown finds none whole', async () => {
    await vscode.workspace.getConfiguration('simFleet').update('hideIdentifiers', true, vscode.ConfigurationTarget.Global);
    await until(() => api.hidden.on);
    // Only what is shown from now on counts: the log and notifications of earlier tests were shown before.
    const [logFrom, notesFrom, picksFrom] = [api.recentLog().length, api.ui.notifications.length, api.ui.picks.length];
    const shown: string[] = [];
    // The tree: roots, groups, a page of every group, a pinned card; labels, descriptions, tooltips, screen-reader text.
    const first = fleetCards.find((c) => c.sim_status === 20 && c.msisdn && c.imsi)!;
    await vscode.commands.executeCommand('simFleet.card.pin', { card: first, accountId: api.fleet().account.id });
    const walk = async (nodes: FleetNode[], depth: number): Promise<void> => {
      for (const n of nodes) {
        const item = await api.tree.resolveTreeItem(n.getTreeItem(), n);
        const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '');
        shown.push(String(item.label), String(item.description ?? ''), tooltip, item.accessibilityInformation?.label ?? '');
        if (depth < 2) await walk(await api.tree.getChildren(n), depth + 1);
      }
    };
    await walk(await api.tree.getChildren(), 0);
    shown.push(String(api.treeView.description ?? ''), api.statusBarText());
    // A find (its quick pick, its notifications), the detail and usage panels as rendered.
    api.ui.current = scripted([]);
    await vscode.commands.executeCommand('simFleet.card.find', first.iccid);
    await vscode.commands.executeCommand('simFleet.card.find', '89860000000000000000');
    const detail = api.panels.openCardDetail(api.fleet().account.id, first);
    let page = '';
    await until(async () => (page = JSON.stringify(await detail.snapshot())).includes('IMSI'));
    shown.push(page, detail.panel.title);
    const accountId = api.fleet().account.id;
    await vscode.commands.executeCommand('simFleet.card.openUsage', { card: first, accountId }, [{ card: first, accountId }, { card: fleetCards[1], accountId }]);
    const usage = [...api.panels.usagePanels()].find((p) => p.shows(accountId, [first.sim_card_id, fleetCards[1].sim_card_id]))!;
    await until(async () => (page = JSON.stringify(await usage.snapshot())).includes('Monthly traffic') && !page.includes('Loading'));
    shown.push(page, usage.panel.title);
    // A hover over the card's ICCID in a file, and the card opened as a document.
    const doc = await vscode.workspace.openTextDocument({ content: `modem up iccid=${first.iccid ?? ''} imei=${first.imei ?? ''}\n`, language: 'log' });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(doc.getText().indexOf(first.iccid!) + 2));
    const hoverText = hovers.flatMap((h) => h.contents).map((c) => (c instanceof vscode.MarkdownString ? c.value : String(c)));
    assert.ok(hoverText.some((h) => h.includes('Open Detail')), 'the card hover was shown');
    shown.push(...hoverText);
    const opened = await vscode.commands.executeCommand<vscode.Uri | undefined>('simFleet.card.openAsDocument', { card: first, accountId });
    const cardDoc = vscode.window.activeTextEditor?.document;
    assert.ok(cardDoc && cardDoc.uri.scheme === 'simfleet', `the card opened as a document (${String(opened)})`);
    shown.push(cardDoc.getText(), cardDoc.uri.path.split('/').pop() ?? '');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const p of api.ui.picks.slice(picksFrom)) shown.push(...p.items.flatMap((i) => [i.label, i.description ?? '', i.detail ?? '']));
    shown.push(...api.ui.notifications.slice(notesFrom).map((n) => n.message), ...api.recentLog().slice(logFrom));
    assert.ok(api.recentLog().length > logFrom, 'the log was written meanwhile (the requests, at least)');

    const everything = shown.join('\n');
    assert.ok(everything.includes('8986'), 'identifiers are there, masked');
    const whole = fleetCards.flatMap((c) => [c.iccid, c.imsi, c.msisdn, c.imei]).filter((x): x is string => !!x && x.length >= 11);
    const found = whole.filter((id) => everything.includes(id)).map((id) => `${id} in: ${shown.find((x) => x.includes(id))?.slice(0, 300)}`);
    assert.deepEqual(found, [], 'no whole identifier is shown anywhere');
    detail.dispose();
    usage.dispose();

    // Copying still copies the real value, after asking.
    let asked = '';
    api.ui.current = { ...saved, confirm: async (message) => ((asked = message), true) };
    await vscode.commands.executeCommand('simFleet.card.copyIccid', { card: first, accountId: api.fleet().account.id });
    assert.match(asked, /^Copy the real value of 8986•+\d{4}\?$/);
    assert.equal(await vscode.env.clipboard.readText(), first.iccid);
    await vscode.commands.executeCommand('simFleet.card.unpin', { card: first, accountId: api.fleet().account.id });
  });

  it('the walkthrough completes each step on the milestone SIM Fleet sets when it is done', () => {
    const manifest = vscode.extensions.getExtension('simfleet.sim-fleet')!.packageJSON as { contributes: { walkthroughs: Array<{ steps: Array<{ id: string; completionEvents: string[] }> }> } };
    const steps = manifest.contributes.walkthroughs[0].steps;
    assert.deepEqual(steps.map((s) => s.id), ['demo', 'signIn', 'find', 'usage', 'pin', 'view']);
    const events = steps.map((s) => s.completionEvents[0]);
    assert.deepEqual(events, ['demo', 'signedIn', 'found', 'usage', 'pinned', 'viewSaved'].map((m) => `onContext:simFleet.walkthrough.${m}`));
    // Reached in this window by the tests above (demo, find, usage, pin, save).
    for (const m of ['demo', 'found', 'usage', 'pinned', 'viewSaved'] as const) assert.equal(api.milestones.has(m), true, m);
  });
});
