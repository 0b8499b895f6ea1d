/** While "Needs attention only" is on: a status group holding only its cards that need attention. */
import * as vscode from 'vscode';
import type { SimStatus } from '../../gsl/models';
import { simStatusWord } from '../../core/words';
import type { AccountAttention } from '../attention';
import type { AccountFleet } from '../fleets';
import { AttentionListNode } from './attentionListNode';
import type { ListedCard } from './attentionListNode';
import type { FleetNode, TreeContext } from './fleetNode';
import { STATUS_ICONS } from './statusLook';

export class AttentionStatusNode extends AttentionListNode {
  constructor(
    readonly status: SimStatus,
    fleet: AccountFleet,
    attention: AccountAttention,
    ctx: TreeContext,
    parent: () => FleetNode | undefined,
  ) {
    super(fleet, attention, ctx, parent, `attention-status-${status}`);
  }

  getTreeItem(): vscode.TreeItem {
    const { t } = this.ctx;
    const count = this.attention.result ? this.attention.cardsInStatus(this.status).length : 0;
    const word = simStatusWord(this.status, t);
    const item = new vscode.TreeItem(t('{0} ({1})', word, count.toLocaleString()), count > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `attention-status:${this.accountId}:${this.status}`;
    const look = STATUS_ICONS[this.status];
    item.iconPath = new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color));
    item.description = t('needing attention');
    item.contextValue = `simFleet.group status${this.status} attentionOnly`;
    item.accessibilityInformation = { label: t('{0}: {1} cards needing attention', word, count) };
    return item;
  }

  protected listed(): ListedCard[] {
    return this.attention.cardsInStatus(this.status).map((c) => this.fromRun(c));
  }
}
