/**
 * "Load more" under a paged list of the Work Orders or Pools view, and the children of such a
 * list: its items, then "Load more" while pages remain, or the error of the page that failed
 * with a Retry (in place of the items when the first page failed).
 */
import * as vscode from 'vscode';
import type { CommandId } from '../../core/commandIds';
import { errorMessage } from '../../core/errorWords';
import type { PagedList } from '../pagedList';
import type { FleetNode, TreeContext } from './fleetNode';
import { MessageNode } from './messageNode';

export class PageMoreNode implements FleetNode {
  constructor(
    readonly parent: FleetNode | undefined,
    private readonly list: PagedList<unknown>,
    private readonly idBase: string,
    private readonly ctx: TreeContext,
  ) {}

  loadMore(): Promise<void> {
    return this.list.loadMore();
  }

  command(title: string): vscode.Command {
    return { command: 'simFleet.list.loadMore' satisfies CommandId, title, arguments: [this] };
  }

  getTreeItem(): vscode.TreeItem {
    const { t } = this.ctx;
    const item = new vscode.TreeItem(t('Load more'), vscode.TreeItemCollapsibleState.None);
    item.id = `more:${this.idBase}`;
    item.description = t('{0} of {1} shown', this.list.items.length.toLocaleString(), (this.list.count ?? 0).toLocaleString());
    item.iconPath = new vscode.ThemeIcon('more');
    item.contextValue = 'simFleet.loadMore';
    item.command = this.command(t('Load more'));
    return item;
  }

  async getChildren(): Promise<FleetNode[]> {
    return [];
  }
}

/**
 * A paged list's nodes, its first page read when it was not: `idBase` names the list in ids,
 * `empty` says what an empty list means.
 */
export async function pagedChildren<T>(
  parent: FleetNode | undefined,
  list: PagedList<T>,
  node: (item: T) => FleetNode,
  idBase: string,
  ctx: TreeContext,
  empty: string,
): Promise<FleetNode[]> {
  const { t } = ctx;
  if (!list.settled) await list.load();
  const more = new PageMoreNode(parent, list, idBase, ctx);
  const nodes = list.items.map(node);
  if (list.error !== undefined) {
    const failed =
      nodes.length === 0
        ? new MessageNode(parent, 'error', errorMessage(list.error, t), more.command(t('Retry')), idBase, ctx.mask)
        : new MessageNode(parent, 'error', t('Could not load more: {0}', errorMessage(list.error, t)), more.command(t('Retry')), idBase, ctx.mask);
    return [...nodes, failed];
  }
  if (nodes.length === 0) return [new MessageNode(parent, 'empty', empty, undefined, idBase)];
  if (list.hasMore) nodes.push(more);
  return nodes;
}
