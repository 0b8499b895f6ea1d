/**
 * The one place refreshes come from (house style 9). Everything that wants the fleet read again
 * asks here, never the model directly:
 * - a refresh (the Refresh button, the automatic interval, a work order that moved cards) reads
 *   the counts and every loaded page again in place, so expanded groups and the pages loaded
 *   with "Load more" stay, with fresh data;
 * - a reset (another session, another page size) forgets what is loaded;
 * - setting changes are debounced; the interval runs only while the view is visible and
 *   `simFleet.autoRefreshSeconds` is above 0.
 * After a refresh it announces that any card may have changed, so open panels read theirs again.
 */
import type { Id, SimStatus } from '../gsl/models';
import type { AccountId } from '../core/accounts';
import type { Disposable, Event } from '../core/events';
import type { CardChanges } from './cardChanges';
import type { Fleets } from './fleets';

export interface RefreshManagerOptions {
  fleets: Pick<Fleets, 'all' | 'get'>;
  view: { readonly visible: boolean; readonly onDidChangeVisibility: Event<unknown> };
  autoRefreshSeconds: () => number;
  cardChanges?: CardChanges;
  /** Shows that a refresh is on its way (the view's progress bar), since what is shown stays meanwhile. */
  showProgress?: (work: Promise<void>) => void;
}

export class RefreshManager implements Disposable {
  private timer: ReturnType<typeof setInterval> | undefined;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private pendingReset = false;
  private settle: { promise: Promise<void>; resolve: () => void } | undefined;
  private readonly subscription: Disposable;

  constructor(private readonly options: RefreshManagerOptions) {
    this.subscription = options.view.onDidChangeVisibility(() => this.schedule());
    this.schedule();
  }

  /** Reads every account's fleet again now, keeping what is shown until the answers arrive. */
  refreshNow(): Promise<void> {
    // Custom attribute names too: they label the values in tooltips.
    const done = Promise.all(this.options.fleets.all().flatMap((f) => [f.model.refresh(), f.pins.refresh(), f.attributes.refresh()])).then(() => undefined);
    this.options.showProgress?.(done);
    this.options.cardChanges?.fire({});
    return done;
  }

  /** Cards whose work orders ended: their groups (the one left and the one reached) are read again. */
  cardsChanged(accountId: AccountId, cardIds: readonly Id[], statuses: readonly SimStatus[]): Promise<void> {
    const fleet = this.options.fleets.get(accountId);
    const done = fleet ? Promise.all([fleet.model.refresh([...new Set(statuses)]), fleet.pins.refresh(cardIds)]).then(() => undefined) : Promise.resolve();
    this.options.showProgress?.(done);
    this.options.cardChanges?.fire({ accountId, cardIds: [...cardIds] });
    return done;
  }

  /** What is shown is no longer the fleet asked for (another page size, say): forget it, for one account or all. */
  resetNow(accountId?: AccountId): void {
    for (const f of this.options.fleets.all()) if (accountId === undefined || f.account.id === accountId) f.model.reset();
    this.options.cardChanges?.fire({ accountId });
  }

  /**
   * A refresh something else asked for (a setting change); several within the delay become one.
   * `reset` when what is loaded can no longer be kept (a new page size changes every page).
   */
  requestRefresh(options: { reset?: boolean; delayMs?: number } = {}): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.pendingReset ||= options.reset === true;
    if (!this.settle) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.settle = { promise, resolve };
    }
    this.debounce = setTimeout(() => {
      const settle = this.settle;
      const reset = this.pendingReset;
      this.debounce = undefined;
      this.settle = undefined;
      this.pendingReset = false;
      if (reset) this.resetNow();
      else void this.refreshNow();
      settle?.resolve();
    }, options.delayMs ?? 500);
  }

  /** Resolves when no requested refresh is waiting to run. */
  settled(): Promise<void> {
    return this.settle?.promise ?? Promise.resolve();
  }

  /** Starts or stops polling to match the setting and the view's visibility. */
  schedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const seconds = this.options.autoRefreshSeconds();
    if (seconds > 0 && this.options.view.visible) {
      this.timer = setInterval(() => void this.refreshNow(), seconds * 1000);
    }
  }

  get polling(): boolean {
    return this.timer !== undefined;
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.debounce) clearTimeout(this.debounce);
    this.settle?.resolve();
    this.subscription.dispose();
  }
}
