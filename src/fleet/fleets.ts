/**
 * One fleet per signed-in account: its model (counts, pages, filter, sort) and the work orders this
 * window follows for it. Created when an account signs in and dropped when it signs out, so the
 * accounts never share a cached card or a pending order. Plain Node (no `vscode`).
 */
import type { AccountId, FleetAccount, FleetAccounts } from '../core/accounts';
import { Emitter } from '../core/events';
import type { Disposable } from '../core/events';
import type { KeyValueStore } from '../core/storage';
import type { TrackedWorkOrder } from '../core/workOrders';
import { AccountAttributes } from './accountAttributes';
import { FleetModel } from './fleetModel';
import { PinnedCards } from './pins';
import { SavedViews } from './savedViews';
import { CardHistoryIndex } from '../core/cardHistory';
import { PoolList } from './poolList';
import { ThreeNetworkLookup } from './threeNetworkLookup';
import { WorkOrderList } from './workOrderList';
import { FleetWorkOrderTracker } from './workOrderTracker';

export interface AccountFleet {
  readonly account: FleetAccount;
  readonly model: FleetModel;
  readonly tracker: FleetWorkOrderTracker;
  /** Cards pinned on this account (kept across restarts). */
  readonly pins: PinnedCards;
  /** Filters and sorts saved under a name on this account. */
  readonly views: SavedViews;
  /** The account's custom attribute definitions, kept for labels. */
  readonly attributes: AccountAttributes;
  /** The account's work orders, whoever started them (the Work Orders view). */
  readonly workOrders: WorkOrderList;
  /** Cards' whole histories from the API, with the lines of ended orders kept (the detail panel's history). */
  readonly history: CardHistoryIndex;
  /** The account's flow and back pools (the Pools view). */
  readonly pools: PoolList;
  /** Which cards are three-network cards and their online carrier, asked per card on hover. */
  readonly threeNetwork: ThreeNetworkLookup;
}

export interface WorkOrderEvent {
  accountId: AccountId;
  order: TrackedWorkOrder;
}

export class Fleets implements Disposable {
  private readonly fleets = new Map<AccountId, AccountFleet & { forwarding: Disposable }>();
  private readonly changed = new Emitter<void>();
  /** Fires after accounts were added or removed (not on changes within a fleet). */
  readonly onDidChange = this.changed.event;
  private readonly workOrderChanged = new Emitter<WorkOrderEvent>();
  /** Any account's work order started, moved on or ended. */
  readonly onDidChangeWorkOrder = this.workOrderChanged.event;
  private readonly pinsChanged = new Emitter<AccountId>();
  /** Any account's pinned cards changed (pinned, unpinned, read again). */
  readonly onDidChangePins = this.pinsChanged.event;
  private readonly subscription: Disposable;

  constructor(
    private readonly accounts: FleetAccounts,
    private readonly pageSize: () => number,
    /** Where pins and saved views are kept per account (VS Code's global state). */
    private readonly store: KeyValueStore,
  ) {
    this.subscription = accounts.onDidChange(() => this.sync());
    this.sync();
  }

  all(): readonly AccountFleet[] {
    const out: AccountFleet[] = [];
    for (const a of this.accounts.all()) {
      const f = this.fleets.get(a.id);
      if (f) out.push(f);
    }
    return out;
  }

  get(id: AccountId): AccountFleet | undefined {
    return this.fleets.get(id);
  }

  /** The fleet when exactly one account is signed in (what single-account surfaces act on). */
  only(): AccountFleet | undefined {
    const all = this.all();
    return all.length === 1 ? all[0] : undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    for (const f of this.fleets.values()) this.drop(f);
    this.fleets.clear();
    this.changed.dispose();
    this.workOrderChanged.dispose();
    this.pinsChanged.dispose();
  }

  private sync(): void {
    const live = new Map(this.accounts.all().map((a) => [a.id, a]));
    let changed = false;
    for (const [id, f] of this.fleets) {
      // The same id with another session object is a new sign-in to that account: start afresh.
      if (live.get(id) !== f.account) {
        this.drop(f);
        this.fleets.delete(id);
        changed = true;
      }
    }
    for (const [id, account] of live) {
      if (this.fleets.has(id)) continue;
      const client = () => (this.accounts.get(id) === account ? account.currentClient() : undefined);
      const tracker = new FleetWorkOrderTracker({ client });
      const forwarding = tracker.onDidChange((order) => this.workOrderChanged.fire({ accountId: id, order }));
      const pins = new PinnedCards(this.store, id, client);
      const pinForwarding = pins.onDidChange(() => this.pinsChanged.fire(id));
      this.fleets.set(id, {
        account,
        model: new FleetModel({ client, pageSize: this.pageSize }),
        tracker,
        pins,
        views: new SavedViews(this.store, id),
        attributes: new AccountAttributes(client),
        workOrders: new WorkOrderList(client, this.pageSize),
        history: new CardHistoryIndex(client),
        pools: new PoolList(client, this.pageSize),
        threeNetwork: new ThreeNetworkLookup(client),
        forwarding: { dispose: () => (forwarding.dispose(), pinForwarding.dispose()) },
      });
      void pins.refresh();
      changed = true;
    }
    if (changed) this.changed.fire();
  }

  private drop(f: AccountFleet & { forwarding: Disposable }): void {
    f.forwarding.dispose();
    f.tracker.dispose();
    f.model.dispose();
    f.pins.dispose();
    f.views.dispose();
    f.attributes.dispose();
    f.workOrders.dispose();
    f.history.forget();
    f.pools.dispose();
  }
}
