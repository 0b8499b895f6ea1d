/** "Dismissed (3)": the cards the person took out of Needs attention, each saying until when; Restore brings one back. */
import * as vscode from 'vscode';
import type { AccountAttention } from '../attention';
import { partialCard } from '../attention';
import type { AccountFleet } from '../fleets';
import { AttentionListNode } from './attentionListNode';
import type { ListedCard } from './attentionListNode';
import type { FleetNode, TreeContext } from './fleetNode';

export class DismissedNode extends AttentionListNode {
  constructor(fleet: AccountFleet, attention: AccountAttention, ctx: TreeContext, parent: FleetNode) {
    super(fleet, attention, ctx, () => parent, 'attention-dismissed');
  }

  getTreeItem(): vscode.TreeItem {
    const { t } = this.ctx;
    const count = this.attention.dismissed().length;
    const item = new vscode.TreeItem(t('Dismissed ({0})', count), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `attention:${this.accountId}:dismissed`;
    item.iconPath = new vscode.ThemeIcon('eye-closed');
    item.contextValue = 'simFleet.attentionDismissed';
    item.accessibilityInformation = { label: t('Dismissed, {0} cards', count) };
    return item;
  }

  protected listed(): ListedCard[] {
    return this.attention.dismissed().map(({ dismissal, card }) => {
      if (card) return this.fromRun(card);
      const full = this.attention.record(dismissal.cardId);
      const seen = this.attention.snapshotCard(dismissal.cardId);
      if (full) return { card: full, partial: false };
      // No longer read (or not yet): the name kept with the dismissal.
      return { card: seen ? partialCard(seen, seen.operator_status) : partialCard({ sim_card_id: dismissal.cardId, label: dismissal.label, flow_used: null, flow_left: null, price_plan_name: null, expire_time: null, tag_names: null }), partial: true };
    });
  }
}
