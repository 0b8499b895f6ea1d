/** An account's root in the Work Orders or Pools view while several accounts are signed in, as in the Cards view. */
import * as vscode from 'vscode';
import { plainText } from '../../core/text';
import type { AccountFleet } from '../fleets';
import type { FleetNode, TreeContext } from './fleetNode';

export interface ListAccountLook {
  /** Names the view in the node's id. */
  idPrefix: string;
  contextValue: string;
  description?: string;
  children(fleet: AccountFleet, ctx: TreeContext, parent: FleetNode): Promise<FleetNode[]>;
}

export class ListAccountNode implements FleetNode {
  readonly parent = undefined;

  constructor(
    readonly fleet: AccountFleet,
    private readonly ctx: TreeContext,
    private readonly look: ListAccountLook,
  ) {}

  get accountId(): string {
    return this.fleet.account.id;
  }

  getTreeItem(): vscode.TreeItem {
    const { account } = this.fleet;
    const item = new vscode.TreeItem(plainText(account.label), vscode.TreeItemCollapsibleState.Expanded);
    item.id = `${this.look.idPrefix}:${account.id}`;
    item.iconPath = new vscode.ThemeIcon(account.kind === 'demo' ? 'beaker' : 'account');
    item.contextValue = this.look.contextValue;
    item.description = this.look.description;
    return item;
  }

  getChildren(): Promise<FleetNode[]> {
    return this.look.children(this.fleet, this.ctx, this);
  }
}
