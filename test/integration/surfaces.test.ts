/// <reference types="mocha" />
// API and user text stays text on every surface that shows it: quick picks, notifications, the
// status bar, the view's description and tree labels. VS Code draws `$(name)` as an icon in quick
// picks and the status bar and turns `[label](command:…)` into a link in notifications.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Emitter } from '../../src/core/events';
import { showAll } from '../../src/core/mask';
import type { FleetAccounts } from '../../src/core/accounts';
import type { CardActionResult } from '../../src/commands/runCardAction';
import { Fleets } from '../../src/fleet/fleets';
import { FleetTreeProvider } from '../../src/fleet/fleetTreeProvider';
import { CardNode } from '../../src/fleet/nodes/cardNode';
import type { DemoFleet } from '../../src/host/demoFleet';
import { AccountStatusBar } from '../../src/host/statusBar';
import type { PickItem, UiBackend } from '../../src/host/ui';
import { ICON_TAG, ICON_TAG_ID } from '../../src/simulator/catalog';
import type { SimFleetTestApi } from '../../src/testApi';
import { getApi, scripted } from './helpers';

const ICONS = /\$\([A-Za-z0-9~-]+\)/;
const LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/;
const HOSTILE = '[Sign out](command:simFleet.account.signOut) $(check) approved';

describe('API text stays text on every surface', function () {
  this.timeout(60_000);
  let api: SimFleetTestApi;
  let demo: DemoFleet;
  let saved: Partial<UiBackend>;

  before(async () => {
    api = await getApi();
    saved = api.ui.current;
    demo = await api.accounts.startDemo({ cards: 120, workOrderMs: 200 });
  });
  afterEach(() => {
    api.ui.current = saved;
    api.fleet().model.setFilter({});
    demo.simulator.setFaults(undefined);
  });

  it('quick picks: a tag named in icon syntax is offered as typed, not as icons', async () => {
    let offered: ReadonlyArray<PickItem<unknown>> = [];
    api.ui.current = scripted([
      'tags',
      (items: ReadonlyArray<PickItem<unknown>>) => {
        offered = items;
        return undefined;
      },
    ]);
    await vscode.commands.executeCommand('simFleet.fleet.filter');
    const item = offered.find((i) => i.label.includes('verified'));
    assert.ok(item, 'the tag is offered');
    assert.doesNotMatch(item.label, ICONS);
    assert.equal(item.label.replace(/\u200b/g, ''), ICON_TAG);
  });

  it("the view's description: a filter by that tag names it as typed", () => {
    api.fleet().model.setFilter({ tags: [{ id: ICON_TAG_ID, name: ICON_TAG }] });
    const description = String(api.treeView.description);
    assert.match(description, /verified/);
    assert.doesNotMatch(description, ICONS);
  });

  it("notifications: the service's own words cannot become a link or an icon", async () => {
    const card = (await api.fleet().account.currentClient()!.listSimCards({ sim_status: 20, limit: 10, offset: 1 })).sim_cards[0];
    demo.simulator.setFaults({ errorRate: 1, errorStatus: 400, errorCode: 'GSL.00010004', errorMessage: HOSTILE, pathPattern: '/stop$', method: 'POST', times: 1 });
    api.ui.current = { ...saved, confirm: async () => true };
    const shown = api.ui.notifications.length;
    const result = (await vscode.commands.executeCommand('simFleet.card.stop', { card })) as CardActionResult;
    assert.equal(result.outcomes[0].ok, false);
    const [summary] = api.ui.notifications.slice(shown);
    assert.ok(summary, 'a summary was shown');
    assert.match(summary.message, /Sign out/);
    assert.doesNotMatch(summary.message, LINK);
    assert.doesNotMatch(summary.message, ICONS);
  });

  it('the status bar: an account name in icon syntax shows as typed', () => {
    const account = { id: 'acct-0123456789abcdef', kind: 'account' as const, label: '$(sign-out) ops@[x](command:simFleet.account.signOut)', currentClient: () => undefined };
    const accounts: FleetAccounts = {
      all: () => [account],
      get: (id) => (id === account.id ? account : undefined),
      state: 'account',
      whenSignedIn: async () => account,
      onDidChange: new Emitter<void>().event,
    };
    const bar = new AccountStatusBar(accounts);
    try {
      assert.ok(bar.text.startsWith('$(radio-tower) '), 'our own icon stays');
      const rest = bar.text.slice('$(radio-tower) '.length);
      assert.match(rest, /ops@/);
      assert.doesNotMatch(rest, ICONS);
      assert.doesNotMatch(rest, LINK);
    } finally {
      bar.dispose();
    }
  });

  it("tree labels: a card's own identifiers and the service's words are plain text", async () => {
    const node = new CardNode(api.tree.groupNode(20), { sim_card_id: '1', sim_type: 1, sim_status: 20, cid: '$(check)[x](command:y)', msisdn: '$(zap)' }, api.fleet().account.id, undefined, { t: vscode.l10n.t, mask: showAll });
    const item = node.getTreeItem();
    assert.doesNotMatch(String(item.label), ICONS);
    assert.doesNotMatch(String(item.label), LINK);
    assert.doesNotMatch(String(item.description), ICONS);

    demo.simulator.setFaults({ errorRate: 1, errorStatus: 400, errorCode: 'GSL.00010004', errorMessage: HOSTILE, pathPattern: '^/v1/sim-cards$' });
    const fleets = new Fleets(api.accounts, () => 10, { get: () => undefined, update: async () => undefined });
    const tree = new FleetTreeProvider(fleets, api.accounts, vscode.l10n.t);
    const [error] = await tree.getChildren();
    const label = String(error.getTreeItem().label);
    assert.match(label, /The service refused the request: .*Sign out/);
    assert.doesNotMatch(label, ICONS);
    assert.doesNotMatch(label, LINK);
    tree.dispose();
    fleets.dispose();
  });
});
