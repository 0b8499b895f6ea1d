/**
 * Presents the fleet model as the "Cards" tree. Holds no fleet data of its own: it asks the model,
 * and refreshes when the model, the session or a work order changes.
 */
import * as vscode from 'vscode';
import type { SimDeviceVO, SimStatus } from '../gsl/models';
import { SIM_STATUSES } from '../gsl/models';
import type { CommandId } from '../core/commandIds';
import { errorMessage } from '../core/errorWords';
import type { SessionState } from '../core/session';
import type { Translate } from '../core/translate';
import type { FleetModel } from './fleetModel';
import { isFilterActive } from './filter';
import { CardNode } from './nodes/cardNode';
import type { FleetNode, TreeContext } from './nodes/fleetNode';
import { GroupNode } from './nodes/groupNode';
import { MessageNode } from './nodes/messageNode';
import type { FleetWorkOrderTracker } from './workOrderTracker';

export class FleetTreeProvider implements vscode.TreeDataProvider<FleetNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FleetNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly groups: Map<SimStatus, GroupNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly context: TreeContext;

  constructor(
    private readonly model: FleetModel,
    private readonly session: SessionState,
    private readonly tracker: FleetWorkOrderTracker,
    /** `vscode.l10n.t` in the extension; tests pass another language's. */
    t: Translate = vscode.l10n.t,
  ) {
    this.context = { model, tracker, t };
    this.groups = new Map(SIM_STATUSES.map((s) => [s, new GroupNode(s, this.context)]));
    this.disposables.push(
      this.changed,
      // A change within one group refreshes only that group, so a reveal or expansion in
      // progress elsewhere is not cut short by a whole-tree refresh.
      model.onDidChange((e) => this.refresh(e.status)),
      session.onDidChange(() => this.refresh()),
      tracker.onDidChange((order) => this.refresh(model.loadedCard(order.cardId)?.sim_status)),
    );
  }

  /** Re-reads one status group, or the whole tree (which keeps card ids unique when a card moves between groups). */
  refresh(status?: SimStatus): void {
    this.changed.fire(status === undefined ? undefined : this.groups.get(status));
  }

  getTreeItem(node: FleetNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  async getChildren(node?: FleetNode): Promise<FleetNode[]> {
    if (node) return node.getChildren();
    const { t } = this.context;
    const kind = this.session.kind;
    // Signed out or connecting: no nodes, so the view shows its welcome content.
    if (kind === 'signedOut' || kind === 'connecting') return [];
    if (!this.model.countsLoaded && this.model.countsError === undefined) await this.model.loadCounts();
    const failed = this.model.countsError;
    const retry = { command: 'simFleet.fleet.refresh' satisfies CommandId, title: t('Retry') };
    if (failed !== undefined && !this.model.countsLoaded) return [new MessageNode(undefined, 'error', errorMessage(failed, t), retry)];
    // A refresh that failed keeps the fleet on screen and says so above it.
    const notice = failed !== undefined ? [new MessageNode(undefined, 'error', t('Could not refresh: {0}', errorMessage(failed, t)), retry)] : [];
    if (this.model.total() === 0) {
      return [
        isFilterActive(this.model.filter)
          ? new MessageNode(undefined, 'empty', t('No cards match the filter.'), { command: 'simFleet.fleet.clearFilter' satisfies CommandId, title: t('Clear Filter') })
          : new MessageNode(undefined, 'empty', t('This fleet has no cards.')),
      ];
    }
    return [...notice, ...SIM_STATUSES.map((s) => this.groups.get(s) as GroupNode)];
  }

  getParent(node: FleetNode): FleetNode | undefined {
    return node.parent;
  }

  async resolveTreeItem(item: vscode.TreeItem, node: FleetNode): Promise<vscode.TreeItem> {
    if (node instanceof CardNode) item.tooltip = node.tooltip();
    return item;
  }

  groupNode(status: SimStatus): GroupNode {
    return this.groups.get(status) as GroupNode;
  }

  /** A node for a card (for `reveal`): parented by its status group. */
  cardNode(card: SimDeviceVO): CardNode | undefined {
    if (card.sim_status === undefined) return undefined;
    return new CardNode(this.groupNode(card.sim_status), card, this.tracker.pendingAction(card.sim_card_id), this.context.t);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
