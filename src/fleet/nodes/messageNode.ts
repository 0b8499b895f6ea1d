/** A line of text in the tree: an empty result, or an error with its plain message and a retry. */
import * as vscode from 'vscode';
import type { Masker } from '../../core/mask';
import { showAll } from '../../core/mask';
import { plainText } from '../../core/text';
import type { FleetNode } from './fleetNode';

export class MessageNode implements FleetNode {
  constructor(
    readonly parent: FleetNode | undefined,
    readonly kind: 'empty' | 'error',
    /** May quote the service's own words, so it is shown as plain text. */
    readonly message: string,
    readonly action?: vscode.Command,
    /** Tells apart several messages under one parent. */
    private readonly discriminator?: string,
    private readonly mask: Masker = showAll,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const text = plainText(this.mask(this.message));
    const item = new vscode.TreeItem(text, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.kind}:${this.parent ? (this.parent.getTreeItem().id ?? '') : 'root'}${this.discriminator ? `:${this.discriminator}` : ''}`;
    item.iconPath = new vscode.ThemeIcon(this.kind === 'error' ? 'error' : 'info', this.kind === 'error' ? new vscode.ThemeColor('errorForeground') : undefined);
    item.tooltip = this.action ? `${text}\n${this.action.title}` : text;
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
