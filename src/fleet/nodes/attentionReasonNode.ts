/** One reason for attention ("Will run out (12)"), listing its cards; "Pool at risk" lists its pools. */
import * as vscode from 'vscode';
import type { AttentionReason } from '../../core/attention/settings';
import { REASON_WORDS } from '../../core/attentionWords';
import type { AccountAttention } from '../attention';
import type { AccountFleet } from '../fleets';
import { AttentionListNode } from './attentionListNode';
import type { ListedCard } from './attentionListNode';
import type { FleetNode, TreeContext } from './fleetNode';
import { PoolNode } from './poolNode';

/** Codicon and theme colour per reason; the words always say it too. */
export const REASON_ICONS: Readonly<Record<AttentionReason, { icon: string; color: string }>> = {
  willRunOut: { icon: 'graph-line', color: 'charts.orange' },
  // Not 'error': that icon marks the tree's error rows (a failed load, a failed run).
  overPlan: { icon: 'flame', color: 'charts.red' },
  expiresSoon: { icon: 'calendar', color: 'charts.yellow' },
  silent: { icon: 'mute', color: 'charts.purple' },
  spike: { icon: 'pulse', color: 'charts.orange' },
  suspended: { icon: 'debug-pause', color: 'charts.red' },
  poolAtRisk: { icon: 'database', color: 'charts.orange' },
};

export class AttentionReasonNode extends AttentionListNode {
  private readonly poolNodes = new Map<string, PoolNode>();

  constructor(
    readonly reason: AttentionReason,
    fleet: AccountFleet,
    attention: AccountAttention,
    ctx: TreeContext,
    parent: () => FleetNode | undefined,
  ) {
    super(fleet, attention, ctx, parent, `attention-${reason}`);
  }

  getTreeItem(): vscode.TreeItem {
    const { t } = this.ctx;
    const count = this.attention.counts()[this.reason];
    const word = t(REASON_WORDS[this.reason]);
    const item = new vscode.TreeItem(t('{0} ({1})', word, count.toLocaleString()), count > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `attention:${this.accountId}:${this.reason}`;
    const look = REASON_ICONS[this.reason];
    item.iconPath = new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color));
    item.contextValue = `simFleet.attentionReason ${this.reason}`;
    item.accessibilityInformation = { label: this.reason === 'poolAtRisk' ? t('{0}, {1} pools', word, count) : t('{0}, {1} cards', word, count) };
    return item;
  }

  protected listed(): ListedCard[] {
    return this.reason === 'poolAtRisk' ? [] : this.attention.cards(this.reason).map((c) => this.fromRun(c));
  }

  override async getChildren(): Promise<FleetNode[]> {
    if (this.reason !== 'poolAtRisk') return super.getChildren();
    return this.attention.pools().map((pool) => {
      let node = this.poolNodes.get(pool.poolId);
      if (!node || node.pool !== pool) {
        node = new PoolNode(pool, this.fleet, this.attention, this.ctx, this);
        this.poolNodes.set(pool.poolId, node);
      }
      return node;
    });
  }
}
