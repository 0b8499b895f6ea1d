/// <reference types="mocha" />
// One voice for errors: the same GslError reads the same in the tree, the card detail panel and
// the usage panel, in English and in Chinese. The tree and both panels are the real classes,
// built with the words of each language; the pages' text is read back from the webviews.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Emitter } from '../../src/core/events';
import { errorMessage } from '../../src/core/errorWords';
import { showAll } from '../../src/core/mask';
import type { AccountId, CardsChangedEvent } from '../../src/core/accounts';
import type { TrackedWorkOrder } from '../../src/core/workOrders';
import { plainText } from '../../src/core/text';
import type { Translate } from '../../src/core/translate';
import { bundleTranslate } from '../../src/core/translate';
import { Fleets } from '../../src/fleet/fleets';
import { FleetTreeProvider } from '../../src/fleet/fleetTreeProvider';
import type { DemoFleet } from '../../src/host/demoFleet';
import type { SimDeviceVO } from '../../src/gsl/models';
import { CardDetailPanel } from '../../src/panels/cardDetailPanel';
import type { PanelServices } from '../../src/panels/panelServices';
import { UsagePanel } from '../../src/panels/usagePanel';
import type { SimFleetTestApi } from '../../src/testApi';
import { getApi, until } from './helpers';

const root = path.join(__dirname, '..', '..', '..');
const zh = bundleTranslate(JSON.parse(readFileSync(path.join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>);
/** A refusal no retry can change (403), with its own sentence in the table. */
const REFUSAL = { errorRate: 1, errorStatus: 403, errorCode: 'APIGW.0302' };

describe('one voice for errors', function () {
  this.timeout(60_000);
  let api: SimFleetTestApi;
  let demo: DemoFleet;
  let card: SimDeviceVO;

  before(async () => {
    api = await getApi();
    demo = await api.accounts.startDemo({ cards: 60, workOrderMs: 200 });
    card = (await api.fleet().account.currentClient()!.listSimCards({ limit: 10, offset: 1 })).sim_cards[0];
  });
  afterEach(() => demo.simulator.setFaults(undefined));
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  function services(t: Translate): PanelServices {
    return {
      extensionUri: vscode.extensions.getExtension('simfleet.sim-fleet')!.extensionUri,
      accounts: api.accounts,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      workOrders: (id) => api.fleets.get(id)?.tracker,
      onDidChangeWorkOrder: new Emitter<{ accountId: AccountId; order: TrackedWorkOrder }>().event,
      onDidChangeCards: new Emitter<CardsChangedEvent>().event,
      t,
      mask: () => showAll,
      onDidChangeMask: new Emitter<void>().event,
      confirmCopy: async () => true,
      isPinned: () => false,
      onDidChangePins: new Emitter<void>().event,
      testHooks: true,
    };
  }

  for (const [language, t] of [['English', vscode.l10n.t as Translate], ['Chinese', zh]] as const) {
    it(`reads the same in the tree and in both panels (${language})`, async () => {
      // The error itself, as the client raises it.
      demo.simulator.setFaults(REFUSAL);
      const err = await api.fleet().account.currentClient()!.countSimCards({}).then(
        () => assert.fail('the fault should refuse the call'),
        (e: unknown) => e,
      );
      const expected = errorMessage(err, t);
      if (language === 'Chinese') assert.match(expected, /[\u4e00-\u9fff]/, 'the Chinese words are used');
      else assert.match(expected, /ask your administrator/);

      // The tree: counting fails, the root shows the error.
      // Fleets of their own, so nothing the extension's tree has counted is reused.
      const fleets = new Fleets(api.accounts, () => 10, { get: () => undefined, update: async () => undefined });
      const tree = new FleetTreeProvider(fleets, api.accounts, t);
      const [node] = await tree.getChildren();
      assert.equal(String(node.getTreeItem().label), plainText(expected));
      tree.dispose();
      fleets.dispose();

      // The card detail panel: loading the card fails.
      const accountId = api.fleet().account.id;
      const detail = new CardDetailPanel(vscode.window.createWebviewPanel('simFleet.cardDetail', 'detail', vscode.ViewColumn.Active, {}), services(t), accountId, card.sim_card_id, { openUsage: () => undefined });
      let detailPage = '';
      await until(async () => (detailPage = (await detail.snapshot()).text).includes(expected));
      detail.dispose();

      // The usage panel: every section fails with the same sentence.
      const usage = new UsagePanel(vscode.window.createWebviewPanel('simFleet.usage', 'usage', vscode.ViewColumn.Active, {}), services(t), accountId, [card]);
      await until(() => (['daily', 'monthly', 'plans'] as const).every((s) => usage.view[s].status === 'error'));
      for (const s of ['daily', 'monthly', 'plans'] as const) {
        const state = usage.view[s];
        assert.equal(state.status === 'error' ? state.message : '', expected, s);
      }
      let usagePage = '';
      await until(async () => (usagePage = (await usage.snapshot()).text).includes(expected));
      usage.dispose();
      assert.ok(detailPage.includes(expected) && usagePage.includes(expected));
    });
  }
});
