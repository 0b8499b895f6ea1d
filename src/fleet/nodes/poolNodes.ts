/**
 * The Pools view's nodes: an account (when several are signed in), its flow pools and back pools
 * (a node per kind), each pool with this cycle's usage against its total, and each pool's member
 * cards with their share. Pool names come from the API: plain text in the tree, escaped in tooltips.
 */
import * as vscode from 'vscode';
import type { PoolMemVO } from '../../gsl/models';
import type { CommandId } from '../../core/commandIds';
import type { AnyPool, PoolKind } from '../../core/poolText';
import { POOL_KINDS, poolDescription, poolMemberDescription, poolNearLimit, poolTooltipMarkdown, poolUsage } from '../../core/poolText';
import { plainText } from '../../core/text';
import type { AccountFleet } from '../fleets';
import type { FleetNode, TreeContext } from './fleetNode';
import { ListAccountNode } from './listAccountNode';
import { pagedChildren } from './pageMoreNode';

/** An account's root in the Pools view while several accounts are signed in. */
export function poolAccountNode(fleet: AccountFleet, ctx: TreeContext): ListAccountNode {
  return new ListAccountNode(fleet, ctx, { idPrefix: 'pool-account', contextValue: 'simFleet.poolAccount', children: poolKindNodes });
}

/** The two kinds of pool of an account, their first pages read at once. */
export async function poolKindNodes(fleet: AccountFleet, ctx: TreeContext, parent: FleetNode | undefined): Promise<FleetNode[]> {
  await fleet.pools.load();
  return POOL_KINDS.map((k) => new PoolKindNode(parent, fleet, k, ctx));
}

export class PoolKindNode implements FleetNode {
  constructor(
    readonly parent: FleetNode | undefined,
    readonly fleet: AccountFleet,
    readonly kind: PoolKind,
    private readonly ctx: TreeContext,
  ) {}

  get accountId(): string {
    return this.fleet.account.id;
  }

  getTreeItem(): vscode.TreeItem {
    const { t } = this.ctx;
    const list = this.fleet.pools.pools(this.kind);
    const item = new vscode.TreeItem(this.kind === 'flow' ? t('Flow pools') : t('Back pools'), vscode.TreeItemCollapsibleState.Expanded);
    item.id = `pools:${this.accountId}:${this.kind}`;
    if (list.count !== undefined) item.description = list.count.toLocaleString();
    item.iconPath = new vscode.ThemeIcon(this.kind === 'flow' ? 'database' : 'history');
    item.contextValue = `simFleet.poolKind ${this.kind}`;
    return item;
  }

  getChildren(): Promise<FleetNode[]> {
    const { t } = this.ctx;
    return pagedChildren(
      this,
      this.fleet.pools.pools(this.kind),
      (p) => new PoolNode(this, this.fleet, p, this.ctx),
      `pools:${this.accountId}:${this.kind}`,
      this.ctx,
      this.kind === 'flow' ? t('This account has no flow pools.') : t('This account has no back pools.'),
    );
  }
}

export class PoolNode implements FleetNode {
  constructor(
    readonly parent: FleetNode,
    readonly fleet: AccountFleet,
    readonly pool: AnyPool,
    private readonly ctx: TreeContext,
  ) {}

  get accountId(): string {
    return this.fleet.account.id;
  }

  static id(accountId: string, pool: AnyPool): string {
    return `pool:${accountId}:${pool.kind}:${pool.pool.id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const { t, mask } = this.ctx;
    const { pool } = this.pool;
    const item = new vscode.TreeItem(plainText(mask(pool.pool_name)), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = PoolNode.id(this.accountId, this.pool);
    item.description = plainText(poolDescription(this.pool, t));
    const near = poolNearLimit(this.pool);
    item.iconPath = near ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('charts.orange')) : new vscode.ThemeIcon(this.pool.kind === 'flow' ? 'database' : 'history');
    const md = new vscode.MarkdownString(poolTooltipMarkdown(this.pool, t, mask));
    md.supportHtml = false;
    md.isTrusted = false;
    md.supportThemeIcons = false;
    item.tooltip = md;
    item.contextValue = ['simFleet.pool', this.pool.kind, near ? 'nearLimit' : ''].filter(Boolean).join(' ');
    item.accessibilityInformation = { label: plainText(mask(`${pool.pool_name}, ${poolDescription(this.pool, t)}${near ? `, ${t('near its limit')}` : ''}`)) };
    return item;
  }

  getChildren(): Promise<FleetNode[]> {
    const members = this.fleet.pools.membersOf(this.pool);
    const used = poolUsage(this.pool).usedMb;
    return pagedChildren(this, members, (m) => new PoolMemberNode(this, m, used, this.ctx), `members:${this.accountId}:${this.pool.kind}:${this.pool.pool.id}`, this.ctx, this.ctx.t('This pool has no member cards.'));
  }
}

/** A member card of a pool; choosing it shows the card in the Cards view. */
export class PoolMemberNode implements FleetNode {
  constructor(
    readonly parent: PoolNode,
    readonly member: PoolMemVO,
    private readonly poolUsedMb: number,
    private readonly ctx: TreeContext,
  ) {}

  get accountId(): string {
    return this.parent.accountId;
  }

  getTreeItem(): vscode.TreeItem {
    const { t, mask } = this.ctx;
    const item = new vscode.TreeItem(plainText(mask(this.member.cid)), vscode.TreeItemCollapsibleState.None);
    item.id = `member:${this.accountId}:${this.parent.pool.kind}:${this.parent.pool.pool.id}:${this.member.cid}`;
    item.description = plainText(poolMemberDescription(this.member, this.poolUsedMb, t));
    item.iconPath = new vscode.ThemeIcon('symbol-numeric');
    item.contextValue = 'simFleet.poolMember';
    item.command = { command: 'simFleet.poolMember.reveal' satisfies CommandId, title: t('Reveal in Cards View'), arguments: [this] };
    return item;
  }

  async getChildren(): Promise<FleetNode[]> {
    return [];
  }
}
