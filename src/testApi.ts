/**
 * What `activate()` hands to the integration tests, and only to them: it is built only when
 * VS Code runs the extension in ExtensionMode.Test, and the packaged extension does not contain
 * this module at all (esbuild drops it where SIM_FLEET_TEST_HOOKS is false). A normally installed
 * copy returns nothing from `activate()`, so no other extension can reach these internals.
 */
import type * as vscode from 'vscode';
import type { Translate } from './core/translate';
import type { CardLookup } from './fleet/cardLookup';
import type { AccountFleet, Fleets } from './fleet/fleets';
import type { FleetTreeProvider } from './fleet/fleetTreeProvider';
import type { FleetAttention } from './fleet/attention';
import type { ChangesTreeProvider } from './fleet/changesTreeProvider';
import type { FleetNode } from './fleet/nodes/fleetNode';
import type { RefreshManager } from './fleet/refreshManager';
import type { WorkOrderFollower } from './fleet/workOrderFollower';
import type { WorkOrdersTreeProvider } from './fleet/workOrdersTreeProvider';
import type { PoolsTreeProvider } from './fleet/poolsTreeProvider';
import type { AccountRegistry } from './host/accounts';
import type { HiddenIdentifiers } from './host/hiddenIdentifiers';
import type { Milestones } from './host/milestones';
import type { OutputLogger } from './host/logger';
import type { PickItem, PickOptions, Severity, UiBackend } from './host/ui';
import { windowBackend } from './host/ui';
import type { Panels } from './panels/index';

/** The questions and notifications of a test run: scripted where a test sets `current`, else VS Code's window. */
export class TestUiBackend implements UiBackend {
  current: Partial<UiBackend> = {};
  /** Every notification shown, as the person would read it. */
  readonly notifications: Array<{ severity: Severity; message: string }> = [];
  /** Every quick pick offered: its title and items, as shown. */
  readonly picks: Array<{ title: string; items: ReadonlyArray<PickItem<unknown>> }> = [];

  confirm(message: string, detail: string, action: string): Promise<boolean> {
    return (this.current.confirm ?? windowBackend.confirm)(message, detail, action);
  }
  pickOne<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T | undefined> {
    this.picks.push({ title: options.title, items });
    return this.current.pickOne ? this.current.pickOne(items, options) : windowBackend.pickOne(items, options);
  }
  pickMany<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T[] | undefined> {
    this.picks.push({ title: options.title, items });
    return this.current.pickMany ? this.current.pickMany(items, options) : windowBackend.pickMany(items, options);
  }
  input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    return (this.current.input ?? windowBackend.input)(options);
  }
  pickFile(options: vscode.OpenDialogOptions): Promise<vscode.Uri | undefined> {
    return (this.current.pickFile ?? windowBackend.pickFile)(options);
  }
  notify(severity: Severity, message: string, actions: readonly string[]): Promise<string | undefined> {
    this.notifications.push({ severity, message });
    return (this.current.notify ?? windowBackend.notify)(severity, message, actions);
  }
}

export interface SimFleetTestApi {
  readonly accounts: AccountRegistry;
  readonly fleets: Fleets;
  /** The fleet when exactly one account is signed in; throws otherwise. */
  fleet(): AccountFleet;
  readonly tree: FleetTreeProvider;
  /** Needs attention per account, and the fleet's history. */
  readonly attention: FleetAttention;
  /** The What Changed view's provider. */
  readonly changes: ChangesTreeProvider;
  readonly treeView: vscode.TreeView<FleetNode>;
  readonly refresh: RefreshManager;
  /** The Work Orders view, and what follows its pending orders. */
  readonly workOrders: WorkOrdersTreeProvider;
  readonly workOrdersView: vscode.TreeView<FleetNode>;
  readonly follower: WorkOrderFollower;
  /** The Pools view. */
  readonly pools: PoolsTreeProvider;
  readonly poolsView: vscode.TreeView<FleetNode>;
  readonly panels: Panels;
  /** Identifiers to cards: its counters, and its cache to clear between tests. */
  readonly lookup: CardLookup;
  /** The language-model tools by name, to call one the way VS Code never would (without its prepare step). */
  readonly tools: ReadonlyMap<string, vscode.LanguageModelTool<object>>;
  /** Set `ui.current` to answer confirmations, picks and inputs; read what was shown. */
  readonly ui: TestUiBackend;
  readonly t: Translate;
  readonly hidden: HiddenIdentifiers;
  readonly milestones: Milestones;
  /** Recent lines of the "SIM Fleet" output channel. */
  recentLog(): readonly string[];
  statusBarText(): string;
  /** Every value the extension keeps in globalState and workspaceState (to prove no secret is there). */
  storedState(): Record<string, unknown>;
}

export function createTestApi(
  context: vscode.ExtensionContext,
  parts: Omit<SimFleetTestApi, 'recentLog' | 'statusBarText' | 'storedState' | 'fleet'> & { log: OutputLogger; statusBarText: () => string },
): SimFleetTestApi {
  const { log, statusBarText, ...rest } = parts;
  return {
    ...rest,
    fleet: () => {
      const only = rest.fleets.only();
      if (!only) throw new Error(`The test expected exactly one account; ${rest.fleets.all().length} are signed in.`);
      return only;
    },
    recentLog: () => log.recentLines(),
    statusBarText,
    storedState: () => {
      const all: Record<string, unknown> = {};
      for (const k of context.globalState.keys()) all[`global:${k}`] = context.globalState.get(k);
      for (const k of context.workspaceState.keys()) all[`workspace:${k}`] = context.workspaceState.get(k);
      return all;
    },
  };
}
