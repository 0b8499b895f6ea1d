/** A status group ("In use (1,234)"); its cards load when it is expanded, one page at a time. */
import * as vscode from 'vscode';
import type { SimStatus } from '../../gsl/models';
import type { CommandId } from '../../core/commandIds';
import { errorMessage } from '../../core/errorWords';
import { simStatusWord } from '../../core/words';
import type { AccountFleet } from '../fleets';
import { CardNode } from './cardNode';
import type { FleetNode, TreeContext } from './fleetNode';
import { LoadMoreNode } from './loadMoreNode';
import { MessageNode } from './messageNode';
import { STATUS_ICONS } from './statusLook';

export class GroupNode implements FleetNode {
  constructor(
    readonly status: SimStatus,
    readonly fleet: AccountFleet,
    private readonly ctx: TreeContext,
    /** The account's root when several accounts are shown; none when the view shows one. */
    private readonly root: () => FleetNode | undefined,
  ) {}

  get parent(): FleetNode | undefined {
    return this.root();
  }

  get key(): string {
    return String(this.status);
  }

  get accountId(): string {
    return this.fleet.account.id;
  }

  static id(accountId: string, status: SimStatus): string {
    return `group:${accountId}:${status}`;
  }

  getTreeItem(): vscode.TreeItem {
    const { t } = this.ctx;
    const view = this.fleet.model.group(this.status);
    const count = view.count ?? 0;
    const word = simStatusWord(this.status, t);
    const item = new vscode.TreeItem(
      t('{0} ({1})', word, count.toLocaleString()),
      count > 0 || view.cards.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = GroupNode.id(this.accountId, this.status);
    const look = STATUS_ICONS[this.status];
    item.iconPath = new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color));
    item.contextValue = `simFleet.group status${this.status}`;
    item.accessibilityInformation = { label: t('{0}: {1} cards', word, count) };
    return item;
  }

  async getChildren(): Promise<FleetNode[]> {
    const { t } = this.ctx;
    const { model, tracker } = this.fleet;
    await model.ensureFirstPage(this.status);
    const view = model.group(this.status);
    const { pins } = this.fleet;
    const nodes: FleetNode[] = view.cards.map((card) => new CardNode(this, card, this.accountId, tracker.pendingAction(card.sim_card_id), this.ctx, pins.has(card.sim_card_id)));
    if (view.error !== undefined) {
      nodes.push(new MessageNode(this, 'error', errorMessage(view.error, t), { command: 'simFleet.group.loadMore' satisfies CommandId, title: t('Retry'), arguments: [this] }, undefined, this.ctx.mask));
    } else if (view.hasMore) {
      nodes.push(new LoadMoreNode(this, view.cards.length, view.count ?? 0, t));
    } else if (nodes.length === 0) {
      nodes.push(new MessageNode(this, 'empty', t('No cards')));
    }
    return nodes;
  }
}
