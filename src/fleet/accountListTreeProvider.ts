/**
 * A tree of one list per signed-in account (the Work Orders and Pools views): with one account
 * its list's nodes are the view's roots; with several, each account is a root, as in the Cards
 * view. It holds nothing itself: it asks each account's list and redraws when one changes.
 */
import * as vscode from 'vscode';
import type { FleetAccounts } from '../core/accounts';
import type { Disposable, Event } from '../core/events';
import type { Masker } from '../core/mask';
import type { Translate } from '../core/translate';
import type { AccountFleet, Fleets } from './fleets';
import type { FleetNode, TreeContext } from './nodes/fleetNode';
import { treeContext } from './nodes/fleetNode';

export interface AccountListShape {
  /** What the account's list fires when it changes. */
  changes(fleet: AccountFleet): Event<void>;
  /** The account's nodes: the view's roots (one account), or under its root node. */
  children(fleet: AccountFleet, ctx: TreeContext, parent: FleetNode | undefined): Promise<FleetNode[]>;
  /** The account's root node while several accounts are signed in. */
  accountNode(fleet: AccountFleet, ctx: TreeContext): FleetNode;
}

export class AccountListTreeProvider implements vscode.TreeDataProvider<FleetNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FleetNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly context: TreeContext;
  private readonly disposables: vscode.Disposable[] = [];
  private listWatches: Disposable[] = [];

  constructor(
    private readonly fleets: Fleets,
    accounts: FleetAccounts,
    private readonly shape: AccountListShape,
    t: Translate,
    mask: () => Masker,
  ) {
    this.context = treeContext(fleets, t, mask);
    this.disposables.push(this.changed, fleets.onDidChange(() => this.rewatch()), accounts.onDidChange(() => this.refresh()));
    this.rewatch();
  }

  /** Redraws the whole view (what a list change, a mask change or a sign-in needs). */
  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: FleetNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  async getChildren(node?: FleetNode): Promise<FleetNode[]> {
    if (node) return node.getChildren();
    const all = this.fleets.all();
    if (all.length === 0) return [];
    if (all.length === 1) return this.shape.children(all[0], this.context, undefined);
    return all.map((f) => this.shape.accountNode(f, this.context));
  }

  getParent(node: FleetNode): FleetNode | undefined {
    return node.parent;
  }

  dispose(): void {
    for (const d of [...this.listWatches, ...this.disposables]) d.dispose();
  }

  /** Watches every account's list, and redraws. */
  private rewatch(): void {
    for (const d of this.listWatches) d.dispose();
    this.listWatches = this.fleets.all().map((f) => this.shape.changes(f)(() => this.refresh()));
    this.refresh();
  }
}
