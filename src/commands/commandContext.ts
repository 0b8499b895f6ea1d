/** What command handlers work with; built once in `extension.ts`. */
import type * as vscode from 'vscode';
import type { FleetModel } from '../fleet/fleetModel';
import type { FleetServicesImpl } from '../fleet/fleetServices';
import type { FleetTreeProvider } from '../fleet/fleetTreeProvider';
import type { FleetNode } from '../fleet/nodes/fleetNode';
import type { RefreshManager } from '../fleet/refreshManager';
import type { FleetWorkOrderTracker } from '../fleet/workOrderTracker';
import type { OutputLogger } from '../host/logger';
import type { Prompts } from '../host/prompts';
import type { Session } from '../host/session';

export interface CommandContext {
  readonly services: FleetServicesImpl;
  readonly session: Session;
  readonly model: FleetModel;
  readonly tree: FleetTreeProvider;
  readonly treeView: vscode.TreeView<FleetNode>;
  readonly refresh: RefreshManager;
  readonly tracker: FleetWorkOrderTracker;
  readonly prompts: Prompts;
  readonly log: OutputLogger;
}
