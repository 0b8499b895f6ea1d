/** A data pool at risk: its projection in the description, the member cards driving it as children. */
import * as vscode from 'vscode';
import type { PoolAtRisk } from '../../core/attention/engine';
import { poolShort } from '../../core/attentionWords';
import { formatMb } from '../../core/cardText';
import { plainText } from '../../core/text';
import type { AccountAttention } from '../attention';
import { partialCard } from '../attention';
import type { AccountFleet } from '../fleets';
import { AttentionListNode } from './attentionListNode';
import type { ListedCard } from './attentionListNode';
import type { FleetNode, TreeContext } from './fleetNode';
import { MessageNode } from './messageNode';

export class PoolNode extends AttentionListNode {
  constructor(
    readonly pool: PoolAtRisk,
    fleet: AccountFleet,
    attention: AccountAttention,
    ctx: TreeContext,
    parent: FleetNode,
  ) {
    super(fleet, attention, ctx, () => parent, `pool-${pool.poolId}`);
  }

  getTreeItem(): vscode.TreeItem {
    const { t, mask } = this.ctx;
    const p = this.pool;
    // The pool's name is the account's own text: plain, and masked like everything shown.
    const item = new vscode.TreeItem(plainText(mask(p.poolName || p.poolId)), p.drivers.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `attention:${this.accountId}:pool:${p.poolId}`;
    item.description = plainText(mask(poolShort(p, t)));
    item.tooltip = plainText(mask(t('Pool {0}: {1} used of {2} this cycle; {3} projected by its end, {4} over.', p.poolName || p.poolId, formatMb(p.usedMb), formatMb(p.totalMb), formatMb(p.projectedMb), formatMb(p.overByMb))));
    item.iconPath = new vscode.ThemeIcon('database', new vscode.ThemeColor('charts.orange'));
    item.contextValue = 'simFleet.attentionPool';
    item.accessibilityInformation = { label: plainText(mask(t('Pool {0}, {1}', p.poolName || p.poolId, poolShort(p, t)))) };
    return item;
  }

  /** The members driving the pool, biggest first, each with its share of the pool's usage. */
  protected listed(): ListedCard[] {
    const out: ListedCard[] = [];
    for (const d of this.pool.drivers) {
      if (!d.sim_card_id) continue;
      const note = this.ctx.t('{0} ({1}% of the pool)', formatMb(d.flowUsedMb), Math.round(d.share * 1000) / 10);
      const full = this.attention.record(d.sim_card_id);
      const seen = this.attention.snapshotCard(d.sim_card_id);
      if (full) out.push({ card: full, partial: false, note });
      else if (seen) out.push({ card: partialCard({ ...seen, expire_time: seen.expire_time }, seen.operator_status), partial: true, note });
    }
    return out;
  }

  override async getChildren(): Promise<FleetNode[]> {
    const nodes = await super.getChildren();
    // Members the fleet read did not find (another account's, or gone since): named by their container id.
    const unknown = this.pool.drivers.filter((d) => !d.sim_card_id || !this.attention.snapshotCard(d.sim_card_id));
    const notes = unknown.map((d) => new MessageNode(this, 'empty', this.ctx.t('Card {0}: {1} ({2}% of the pool)', d.cid, formatMb(d.flowUsedMb), Math.round(d.share * 1000) / 10), undefined, `driver:${d.cid}`, this.ctx.mask));
    return [...nodes.filter((n) => !(n instanceof MessageNode) || notes.length === 0), ...notes];
  }
}
