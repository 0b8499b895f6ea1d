/** What every node of the fleet tree offers (house style 5): its item, its children and its parent, so `reveal` works. */
import type * as vscode from 'vscode';

export interface FleetNode {
  readonly parent: FleetNode | undefined;
  getTreeItem(): vscode.TreeItem;
  getChildren(): Promise<FleetNode[]>;
}
