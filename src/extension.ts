// Composition root (house style 1): builds the services, the tree and the commands, and wires
// their events together. The work itself lives in src/core, src/fleet, src/host, src/panels and
// src/commands. Activation only registers things: the GSL client, its HTTP stack and the
// simulator load from their own bundle when first needed (host/runtime.ts).
import * as vscode from 'vscode';
import type { CommandId } from './core/commandIds';
import { plainText } from './core/text';
import { attentionShort } from './core/attentionWords';
import { comparedText } from './core/changeWords';
import type { CommandContext } from './commands/commandContext';
import { registerCommands } from './commands/registerCommands';
import { CardDocuments } from './editor/cardDocuments';
import { IdentifierFeatures } from './editor/identifierFeatures';
import { PlanFeatures } from './editor/planFeatures';
import { PlanReviewer } from './fleet/planReview';
import { CardChanges } from './fleet/cardChanges';
import { CardLookup } from './fleet/cardLookup';
import { describeFilter, isFilterActive } from './fleet/filter';
import { FleetTreeProvider } from './fleet/fleetTreeProvider';
import type { FleetNode } from './fleet/nodes/fleetNode';
import { RefreshManager } from './fleet/refreshManager';
import { Fleets } from './fleet/fleets';
import { FleetAttention } from './fleet/attention';
import { FleetHistory } from './fleet/fleetHistory';
import { ChangesTreeProvider } from './fleet/changesTreeProvider';
import { SNAPSHOT_SCHEME, SnapshotDocuments } from './fleet/snapshotDocuments';
import { WorkOrderFollower } from './fleet/workOrderFollower';
import { isWorkOrderFilterActive } from './fleet/workOrderList';
import { WorkOrdersTreeProvider } from './fleet/workOrdersTreeProvider';
import { PoolsTreeProvider } from './fleet/poolsTreeProvider';
import { statusAfterWorkOrder } from './core/workOrders';
import { AccountRegistry } from './host/accounts';
import { OutputLogger } from './host/logger';
import { settings } from './host/settings';
import { AccountStatusBar } from './host/statusBar';
import { HiddenIdentifiers } from './host/hiddenIdentifiers';
import { Milestones } from './host/milestones';
import { confirmCopy } from './commands/confirmCopy';
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
  const log = new OutputLogger({ keepLines: testHooks ? 50_000 : 0 });
  const hidden = new HiddenIdentifiers();
  log.mask = () => hidden.mask;
  const milestones = new Milestones();
  const accounts = new AccountRegistry(context.secrets, log.request);
  // One fleet (model, work orders) per signed-in account.
  const fleets = new Fleets(accounts, () => settings.pageSize(), context.globalState);
  const cardChanges = new CardChanges();
  // Needs attention runs per account in the background; its daily snapshots are files under the
  // extension's global storage (never synced, card data only).
  const attention = new FleetAttention({
    fleets,
    history: new FleetHistory(vscode.Uri.joinPath(context.globalStorageUri, 'history').fsPath),
    store: context.globalState,
    config: () => ({ ...settings.attention(), history: settings.history() }),
    log,
    showProgress: (_accountId, work) => void vscode.window.withProgress({ location: { viewId: 'simFleet.cards' } }, () => work),
  });
  const tree = new FleetTreeProvider(fleets, accounts, t, () => hidden.mask, attention);
  const changes = new ChangesTreeProvider(t, () => hidden.mask);
  const changesView = vscode.window.createTreeView('simFleet.changes', { treeDataProvider: changes });
  // The view says which account and which two days it compares.
  const describeChanges = changes.onDidChangeTreeData(() => {
    const r = changes.report;
    changesView.description = r ? plainText(hidden.mask(`${r.accountLabel}: ${comparedText(r.changes, t)}`)) : undefined;
  });
  const treeView = vscode.window.createTreeView<FleetNode>('simFleet.cards', { treeDataProvider: tree, canSelectMany: true, showCollapseAll: true });
  const refresh = new RefreshManager({
    fleets,
    view: treeView,
    autoRefreshSeconds: () => settings.autoRefreshSeconds(),
    cardChanges,
    showProgress: (work) => void vscode.window.withProgress({ location: { viewId: 'simFleet.cards' } }, () => work),
  });
  // The account's work orders, whoever started them; pending ones followed while the view is visible.
  const workOrders = new WorkOrdersTreeProvider(fleets, accounts, t, () => hidden.mask);
  const workOrdersView = vscode.window.createTreeView<FleetNode>('simFleet.workOrders', { treeDataProvider: workOrders, showCollapseAll: true });
  const follower = new WorkOrderFollower({
    fleets,
    view: workOrdersView,
    onEnded: (accountId, order, cardIds) => {
      // The groups the cards were in, and the one the order moves them to.
      const model = fleets.get(accountId)?.model;
      const statuses = cardIds.map((id) => model?.loadedCard(id)?.sim_status);
      const after = statusAfterWorkOrder(order.work_order_type);
      void refresh.cardsChanged(accountId, cardIds, [...statuses, after].filter((s): s is NonNullable<typeof s> => s !== undefined));
    },
  });
  // The account's data pools and their members.
  const pools = new PoolsTreeProvider(fleets, accounts, t, () => hidden.mask);
  const poolsView = vscode.window.createTreeView<FleetNode>('simFleet.pools', { treeDataProvider: pools, showCollapseAll: true });
  const showWorkOrderFilter = (): void => {
    void vscode.commands.executeCommand('setContext', 'simFleet.workOrdersFiltered', fleets.all().some((f) => isWorkOrderFilterActive(f.workOrders.filter)));
  };
  const statusBar = new AccountStatusBar(accounts, t);
  // SIM_FLEET_TEST_HOOKS is written out so the production build can see this code is dead and drop it.
  const testUi = SIM_FLEET_TEST_HOOKS && testHooks ? new TestUiBackend() : undefined;
  const ui = new Ui(testUi ? () => testUi : undefined, () => hidden.mask);
  const panels = new Panels({
    extensionUri: context.extensionUri,
    accounts,
    log,
    workOrders: (id) => fleets.get(id)?.tracker,
    cardHistory: (id) => fleets.get(id)?.history,
    onDidChangeWorkOrder: fleets.onDidChangeWorkOrder,
    onDidChangeCards: cardChanges.onDidChange,
    t,
    mask: () => hidden.mask,
    onDidChangeMask: hidden.onDidChange,
    confirmCopy: (what) => confirmCopy({ hidden, ui, t }, what),
    isPinned: (accountId, cardId) => fleets.get(accountId)?.pins.has(cardId) ?? false,
    onDidChangePins: (listener) => fleets.onDidChangePins(() => listener()),
    testHooks,
    attentionSettings: () => settings.attention().settings,
  });
  // Identifiers met in files, cards as documents, and the agents' tools: across every account.
  const lookup = new CardLookup({ accounts, notFoundTtlMs: () => settings.identifiers().notFoundTtlMs, log });
  const identifiers = new IdentifierFeatures({
    lookup,
    accounts,
    settings: () => settings.identifiers(),
    t,
    mask: () => hidden.mask,
    // The hover's forecast slot: what Needs attention says of the card's data this cycle.
    forecastOf: (accountId, cardId) => {
      const reasons = attention.get(accountId)?.card(cardId)?.reasons.filter((r) => r.reason === 'willRunOut' || r.reason === 'overPlan');
      return reasons?.length ? attentionShort(reasons, t) : undefined;
    },
  });
  const snapshotDocuments = new SnapshotDocuments(attention, () => hidden.mask, hidden.onDidChange);
  const cardDocuments = new CardDocuments({ accounts, onDidChangeCards: cardChanges.onDidChange, t, mask: () => hidden.mask, onDidChangeMask: hidden.onDidChange });
  // Change plans: checked against the fleets as they are edited, applied through the commands.
  const plans = new PlanFeatures({ reviewer: new PlanReviewer({ fleets, lookup, t, log }), t, mask: () => hidden.mask, onDidChangeFleet: [fleets.onDidChange, fleets.onDidChangeWorkOrder], onDidChangeMask: hidden.onDidChange });
  const ctx: CommandContext = { accounts, fleets, lookup, tree, attention, changes, treeView, poolsView, refresh, ui, log, panels, t, hidden, milestones, testHooks, plans };
  const tools = new CardTools(ctx);

  // Filters belong to accounts: with one account the view's description names its filter; with
  // several, each account's row does.
  const showFilter = (): void => {
    const only = fleets.only();
    const active = fleets.all().some((f) => isFilterActive(f.model.filter) || f.model.sort !== undefined);
    const filtered = only && (isFilterActive(only.model.filter) || only.model.sort !== undefined) ? describeFilter(only.model.filter, only.model.sort, t) : undefined;
    // A saved view is named first, so the person knows which one they are looking at.
    const described = [only?.model.viewName, filtered].filter(Boolean).join(' · ');
    // Tag names and search keys are the person's own text: plain, never an icon or a link.
    treeView.description = described ? plainText(hidden.mask(described)) : undefined;
    void vscode.commands.executeCommand('setContext', 'simFleet.filterActive', active);
  };
  const showState = (): void => {
    void vscode.commands.executeCommand('setContext', 'simFleet.state', accounts.state);
    void vscode.commands.executeCommand('setContext', 'simFleet.accounts', fleets.all().length);
  };
  const watchFilters = (): vscode.Disposable[] => fleets.all().flatMap((f) => [f.model.onDidChange(showFilter), f.workOrders.onDidChange(showWorkOrderFilter)]);
  let filterWatches = watchFilters();

  context.subscriptions.push(
    log,
    hidden,
    { dispose: () => void accounts.dispose() },
    fleets,
    cardChanges,
    attention,
    changes,
    changesView,
    describeChanges,
    snapshotDocuments,
    vscode.workspace.registerTextDocumentContentProvider(SNAPSHOT_SCHEME, snapshotDocuments),
    tree,
    treeView,
    workOrders,
    workOrdersView,
    follower,
    pools,
    poolsView,
    refresh,
    statusBar,
    panels,
    lookup,
    identifiers,
    cardDocuments,
    plans,
    tools,
    ...registerCommands(ctx),
    // A card that changed is looked up again before a hover shows it.
    cardChanges.onDidChange((e) => lookup.invalidate(e.cardIds)),
    // Changed cards may change what needs attention: the account runs again (debounced).
    cardChanges.onDidChange((e) => attention.cardsChanged(e)),
    { dispose: () => filterWatches.forEach((d) => d.dispose()) },
    fleets.onDidChange(() => {
      filterWatches.forEach((d) => d.dispose());
      filterWatches = watchFilters();
      showFilter();
      showWorkOrderFilter();
    }),
    accounts.onDidChange(showState),
    // Everything shown is shown again, masked or not.
    hidden.onDidChange(() => {
      tree.refresh();
      changes.refresh();
      workOrders.refresh();
      pools.refresh();
      showFilter();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (settings.affects(e, 'pageSize')) refresh.requestRefresh({ reset: true });
      if (settings.affects(e, 'autoRefreshSeconds')) refresh.schedule();
      if (settings.affects(e, 'identifiers')) identifiers.settingsChanged();
      if (settings.affects(e, 'attention') || settings.affects(e, 'history')) attention.configChanged();
    }),
  );
  showFilter();
  showState();

  // `npm start` sets SIM_FLEET_DEMO=1 to open straight onto the demo fleet. Neither path is
  // awaited: activation never waits for the keychain, a client or the simulator.
  void accounts.restore().catch((err: unknown) => log.error('Could not read the kept credentials', err));
  if (process.env.SIM_FLEET_DEMO === '1') void vscode.commands.executeCommand('simFleet.account.startDemo' satisfies CommandId);

  if (SIM_FLEET_TEST_HOOKS && testHooks && testUi) {
    return createTestApi(context, { accounts, fleets, tree, attention, changes, treeView, workOrders, workOrdersView, follower, pools, poolsView, refresh, panels, lookup, tools: tools.tools, ui: testUi, t, hidden, milestones, log, statusBarText: () => statusBar.text });
  }
  return undefined;
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
