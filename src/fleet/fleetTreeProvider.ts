/**
 * Presents the signed-in accounts' fleets as the "Cards" tree. With one account its status groups
 * are the view's roots; with several, each account is a root holding its own groups. Holds no
 * fleet data of its own: it asks each account's model, and refreshes when a model, the accounts or
 * a work order change.
 */
import * as vscode from 'vscode';
import type { SimDeviceVO, SimStatus } from '../gsl/models';
import { SIM_STATUSES } from '../gsl/models';
import type { AccountId, FleetAccounts } from '../core/accounts';
import type { Disposable } from '../core/events';
import { Throttle } from '../core/throttle';
import type { Masker } from '../core/mask';
import { showAll } from '../core/mask';
import type { Translate } from '../core/translate';
import { attributeNames } from '../core/customAttributes';
import type { AccountFleet, Fleets } from './fleets';
import { AccountNode } from './nodes/accountNode';
import { accountChildren } from './nodes/accountChildren';
import { PinnedNode } from './nodes/pinnedNode';
import { CardNode } from './nodes/cardNode';
import type { FleetNode, TreeContext } from './nodes/fleetNode';
import { treeContext } from './nodes/fleetNode';
import { GroupNode } from './nodes/groupNode';
import { AttentionGroupNode } from './nodes/attentionGroupNode';
import { AttentionStatusNode } from './nodes/attentionStatusNode';
import type { FleetAttention } from './attention';
import { cardAttention } from '../core/attentionWords';

interface AccountNodes {
  fleet: AccountFleet;
  root: AccountNode;
  groups: Map<SimStatus, GroupNode>;
  pinned: PinnedNode;
  attention?: AttentionGroupNode;
  attentionGroups?: Map<SimStatus, AttentionStatusNode>;
  /** Shows a run's figures on the Needs attention row, now and then. */
  progress?: Throttle;
  subscriptions: Disposable[];
}

/**
 * How often a run's figures are shown at most. Refreshing the group makes VS Code read its
 * expanded lists again too (no refresh is for a row alone), so not every 250 ms of a run.
 */
const PROGRESS_REFRESH_MS = 2000;

export class FleetTreeProvider implements vscode.TreeDataProvider<FleetNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FleetNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly nodes = new Map<AccountId, AccountNodes>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly context: TreeContext;
  private attentionOnlyValue = false;

  constructor(
    private readonly fleets: Fleets,
    private readonly accounts: FleetAccounts,
    /** `vscode.l10n.t` in the extension; tests pass another language's. */
    t: Translate = vscode.l10n.t,
    /** *Hide identifiers*, as it is now (the extension refreshes the tree when it changes). */
    mask: () => Masker = () => showAll,
    /** Needs attention per account, when the extension runs it. */
    private readonly attention?: FleetAttention,
  ) {
    this.context = treeContext(fleets, t, mask, {
      attentionOf: (accountId, cardId) => {
        const a = attention?.get(accountId);
        return a ? cardAttention(a.card(cardId)?.reasons, a.dismissal(cardId), t) : undefined;
      },
      refreshNode: (node) => this.changed.fire(node),
      threeNetworkOf: (accountId, cardId) => this.fleets.get(accountId)?.threeNetwork.peek(cardId),
    });
    this.disposables.push(
      this.changed,
      fleets.onDidChange(() => {
        this.sync();
        this.refresh();
      }),
      accounts.onDidChange(() => this.refresh()),
    );
    if (attention) {
      this.disposables.push(
        attention.onDidChange((e) => {
          if (this.attentionStale(e.accountId)) this.sync();
          const nodes = this.nodes.get(e.accountId);
          // A run's figures change only the group's row; anything else may change every list and card.
          if (e.kind === 'progress' && nodes?.progress) return nodes.progress.call();
          nodes?.progress?.superseded();
          this.refresh(e.accountId);
        }),
      );
    }
    this.sync();
  }

  /** "Needs attention only": each account's status groups hold only the cards needing attention. */
  get attentionOnly(): boolean {
    return this.attentionOnlyValue;
  }

  set attentionOnly(on: boolean) {
    if (on === this.attentionOnlyValue) return;
    this.attentionOnlyValue = on;
    this.refresh();
  }

  /** An account's Needs attention group; the only account's when none is named. */
  attentionNode(accountId: AccountId | undefined = this.fleets.only()?.account.id): AttentionGroupNode | undefined {
    return accountId === undefined ? undefined : this.nodes.get(accountId)?.attention;
  }

  /** Re-reads one account's status group, one account, or the whole tree (which keeps card ids unique when a card moves). */
  refresh(accountId?: AccountId, status?: SimStatus): void {
    const nodes = accountId === undefined ? undefined : this.nodes.get(accountId);
    if (!nodes) return this.changed.fire(undefined);
    if (status !== undefined) return this.changed.fire(nodes.groups.get(status));
    // An account's own change (counts, filter): its root, or the whole view when it is the only one.
    this.changed.fire(this.context.multiAccount ? nodes.root : undefined);
  }

  getTreeItem(node: FleetNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  async getChildren(node?: FleetNode): Promise<FleetNode[]> {
    if (node) return node.getChildren();
    const all = this.fleets.all();
    // Signed out or connecting with nothing to show: no nodes, so the view shows its welcome content.
    if (all.length === 0) return [];
    if (all.length === 1) {
      const only = this.nodes.get(all[0].account.id);
      return only ? accountChildren(only.fleet, this.context, undefined, { ...only, attentionOnly: () => this.attentionOnlyValue }) : [];
    }
    return all.map((f) => this.nodes.get(f.account.id)?.root).filter((n): n is AccountNode => n !== undefined);
  }

  getParent(node: FleetNode): FleetNode | undefined {
    return node.parent;
  }

  async resolveTreeItem(item: vscode.TreeItem, node: FleetNode): Promise<vscode.TreeItem> {
    if (node instanceof CardNode) {
      // Custom attribute values show under their attributes' names, read once per account; a
      // three-network card's online carrier is asked once per card.
      const fleet = this.fleets.get(node.accountId);
      const knownBefore = fleet?.threeNetwork.peek(node.card.sim_card_id);
      const [definitions, threeNetwork] = await Promise.all([fleet?.attributes.get(), fleet?.threeNetwork.of(node.card.sim_card_id)]);
      item.tooltip = node.tooltip(definitions ? attributeNames(definitions, this.context.t) : undefined, threeNetwork);
      // Found to be a three-network card just now: its menus gain Switch Network.
      if (threeNetwork && !knownBefore) this.changed.fire(node);
    }
    return item;
  }

  /** An account's root node (shown only while several accounts are signed in). */
  accountNode(accountId: AccountId): AccountNode | undefined {
    return this.nodes.get(accountId)?.root;
  }

  /** A status group of an account; the only account's when none is named. */
  groupNode(status: SimStatus, accountId: AccountId | undefined = this.fleets.only()?.account.id): GroupNode {
    const group = accountId === undefined ? undefined : this.nodes.get(accountId)?.groups.get(status);
    if (!group) throw new Error(`No status group ${status} for account ${accountId ?? '(none)'}`);
    return group;
  }

  /** A node for a card (for `reveal`): parented by its status group in its account. */
  cardNode(card: SimDeviceVO, accountId: AccountId | undefined = this.fleets.only()?.account.id): CardNode | undefined {
    const nodes = accountId === undefined ? undefined : this.nodes.get(accountId);
    if (!nodes || card.sim_status === undefined) return undefined;
    const { fleet } = nodes;
    return new CardNode(this.groupNode(card.sim_status, fleet.account.id), card, fleet.account.id, fleet.tracker.pendingAction(card.sim_card_id), this.context, fleet.pins.has(card.sim_card_id));
  }

  dispose(): void {
    for (const n of this.nodes.values()) for (const d of n.subscriptions) d.dispose();
    this.nodes.clear();
    for (const d of this.disposables) d.dispose();
  }

  /** The account's nodes were made before (or without) its Needs attention. */
  private attentionStale(accountId: AccountId): boolean {
    const n = this.nodes.get(accountId);
    return n !== undefined && n.attention?.attention !== this.attention?.get(accountId);
  }

  /**
   * A card's work order started or ended: wherever the card is listed, its row shows the spinner
   * and offers only what applies meanwhile. Not loaded in its group, it may be listed anywhere.
   */
  private workOrderChanged(accountId: AccountId, cardId: string): void {
    const nodes = this.nodes.get(accountId);
    const status = nodes?.fleet.model.loadedCard(cardId)?.sim_status;
    if (!nodes || status === undefined) return this.refresh(accountId);
    this.refresh(accountId, status);
    for (const list of this.attentionListsOf(nodes, cardId)) this.changed.fire(list);
  }

  /** The Needs attention lists showing a card: its reasons' rows or Dismissed, and its status group while "only" is on. */
  private attentionListsOf(nodes: AccountNodes, cardId: string): FleetNode[] {
    const group = nodes.attention;
    if (!group) return [];
    const lists = group.listsOf(cardId);
    const flagged = group.attention.card(cardId);
    const statusGroup = flagged ? nodes.attentionGroups?.get(flagged.sim_status as SimStatus) : undefined;
    if (this.attentionOnlyValue && statusGroup && !group.attention.dismissal(cardId)) lists.push(statusGroup);
    return lists;
  }

  /** Nodes for every account's fleet, made once per fleet so refresh events can name them. */
  private sync(): void {
    const live = new Set(this.fleets.all().map((f) => f.account.id));
    for (const [id, n] of this.nodes) {
      if (!live.has(id) || this.fleets.get(id) !== n.fleet || this.attentionStale(id)) {
        for (const d of n.subscriptions) d.dispose();
        this.nodes.delete(id);
      }
    }
    for (const fleet of this.fleets.all()) {
      const id = fleet.account.id;
      if (this.nodes.has(id)) continue;
      const groups = new Map<SimStatus, GroupNode>();
      const parent = (): AccountNode | undefined => (this.context.multiAccount ? root : undefined);
      const pinned = new PinnedNode(fleet, this.context, parent);
      const accountAttention = this.attention?.get(id);
      const attention = accountAttention ? new AttentionGroupNode(fleet, accountAttention, this.context, parent) : undefined;
      const attentionGroups = accountAttention ? new Map(SIM_STATUSES.map((s) => [s, new AttentionStatusNode(s, fleet, accountAttention, this.context, parent)])) : undefined;
      const progress = attention ? new Throttle(() => this.changed.fire(attention), PROGRESS_REFRESH_MS) : undefined;
      const root: AccountNode = new AccountNode(fleet, this.context, { groups, pinned, attention, attentionGroups, attentionOnly: () => this.attentionOnlyValue });
      for (const s of SIM_STATUSES) groups.set(s, new GroupNode(s, fleet, this.context, parent));
      const subscriptions = [
        // Pinning or unpinning changes the account's first row; a pin's fresh data changes its group.
        fleet.pins.onDidChange(() => this.refresh(id)),
        // A change within one group refreshes only that group, so a reveal or expansion in
        // progress elsewhere is not cut short by a whole-tree refresh.
        fleet.model.onDidChange((e) => this.refresh(id, e.status)),
        fleet.tracker.onDidChange((order) => this.workOrderChanged(id, order.cardId)),
        ...(progress ? [progress] : []),
      ];
      this.nodes.set(id, { fleet, root, groups, pinned, attention, attentionGroups, progress, subscriptions });
    }
  }
}
