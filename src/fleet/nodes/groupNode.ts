/** A status group ("In use (1,234)"); its cards load when it is expanded, one page at a time. */
import * as vscode from 'vscode';
import type { SimStatus } from '../../gsl/models';
import type { CommandId } from '../../core/commandIds';
import { errorMessage } from '../../core/errorWords';
import { simStatusWord } from '../../core/words';
import { CardNode } from './cardNode';
import type { FleetNode, TreeContext } from './fleetNode';
import { LoadMoreNode } from './loadMoreNode';
import { MessageNode } from './messageNode';
import { STATUS_ICONS } from './statusLook';

export class GroupNode implements FleetNode {
  readonly parent = undefined;

  constructor(
    readonly status: SimStatus,
    private readonly context: TreeContext,
  ) {}

  static id(status: SimStatus): string {
    return `group:${status}`;
  }

  getTreeItem(): vscode.TreeItem {
    const { model, t } = this.context;
    const view = model.group(this.status);
    const count = view.count ?? 0;
    const word = simStatusWord(this.status, t);
    const item = new vscode.TreeItem(
      t('{0} ({1})', word, count.toLocaleString()),
      count > 0 || view.cards.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = GroupNode.id(this.status);
    const look = STATUS_ICONS[this.status];
    item.iconPath = new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color));
    item.contextValue = `simFleet.group status${this.status}`;
    item.accessibilityInformation = { label: t('{0}: {1} cards', word, count) };
    return item;
  }

  async getChildren(): Promise<FleetNode[]> {
    const { model, tracker, t } = this.context;
    await model.ensureFirstPage(this.status);
    const view = model.group(this.status);
    const nodes: FleetNode[] = view.cards.map((card) => new CardNode(this, card, tracker.pendingAction(card.sim_card_id), t));
    if (view.error !== undefined) {
      nodes.push(new MessageNode(this, 'error', errorMessage(view.error, t), { command: 'simFleet.group.loadMore' satisfies CommandId, title: t('Retry'), arguments: [this] }));
    } else if (view.hasMore) {
      nodes.push(new LoadMoreNode(this, this.status, view.cards.length, view.count ?? 0, t));
    } else if (nodes.length === 0) {
      nodes.push(new MessageNode(this, 'empty', t('No cards')));
    }
    return nodes;
  }
}
