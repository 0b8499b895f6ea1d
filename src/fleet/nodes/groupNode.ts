/** A status group ("In use (1,234)"); its cards load when it is expanded, one page at a time. */
import * as vscode from 'vscode';
import type { SimStatus } from '../../gsl/models';
import { errorMessage } from '../../host/errorMessages';
import { STATUS_ICONS } from '../cardText';
import type { FleetModel } from '../fleetModel';
import type { FleetWorkOrderTracker } from '../workOrderTracker';
import { simStatusWord } from '../words';
import { CardNode } from './cardNode';
import type { FleetNode } from './fleetNode';
import { LoadMoreNode } from './loadMoreNode';
import { MessageNode } from './messageNode';

export class GroupNode implements FleetNode {
  readonly parent = undefined;

  constructor(
    readonly status: SimStatus,
    private readonly model: FleetModel,
    private readonly tracker: FleetWorkOrderTracker,
  ) {}

  static id(status: SimStatus): string {
    return `group:${status}`;
  }

  getTreeItem(): vscode.TreeItem {
    const t = vscode.l10n.t;
    const view = this.model.group(this.status);
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
    await this.model.ensureFirstPage(this.status);
    const view = this.model.group(this.status);
    const nodes: FleetNode[] = view.cards.map((card) => new CardNode(this, card, this.tracker.pendingAction(card.sim_card_id)));
    if (view.error !== undefined) {
      nodes.push(
        new MessageNode(this, 'error', errorMessage(view.error, vscode.l10n.t), {
          command: 'simFleet.group.loadMore',
          title: vscode.l10n.t('Retry'),
          arguments: [this],
        }),
      );
    } else if (view.hasMore) {
      nodes.push(new LoadMoreNode(this, this.status, view.cards.length, view.count ?? 0));
    } else if (nodes.length === 0) {
      nodes.push(new MessageNode(this, 'empty', vscode.l10n.t('No cards')));
    }
    return nodes;
  }
}
