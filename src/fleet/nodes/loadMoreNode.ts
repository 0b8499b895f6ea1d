/**
 * "Load more" at the end of a status group while pages remain (house style 6), or at the end of a
 * Needs attention list, which shows a page of what its run found at a time.
 */
import * as vscode from 'vscode';
import type { CommandId } from '../../core/commandIds';
import type { Translate } from '../../core/translate';
import type { FleetNode } from './fleetNode';
import type { GroupNode } from './groupNode';

/** A list that shows more of its cards when asked (the "Load more" command's other kind of target). */
export interface PagedNode extends FleetNode {
  /** Names the list in the row's id. */
  readonly key: string;
  readonly accountId: string;
  showMore(): void;
}

export class LoadMoreNode implements FleetNode {
  constructor(
    readonly parent: GroupNode | PagedNode,
    private readonly shown: number,
    private readonly count: number,
    private readonly t: Translate,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const { t } = this;
    const p = this.parent;
    const item = new vscode.TreeItem(t('Load more'), vscode.TreeItemCollapsibleState.None);
    item.id = 'showMore' in p ? `more:${p.accountId}:${p.key}` : `more:${p.accountId}:${p.status}`;
    item.description = t('{0} of {1} shown', this.shown.toLocaleString(), this.count.toLocaleString());
    item.iconPath = new vscode.ThemeIcon('more');
    item.contextValue = 'simFleet.loadMore';
    item.command = { command: 'simFleet.group.loadMore' satisfies CommandId, title: t('Load more'), arguments: [this] };
    return item;
  }

  async getChildren(): Promise<FleetNode[]> {
    return [];
  }
}
