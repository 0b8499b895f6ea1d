/**
 * The "Work Orders" tree: every work order of each signed-in account, pending ones on top, with
 * their per-card lines. With one account its orders are the view's roots; with several, each
 * account is a root, as in the Cards view. It holds nothing itself: it asks each account's
 * `WorkOrderList` and redraws when a list changes.
 */
import * as vscode from 'vscode';
import type { FleetAccounts } from '../core/accounts';
import type { Disposable } from '../core/events';
import type { Masker } from '../core/mask';
import { showAll } from '../core/mask';
import type { Translate } from '../core/translate';
import type { Fleets } from './fleets';
import type { FleetNode, TreeContext } from './nodes/fleetNode';
import { treeContext } from './nodes/fleetNode';
import { WorkOrderAccountNode, workOrderChildren } from './nodes/workOrderNodes';

export class WorkOrdersTreeProvider implements vscode.TreeDataProvider<FleetNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FleetNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly context: TreeContext;
  private readonly disposables: vscode.Disposable[] = [];
  private listWatches: Disposable[] = [];

  constructor(
    private readonly fleets: Fleets,
    accounts: FleetAccounts,
    t: Translate = vscode.l10n.t,
    mask: () => Masker = () => showAll,
  ) {
    this.context = treeContext(fleets, t, mask);
    this.disposables.push(
      this.changed,
      fleets.onDidChange(() => {
        this.watch();
        this.refresh();
      }),
      accounts.onDidChange(() => this.refresh()),
    );
    this.watch();
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
    if (all.length === 1) return workOrderChildren(all[0], this.context, undefined);
    return all.map((f) => new WorkOrderAccountNode(f, this.context));
  }

  getParent(node: FleetNode): FleetNode | undefined {
    return node.parent;
  }

  dispose(): void {
    for (const d of [...this.listWatches, ...this.disposables]) d.dispose();
  }

  private watch(): void {
    for (const d of this.listWatches) d.dispose();
    this.listWatches = this.fleets.all().map((f) => f.workOrders.onDidChange(() => this.refresh()));
  }
}
