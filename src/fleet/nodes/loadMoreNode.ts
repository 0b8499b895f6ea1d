/** "Load more" at the end of a status group while pages remain (house style 6). */
import * as vscode from 'vscode';
import type { CommandId } from '../../core/commandIds';
import type { Translate } from '../../core/translate';
import type { FleetNode } from './fleetNode';
import type { GroupNode } from './groupNode';

export class LoadMoreNode implements FleetNode {
  constructor(
    readonly parent: GroupNode,
    private readonly shown: number,
    private readonly count: number,
    private readonly t: Translate,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const { t } = this;
    const item = new vscode.TreeItem(t('Load more'), vscode.TreeItemCollapsibleState.None);
    item.id = `more:${this.parent.accountId}:${this.parent.status}`;
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
