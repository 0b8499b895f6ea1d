// Composition root (house style 1): builds the services, the tree and the commands, and wires
// their events together. The work itself lives in src/host, src/fleet and src/commands.
import * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';
import { describeFilter, isFilterActive } from './fleet/filter';
import { FleetModel } from './fleet/fleetModel';
import { FleetServicesImpl } from './fleet/fleetServices';
import { FleetTreeProvider } from './fleet/fleetTreeProvider';
import type { FleetNode } from './fleet/nodes/fleetNode';
import { RefreshManager } from './fleet/refreshManager';
import type { SimFleetApi } from './fleet/simFleetApi';
import { FleetWorkOrderTracker } from './fleet/workOrderTracker';
import { OutputLogger } from './host/logger';
import { PromptsHolder } from './host/prompts';
import { Session } from './host/session';
import { settings } from './host/settings';
import { SessionStatusBar } from './host/statusBar';
import { registerPanels } from './panels/index';

export async function activate(context: vscode.ExtensionContext): Promise<SimFleetApi | undefined> {
  const log = new OutputLogger();
  const session = new Session(context.secrets, log.request);
  const tracker = new FleetWorkOrderTracker({ client: () => session.currentClient() });
  const model = new FleetModel({ client: () => session.currentClient(), pageSize: () => settings.pageSize() });
  const services = new FleetServicesImpl(context.extensionUri, session, log, tracker);
  const tree = new FleetTreeProvider(model, session, tracker);
  const treeView = vscode.window.createTreeView<FleetNode>('simFleet.cards', { treeDataProvider: tree, canSelectMany: true, showCollapseAll: true });
  const refresh = new RefreshManager({ model, view: treeView, autoRefreshSeconds: () => settings.autoRefreshSeconds(), onRefresh: () => services.fireCardsChanged({}) });
  const statusBar = new SessionStatusBar(session);
  const prompts = new PromptsHolder();
  const ctx = { services, session, model, tree, treeView, refresh, tracker, prompts, log };

  const showFilter = (): void => {
    const active = isFilterActive(model.filter) || model.sort !== undefined;
    treeView.description = active ? describeFilter(model.filter, model.sort, vscode.l10n.t) : undefined;
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
    services,
    tree,
    treeView,
    refresh,
    statusBar,
    ...registerCommands(ctx),
    model.onDidChange(showFilter),
    session.onDidChange(() => {
      showSession();
      model.reset();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (settings.affects(e, 'pageSize')) refresh.requestRefresh();
      if (settings.affects(e, 'autoRefreshSeconds')) refresh.schedule();
    }),
  );
  showFilter();
  showSession();

  try {
    registerPanels(context, services);
  } catch (err) {
    // The tree and actions work without the panels; say why detail views are missing.
    log.warn(`Card panels are not available: ${err instanceof Error ? err.message : String(err)}`);
  }

  // `npm start` sets SIM_FLEET_DEMO=1 to open straight onto the demo fleet.
  if (process.env.SIM_FLEET_DEMO === '1') void vscode.commands.executeCommand('simFleet.account.startDemo');
  else await session.restore().catch((err) => log.error('Could not read the kept credentials', err));

  // Test seams stay out of the product (house style 29): only a VS Code running the integration
  // tests gets the internals; an installed copy exposes nothing to other extensions.
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    services,
    session,
    model,
    tree,
    treeView,
    refresh,
    workOrders: tracker,
    prompts,
    recentLog: () => log.recentLines(),
    statusBarText: () => statusBar.text,
    storedState: () => {
      const all: Record<string, unknown> = {};
      for (const k of context.globalState.keys()) all[`global:${k}`] = context.globalState.get(k);
      for (const k of context.workspaceState.keys()) all[`workspace:${k}`] = context.workspaceState.get(k);
      return all;
    },
  };
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
