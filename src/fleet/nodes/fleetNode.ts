/** What every node of the fleet tree offers (house style 5): its item, its children and its parent, so `reveal` works. */
import type * as vscode from 'vscode';
import type { Translate } from '../../core/translate';
import type { FleetModel } from '../fleetModel';
import type { FleetWorkOrderTracker } from '../workOrderTracker';

export interface FleetNode {
  readonly parent: FleetNode | undefined;
  getTreeItem(): vscode.TreeItem;
  getChildren(): Promise<FleetNode[]>;
}

/** What the nodes read: the model, the work orders in flight, and the words of the user's language. */
export interface TreeContext {
  readonly model: FleetModel;
  readonly tracker: FleetWorkOrderTracker;
  readonly t: Translate;
}
