/** "Pinned (3)": the cards pinned on an account, at the top of its groups, each read live. */
import * as vscode from 'vscode';
import { errorMessage } from '../../core/errorWords';
import type { AccountFleet } from '../fleets';
import { CardNode } from './cardNode';
import type { FleetNode, TreeContext } from './fleetNode';
import { MessageNode } from './messageNode';

export class PinnedNode implements FleetNode {
  readonly key = 'pinned';

  constructor(
    readonly fleet: AccountFleet,
    private readonly ctx: TreeContext,
    private readonly root: () => FleetNode | undefined,
  ) {}

  get parent(): FleetNode | undefined {
    return this.root();
  }

  get accountId(): string {
    return this.fleet.account.id;
  }

  getTreeItem(): vscode.TreeItem {
    const { t } = this.ctx;
    const count = this.fleet.pins.list().length;
    const item = new vscode.TreeItem(t('Pinned ({0})', count), vscode.TreeItemCollapsibleState.Expanded);
    item.id = `pinned:${this.accountId}`;
    item.iconPath = new vscode.ThemeIcon('pinned');
    item.contextValue = 'simFleet.pinned';
    item.accessibilityInformation = { label: t('Pinned: {0} cards', count) };
    return item;
  }

  async getChildren(): Promise<FleetNode[]> {
    const { t } = this.ctx;
    const { pins, tracker } = this.fleet;
    return pins.list().map((p) =>
      p.card
        ? new CardNode(this, p.card, this.accountId, tracker.pendingAction(p.cardId), this.ctx, true)
        : p.error !== undefined
          ? new MessageNode(this, 'error', t('Card {0}: {1}', p.cardId, errorMessage(p.error, t)), undefined, `pinned:${p.cardId}`, this.ctx.mask)
          : new MessageNode(this, 'empty', t('Card {0}: loading…', p.cardId), undefined, `pinned:${p.cardId}`, this.ctx.mask),
    );
  }
}
