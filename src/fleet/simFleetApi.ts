/**
 * What `activate()` returns when VS Code runs the extension for its integration tests
 * (ExtensionMode.Test); an installed copy returns nothing. It is not a public API.
 */
import type * as vscode from 'vscode';
import type { PromptsHolder } from '../host/prompts';
import type { Session } from '../host/session';
import type { FleetModel } from './fleetModel';
import type { FleetServicesImpl } from './fleetServices';
import type { FleetTreeProvider } from './fleetTreeProvider';
import type { FleetNode } from './nodes/fleetNode';
import type { RefreshManager } from './refreshManager';
import type { FleetWorkOrderTracker } from './workOrderTracker';

/** The parts of the fleet explorer that commands and automation both work with. */
export interface FleetParts {
  readonly services: FleetServicesImpl;
  readonly session: Session;
  readonly model: FleetModel;
  readonly tree: FleetTreeProvider;
  readonly treeView: vscode.TreeView<FleetNode>;
  readonly refresh: RefreshManager;
}

export interface SimFleetApi extends FleetParts {
  readonly workOrders: FleetWorkOrderTracker;
  /** Set `prompts.current` to answer confirmations, picks and inputs in automated runs. */
  readonly prompts: PromptsHolder;
  /** Recent lines of the "SIM Fleet" output channel. */
  recentLog(): readonly string[];
  statusBarText(): string;
  /** Every value the extension keeps in globalState and workspaceState (to prove no secret is there). */
  storedState(): Record<string, unknown>;
}
