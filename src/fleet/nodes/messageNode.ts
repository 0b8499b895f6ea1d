/** A line of text in the tree: an empty result, or an error with its plain message and a retry. */
import * as vscode from 'vscode';
import type { FleetNode } from './fleetNode';

export class MessageNode implements FleetNode {
  constructor(
    readonly parent: FleetNode | undefined,
    readonly kind: 'empty' | 'error',
    readonly message: string,
    readonly action?: vscode.Command,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.kind}:${this.parent ? (this.parent.getTreeItem().id ?? '') : 'root'}`;
    item.iconPath = new vscode.ThemeIcon(this.kind === 'error' ? 'error' : 'info', this.kind === 'error' ? new vscode.ThemeColor('errorForeground') : undefined);
    item.tooltip = this.action ? `${this.message}\n${this.action.title}` : this.message;
    item.contextValue = `simFleet.message ${this.kind}`;
    if (this.action) {
      item.command = this.action;
      item.description = this.action.title;
    }
    return item;
  }

  async getChildren(): Promise<FleetNode[]> {
    return [];
  }
}
