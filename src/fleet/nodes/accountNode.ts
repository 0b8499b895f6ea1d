/** One signed-in account, when there are several: its root, holding its own status groups. */
import * as vscode from 'vscode';
import { plainText } from '../../core/text';
import type { AccountFleet } from '../fleets';
import { describeFilter, isFilterActive } from '../filter';
import type { AccountNodeSet } from './accountChildren';
import { accountChildren } from './accountChildren';
import type { FleetNode, TreeContext } from './fleetNode';

export class AccountNode implements FleetNode {
  readonly parent = undefined;

  constructor(
    readonly fleet: AccountFleet,
    private readonly ctx: TreeContext,
    private readonly nodes: AccountNodeSet,
  ) {}

  get accountId(): string {
    return this.fleet.account.id;
  }

  static id(accountId: string): string {
    return `account:${accountId}`;
  }

  getTreeItem(): vscode.TreeItem {
    const { t } = this.ctx;
    const { account, model } = this.fleet;
    const item = new vscode.TreeItem(plainText(account.label), vscode.TreeItemCollapsibleState.Expanded);
    item.id = AccountNode.id(account.id);
    const total = model.total();
    const filtered = isFilterActive(model.filter) || model.sort !== undefined;
    const parts = [
      total === undefined ? undefined : t('{0} cards', total.toLocaleString()),
      model.viewName,
      filtered ? describeFilter(model.filter, model.sort, t) : undefined,
    ];
    // Filters name tags and search keys the person typed: plain text (and masked: a search key may be an ICCID).
    item.description = plainText(this.ctx.mask(parts.filter(Boolean).join(' · ')));
    item.iconPath = new vscode.ThemeIcon(account.kind === 'demo' ? 'beaker' : 'account');
    item.contextValue = ['simFleet.account', account.kind, filtered ? 'filtered' : ''].filter(Boolean).join(' ');
    item.accessibilityInformation = { label: plainText(this.ctx.mask(total === undefined ? account.label : t('Account {0}: {1} cards', account.label, total.toLocaleString()))) };
    return item;
  }

  getChildren(): Promise<FleetNode[]> {
    return accountChildren(this.fleet, this.ctx, this, this.nodes);
  }
}
