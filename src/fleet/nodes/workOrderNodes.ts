/**
 * The Work Orders view's nodes: an account (when several are signed in), its orders, each order's
 * per-card lines, "Load more" for either list, and messages (MessageNode). Every text from the
 * API (a reason, a line's description) is plain text in the tree and escaped in tooltips.
 */
import * as vscode from 'vscode';
import type { WorkOrderDetailVo, WorkOrderVo } from '../../gsl/models';
import type { CommandId } from '../../core/commandIds';
import { errorMessage } from '../../core/errorWords';
import { plainText } from '../../core/text';
import { workOrderDescription, workOrderLabel, workOrderLineDescription, workOrderTooltipMarkdown } from '../../core/workOrderText';
import { workOrderOutcome } from '../../core/workOrders';
import type { AccountFleet } from '../fleets';
import { isWorkOrderFilterActive } from '../workOrderList';
import type { FleetNode, TreeContext } from './fleetNode';
import { MessageNode } from './messageNode';
import { PageMoreNode, pagedChildren } from './pageMoreNode';

/** What an account shows: its orders (pending on top), "Load more", or why there are none. */
export async function workOrderChildren(fleet: AccountFleet, ctx: TreeContext, parent: FleetNode | undefined): Promise<FleetNode[]> {
  const list = fleet.workOrders;
  const { t } = ctx;
  const accountId = fleet.account.id;
  if (!list.settled) await list.load();
  const rows = list.rows();
  const retry = { command: 'simFleet.workOrders.refresh' satisfies CommandId, title: t('Retry'), arguments: [{ accountId }] };
  if (list.error !== undefined && rows.length === 0) return [new MessageNode(parent, 'error', errorMessage(list.error, t), retry, `wo:${accountId}`, ctx.mask)];
  if (rows.length === 0) {
    return [
      isWorkOrderFilterActive(list.filter)
        ? new MessageNode(parent, 'empty', t('No work orders match the filter.'), { command: 'simFleet.workOrders.clearFilter' satisfies CommandId, title: t('Clear Filter'), arguments: [{ accountId }] }, `wo:${accountId}`)
        : new MessageNode(parent, 'empty', t('This account has no work orders.'), undefined, `wo:${accountId}`),
    ];
  }
  const nodes: FleetNode[] = rows.map((o) => new WorkOrderNode(parent, fleet, o, ctx));
  const more = new PageMoreNode(parent, list.orders, `orders:${accountId}`, ctx);
  // A page after the first that failed (its retry loads that page again), or the pending orders'
  // read (its retry reads the account's orders again): the orders stay, the error follows them.
  if (list.error !== undefined) nodes.push(new MessageNode(parent, 'error', t('Could not load more: {0}', errorMessage(list.error, t)), list.orders.error !== undefined ? more.command(t('Retry')) : retry, `wo-more:${accountId}`, ctx.mask));
  else if (list.orders.hasMore) nodes.push(more);
  return nodes;
}

export class WorkOrderNode implements FleetNode {
  constructor(
    readonly parent: FleetNode | undefined,
    readonly fleet: AccountFleet,
    readonly order: WorkOrderVo,
    private readonly ctx: TreeContext,
  ) {}

  get accountId(): string {
    return this.fleet.account.id;
  }

  getTreeItem(): vscode.TreeItem {
    const { order } = this;
    const { t, mask } = this.ctx;
    const item = new vscode.TreeItem(plainText(workOrderLabel(order, t)), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `wo:${this.accountId}:${order.id}`;
    item.description = plainText(mask(workOrderDescription(order, t)));
    const outcome = workOrderOutcome(order);
    item.iconPath =
      outcome === 'pending'
        ? new vscode.ThemeIcon('sync~spin')
        : outcome === 'succeeded'
          ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('charts.green'))
          : order.status === 5 || order.status === 7
            ? new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('charts.orange'))
            : new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    const md = new vscode.MarkdownString(workOrderTooltipMarkdown(order, t, mask));
    md.supportHtml = false;
    md.isTrusted = false;
    md.supportThemeIcons = false;
    item.tooltip = md;
    item.contextValue = `simFleet.workOrder ${outcome}`;
    item.accessibilityInformation = { label: plainText(mask(`${workOrderLabel(order, t)}, ${workOrderDescription(order, t)}`)) };
    return item;
  }

  getChildren(): Promise<FleetNode[]> {
    const lines = this.fleet.workOrders.linesOf(this.order.id);
    return pagedChildren(this, lines, (l) => new WorkOrderLineNode(this, this.accountId, l, this.ctx), `lines:${this.accountId}:${this.order.id}`, this.ctx, this.ctx.t('This work order lists no cards.'));
  }
}

/** One card's line of an order; choosing it shows the card in the Cards view. */
export class WorkOrderLineNode implements FleetNode {
  constructor(
    readonly parent: WorkOrderNode,
    readonly accountId: string,
    readonly line: WorkOrderDetailVo,
    private readonly ctx: TreeContext,
  ) {}

  /** The card as a link (what the card commands read): its account and card id, nothing else. */
  get link(): { accountId: string; cardId: string } {
    return { accountId: this.accountId, cardId: this.line.sim_card_id };
  }

  getTreeItem(): vscode.TreeItem {
    const { line } = this;
    const { t, mask } = this.ctx;
    const item = new vscode.TreeItem(plainText(mask(line.cid || line.sim_card_id)), vscode.TreeItemCollapsibleState.None);
    item.id = `wo-line:${this.accountId}:${line.id}:${line.sim_card_id}`;
    item.description = plainText(mask(workOrderLineDescription(line, t)));
    item.iconPath =
      line.status === 1
        ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('charts.green'))
        : line.status === 3
          ? new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'))
          : new vscode.ThemeIcon('sync~spin');
    item.tooltip = plainText(mask(`${line.cid || line.sim_card_id}\n${workOrderLineDescription(line, t)}`));
    item.contextValue = 'simFleet.workOrderLine';
    item.command = { command: 'simFleet.card.reveal' satisfies CommandId, title: t('Reveal in Cards View'), arguments: [this.link] };
    return item;
  }

  async getChildren(): Promise<FleetNode[]> {
    return [];
  }
}
