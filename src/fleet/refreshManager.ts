/**
 * The one place refreshes come from (house style 9): manual refresh runs now; setting changes
 * are debounced; automatic refresh polls only while the view is visible and only when
 * `simFleet.autoRefreshSeconds` is above 0.
 */
import type * as vscode from 'vscode';
import type { FleetModel } from './fleetModel';

export interface RefreshManagerOptions {
  model: FleetModel;
  view: Pick<vscode.TreeView<unknown>, 'visible' | 'onDidChangeVisibility'>;
  autoRefreshSeconds: () => number;
  onRefresh?: () => void;
}

export class RefreshManager implements vscode.Disposable {
  private timer: ReturnType<typeof setInterval> | undefined;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly options: RefreshManagerOptions) {
    this.subscription = options.view.onDidChangeVisibility(() => this.schedule());
    this.schedule();
  }

  /** A refresh the person asked for: forget the loaded fleet and load it again. */
  refreshNow(): void {
    this.options.model.reset();
    this.options.onRefresh?.();
  }

  /** A refresh something else asked for; several within the delay become one. */
  requestRefresh(delayMs = 500): void {
    if (this.debounce) clearTimeout(this.debounce);
    if (!this.settle) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.settle = { promise, resolve };
    }
    this.debounce = setTimeout(() => {
      const settle = this.settle;
      this.debounce = undefined;
      this.settle = undefined;
      this.refreshNow();
      settle?.resolve();
    }, delayMs);
  }

  /** Resolves when no requested refresh is waiting to run. */
  settled(): Promise<void> {
    return this.settle?.promise ?? Promise.resolve();
  }
  private settle: { promise: Promise<void>; resolve: () => void } | undefined;

  /** Starts or stops polling to match the setting and the view's visibility. */
  schedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const seconds = this.options.autoRefreshSeconds();
    if (seconds > 0 && this.options.view.visible) {
      this.timer = setInterval(() => this.refreshNow(), seconds * 1000);
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
