// Composition root (house style 1): builds the services, the tree and the commands, and wires
// their events together. The work itself lives in src/core, src/fleet, src/host, src/panels and
// src/commands. Activation only registers things: the GSL client, its HTTP stack and the
// simulator load from their own bundle when first needed (host/runtime.ts).
import * as vscode from 'vscode';
import type { CommandId } from './core/commandIds';
import { plainText } from './core/text';
import type { CommandContext } from './commands/commandContext';
import { registerCommands } from './commands/registerCommands';
import { CardDocuments } from './editor/cardDocuments';
import { IdentifierFeatures } from './editor/identifierFeatures';
import { CardChanges } from './fleet/cardChanges';
import { CardLookup } from './fleet/cardLookup';
import { describeFilter, isFilterActive } from './fleet/filter';
import { FleetModel } from './fleet/fleetModel';
import { FleetTreeProvider } from './fleet/fleetTreeProvider';
import type { FleetNode } from './fleet/nodes/fleetNode';
import { RefreshManager } from './fleet/refreshManager';
import { FleetWorkOrderTracker } from './fleet/workOrderTracker';
import { SessionAccounts } from './host/accounts';
import { OutputLogger } from './host/logger';
import { Session } from './host/session';
import { settings } from './host/settings';
import { SessionStatusBar } from './host/statusBar';
import { Ui } from './host/ui';
import { Panels } from './panels/index';
import { CardTools } from './tools/cardTools';
import type { SimFleetTestApi } from './testApi';
import { TestUiBackend, createTestApi } from './testApi';

/**
 * Returns nothing in a normal run: SIM Fleet offers no API to other extensions, so none can act as
 * the user. Only a test run gets the internals its integration tests drive.
 */
export async function activate(context: vscode.ExtensionContext): Promise<SimFleetTestApi | undefined> {
  const testHooks = SIM_FLEET_TEST_HOOKS && context.extensionMode === vscode.ExtensionMode.Test;
  const t = vscode.l10n.t;
  const log = new OutputLogger({ keepLines: testHooks ? 2000 : 0 });
  const session = new Session(context.secrets, log.request);
  // Surfaces outside the tree (hovers, documents, plans, tools) see the fleet as a list of accounts.
  const accounts = new SessionAccounts(session);
  const tracker = new FleetWorkOrderTracker({ client: () => session.currentClient() });
  const model = new FleetModel({ client: () => session.currentClient(), pageSize: () => settings.pageSize() });
  const cardChanges = new CardChanges();
  const tree = new FleetTreeProvider(model, session, tracker, t);
  const treeView = vscode.window.createTreeView<FleetNode>('simFleet.cards', { treeDataProvider: tree, canSelectMany: true, showCollapseAll: true });
  const refresh = new RefreshManager({
    model,
    view: treeView,
    autoRefreshSeconds: () => settings.autoRefreshSeconds(),
    cardChanges,
    showProgress: (work) => void vscode.window.withProgress({ location: { viewId: 'simFleet.cards' } }, () => work),
  });
  const statusBar = new SessionStatusBar(session);
  // SIM_FLEET_TEST_HOOKS is written out so the production build can see this code is dead and drop it.
  const testUi = SIM_FLEET_TEST_HOOKS && testHooks ? new TestUiBackend() : undefined;
  const ui = new Ui(testUi ? () => testUi : undefined);
  const panels = new Panels({ extensionUri: context.extensionUri, session, log, workOrders: tracker, onDidChangeCards: cardChanges.onDidChange, t, testHooks });
  const lookup = new CardLookup({ accounts, notFoundTtlMs: () => settings.identifiers().notFoundTtlMs, log });
  const identifiers = new IdentifierFeatures({ lookup, accounts, settings: () => settings.identifiers(), t });
  const cardDocuments = new CardDocuments({ accounts, onDidChangeCards: cardChanges.onDidChange, t });
  const ctx: CommandContext = { session, accounts, lookup, model, tree, treeView, refresh, tracker, ui, log, panels, t, testHooks };
  const tools = new CardTools(ctx);

  const showFilter = (): void => {
    const active = isFilterActive(model.filter) || model.sort !== undefined;
    // Tag names and search keys are the person's own text: plain, never an icon or a link.
    treeView.description = active ? plainText(describeFilter(model.filter, model.sort, t)) : undefined;
    void vscode.commands.executeCommand('setContext', 'simFleet.filterActive', active);
  };
  const showSession = (): void => {
    void vscode.commands.executeCommand('setContext', 'simFleet.state', session.kind);
  };

  context.subscriptions.push(
    log,
    { dispose: () => void session.dispose() },
    tracker,
    model,
    cardChanges,
    tree,
    treeView,
    refresh,
    statusBar,
    panels,
    lookup,
    identifiers,
    cardDocuments,
    tools,
    ...registerCommands(ctx),
    // A card that changed is looked up again before a hover shows it.
    cardChanges.onDidChange((e) => lookup.invalidate(e.cardIds)),
    model.onDidChange(showFilter),
    session.onDidChange(() => {
      showSession();
      // Another account (or none): nothing loaded can be kept.
      refresh.resetNow();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (settings.affects(e, 'pageSize')) refresh.requestRefresh({ reset: true });
      if (settings.affects(e, 'autoRefreshSeconds')) refresh.schedule();
      if (settings.affects(e, 'identifiers')) identifiers.settingsChanged();
    }),
  );
  showFilter();
  showSession();

  // `npm start` sets SIM_FLEET_DEMO=1 to open straight onto the demo fleet. Neither path is
  // awaited: activation never waits for the keychain, a client or the simulator.
  if (process.env.SIM_FLEET_DEMO === '1') void vscode.commands.executeCommand('simFleet.account.startDemo' satisfies CommandId);
  else void session.restore().catch((err: unknown) => log.error('Could not read the kept credentials', err));

  if (SIM_FLEET_TEST_HOOKS && testHooks && testUi) {
    return createTestApi(context, { session, model, tree, treeView, refresh, workOrders: tracker, panels, lookup, tools: tools.tools, ui: testUi, t, log, statusBarText: () => statusBar.text });
  }
  return undefined;
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
