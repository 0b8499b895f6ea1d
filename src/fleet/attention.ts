/**
 * Needs attention for every signed-in account. Per account it runs the engine
 * (core/attention/engine.ts) in the background: when the account's fleet appears, again
 * (debounced) when a refresh or a finished work order says its cards changed, and once a day
 * while VS Code runs. It keeps the result for the tree, the panels, the hover and the tools,
 * takes the daily snapshot (at most one a day; more only when asked), and hands the days before
 * back to the engine as its history, which spares it most of its usage requests.
 *
 * What the person dismissed leaves every list and count here (core/dismissals.ts decides
 * whether a dismissal holds). Cards are listed from the result's compact snapshot; the full
 * records the tree's menus need are read (ShowSimCard, a few at a time) only for the cards a
 * node shows. Plain Node (no `vscode`).
 */
import type { GslApi } from '../gsl/api';
import type { SimDeviceVO, SimStatus } from '../gsl/models';
import type { AccountId, CardsChangedEvent } from '../core/accounts';
import type { AttentionCard, AttentionProgress, AttentionResult, PoolAtRisk } from '../core/attention/engine';
import { runAttention } from '../core/attention/engine';
import { DAY_MS, dayStart } from '../core/attention/days';
import type { UsageHistory } from '../core/attention/history';
import type { SnapshotCard } from '../core/attention/snapshot';
import { buildUsageHistory } from '../core/attention/history';
import type { AttentionReason, AttentionSettings, CardReason } from '../core/attention/settings';
import type { DismissChoice, Dismissal } from '../core/dismissals';
import { makeDismissal } from '../core/dismissals';
import type { Disposable } from '../core/events';
import { Emitter } from '../core/events';
import type { Logger } from '../core/logger';
import type { KeyValueStore } from '../core/storage';
import { AttentionDismissals } from './attentionDismissals';
import type { FleetHistory, SnapshotEntry } from './fleetHistory';
import type { AccountFleet, Fleets } from './fleets';

export interface AttentionConfig {
  enabled: boolean;
  settings: AttentionSettings;
  history: { enabled: boolean; days: number };
}

export type AttentionState =
  | { kind: 'off' }
  | { kind: 'waiting' }
  | { kind: 'running'; progress?: AttentionProgress }
  | { kind: 'done' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'cancelled' };

export interface AttentionRun {
  result: AttentionResult;
  /** The snapshot kept from this run, if one was. */
  saved?: SnapshotEntry;
}

export interface AttentionChange {
  accountId: AccountId;
  /** `progress`: only the run's figures moved; anything else may change what is listed. */
  kind: 'state' | 'progress' | 'result' | 'dismissals' | 'records';
}

export interface FleetAttentionOptions {
  fleets: Pick<Fleets, 'all' | 'get' | 'onDidChange'>;
  history: FleetHistory;
  /** Where dismissals are kept per account (VS Code's global state in the extension). */
  store: KeyValueStore;
  config: () => AttentionConfig;
  log: Logger;
  now?: () => number;
  /** Shows that a run is on its way (the window's progress), since the tree stays usable meanwhile. */
  showProgress?: (accountId: AccountId, work: Promise<unknown>) => void;
  /** How often to look whether today's snapshot is taken and which dismissals still hold; default hourly. */
  dailyCheckMs?: number;
  /** Delay of a requested (not immediate) run; default 2 s, so a burst of changes makes one run. */
  debounceMs?: number;
  /**
   * A refresh of the whole view (manual, or the auto-refresh timer) runs again only when the last
   * run finished at least this long ago; default 10 minutes. A run reads the whole fleet, and an
   * auto-refresh every minute must not mean a whole-fleet scan every minute. The group's own
   * Refresh button runs at once.
   */
  rerunAfterRefreshMs?: number;
}

/** Full records read at once for the tree. */
const RECORD_READS = 4;
/** Progress is passed on at most this often. */
const PROGRESS_MS = 250;

/** A card of a result (or a dismissal) as a card record: what is known without reading it. */
export function partialCard(
  c: Pick<AttentionCard, 'sim_card_id' | 'label' | 'flow_used' | 'flow_left' | 'price_plan_name' | 'expire_time' | 'tag_names'> & { sim_status?: number },
  operatorStatus?: number | null,
): SimDeviceVO {
  // A snapshot keeps one label: the ICCID of a physical card, else the container id.
  const iccid = /^89\d{17}[0-9F]?$/i.test(c.label);
  return {
    sim_card_id: c.sim_card_id,
    ...(iccid ? { iccid: c.label } : { cid: c.label }),
    sim_status: c.sim_status as SimStatus | undefined,
    flow_used: c.flow_used,
    flow_left: c.flow_left,
    price_plan_name: c.price_plan_name,
    expire_time: c.expire_time === null ? null : new Date(c.expire_time).toISOString(),
    tag_names: c.tag_names,
    operator_status: operatorStatus ?? null,
  };
}

export class AccountAttention implements Disposable {
  private stateValue: AttentionState = { kind: 'waiting' };
  private resultValue: AttentionResult | undefined;
  private flagged: AttentionCard[] = [];
  private dismissedNow = new Map<string, Dismissal>();
  private controller: AbortController | undefined;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private lastProgress = 0;
  private saving: Promise<unknown> = Promise.resolve();
  private readonly records = new Map<string, SimDeviceVO>();
  private readonly unreadable = new Set<string>();
  private readonly recordQueue: string[] = [];
  private readonly queued = new Set<string>();
  private recordReads = 0;
  /** Moves on at every forget: a read started before one may hold the card as it was, and is read again. */
  private recordGeneration = 0;
  /** When the last run ended, done or not: the rule for refreshes of the whole view counts from it. */
  private lastEnded: number | undefined;
  /** Cards were named as changed while a run was on its way (it may have read them already). */
  private changedWhileRunning = false;
  private disposed = false;
  readonly dismissals: AttentionDismissals;

  constructor(
    readonly fleet: AccountFleet,
    private readonly options: FleetAttentionOptions,
    private readonly fire: (kind: AttentionChange['kind']) => void,
  ) {
    this.dismissals = new AttentionDismissals(options.store, fleet.account.id);
    this.refreshDismissed();
  }

  get accountId(): AccountId {
    return this.fleet.account.id;
  }

  get state(): AttentionState {
    return this.stateValue;
  }

  /** The latest finished run's result (kept while a new run is on its way, or after one failed). */
  get result(): AttentionResult | undefined {
    return this.resultValue;
  }

  get running(): boolean {
    return this.stateValue.kind === 'running';
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  // ---- what needs attention, without what the person dismissed ----

  /** Cards per reason, and pools at risk; dismissed cards are not counted. */
  counts(): Record<AttentionReason, number> {
    const counts: Record<AttentionReason, number> = { willRunOut: 0, overPlan: 0, expiresSoon: 0, silent: 0, spike: 0, suspended: 0, poolAtRisk: this.resultValue?.pools.length ?? 0 };
    for (const c of this.cards()) for (const r of c.reasons) counts[r.reason]++;
    return counts;
  }

  /** Cards needing attention (for `reason`, or any), in fleet order, without the dismissed ones. */
  cards(reason?: CardReason): AttentionCard[] {
    return this.flagged.filter((c) => !this.dismissedNow.has(c.sim_card_id) && (reason === undefined || c.reasons.some((r) => r.reason === reason)));
  }

  /** Cards needing attention in one status group. */
  cardsInStatus(status: SimStatus): AttentionCard[] {
    return this.cards().filter((c) => c.sim_status === status);
  }

  pools(): readonly PoolAtRisk[] {
    return this.resultValue?.pools ?? [];
  }

  /** A card's reasons (dismissed or not), or undefined when it needs no attention or no result exists. */
  card(cardId: string): AttentionCard | undefined {
    return this.resultValue?.card(cardId);
  }

  /** A card as the latest run read it, whether or not it needs attention (a pool's drivers). */
  snapshotCard(cardId: string): SnapshotCard | undefined {
    const r = this.resultValue;
    const row = r ? r.snapshot.findRow(cardId) : -1;
    return r && row >= 0 ? r.snapshot.card(row) : undefined;
  }

  /** The dismissal hiding a card now, if any. */
  dismissal(cardId: string): Dismissal | undefined {
    return this.dismissedNow.get(cardId);
  }

  /** The dismissed cards, each with its reasons when the latest result still has some. */
  dismissed(): Array<{ dismissal: Dismissal; card?: AttentionCard }> {
    return [...this.dismissedNow.values()].map((dismissal) => ({ dismissal, card: this.card(dismissal.cardId) }));
  }

  private reasonsOf = (cardId: string): number | undefined => {
    const r = this.resultValue;
    if (!r) return undefined;
    const row = r.snapshot.findRow(cardId);
    return row < 0 ? 0 : r.snapshot.columns.reasons[row];
  };

  private refreshDismissed(): void {
    this.dismissedNow = this.dismissals.active(this.now(), this.reasonsOf);
  }

  /**
   * A timed dismissal runs out while nothing else happens (no run, dismiss or restore): the
   * dismissals in force are looked at again, and a change is told only when some ended.
   */
  recheckDismissals(): void {
    const before = this.dismissedNow;
    this.refreshDismissed();
    const after = this.dismissedNow;
    if (after.size !== before.size || [...after.keys()].some((id) => !before.has(id))) this.fire('dismissals');
  }

  async dismiss(cards: ReadonlyArray<{ cardId: string; label: string }>, choice: DismissChoice, note: string): Promise<Dismissal[]> {
    const now = this.now();
    const made = cards.map((c) => makeDismissal({ ...c, reasons: this.reasonsOf(c.cardId) ?? 0 }, choice, note, now));
    await this.dismissals.dismiss(made);
    this.refreshDismissed();
    this.fire('dismissals');
    return made;
  }

  async restore(cardIds: readonly string[]): Promise<Dismissal[]> {
    const ended = await this.dismissals.restore(cardIds);
    this.refreshDismissed();
    this.fire('dismissals');
    return ended;
  }

  // ---- full records for the tree ----

  /** The card's full record when one was read (or is loaded in its group). */
  record(cardId: string): SimDeviceVO | undefined {
    return this.records.get(cardId) ?? this.fleet.model.loadedCard(cardId);
  }

  /** Reads the full records of these cards in the background, a few at a time; fires `records` when they are in. */
  wantRecords(cardIds: readonly string[]): void {
    for (const id of cardIds) {
      if (this.queued.has(id) || this.unreadable.has(id) || this.record(id)) continue;
      this.queued.add(id);
      this.recordQueue.push(id);
    }
    this.pumpRecords();
  }

  /** Cards known to have changed: their records are read again when next shown. */
  forgetRecords(cardIds?: readonly string[]): void {
    this.recordGeneration++;
    if (!cardIds) {
      this.records.clear();
      this.unreadable.clear();
    } else {
      for (const id of cardIds) {
        this.records.delete(id);
        this.unreadable.delete(id);
      }
    }
  }

  private pumpRecords(): void {
    const client = this.fleet.account.currentClient();
    while (client && !this.disposed && this.recordReads < RECORD_READS && this.recordQueue.length > 0) {
      const id = this.recordQueue.shift()!;
      const generation = this.recordGeneration;
      const current = (): boolean => generation === this.recordGeneration;
      this.recordReads++;
      client
        .showSimCard({ sim_card_id: id })
        .then(
          (card) => {
            if (current()) this.records.set(id, card);
          },
          // The card may be gone from the account since the run: it stays listed as the run saw it.
          () => {
            if (current()) this.unreadable.add(id);
          },
        )
        .finally(() => {
          this.recordReads--;
          // Forgotten while on its way: the answer may be from before the change, and the id was
          // still queued when the tree asked again, so it is read again (it stays queued).
          if (current()) this.queued.delete(id);
          else this.recordQueue.push(id);
          if (this.recordReads === 0 && this.recordQueue.length === 0 && !this.disposed) this.fire('records');
          this.pumpRecords();
        });
    }
  }

  // ---- runs ----

  /** A run after a short delay; several requests within it make one run. */
  requestRun(delayMs = this.options.debounceMs ?? 2000): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      void this.run();
    }, delayMs);
  }

  /**
   * Runs the engine now (a run on its way is replaced: what it would find is older). `snapshot`:
   * `daily` keeps the run's snapshot when none was taken today; `always` keeps it regardless.
   * Resolves with the run, or undefined when it did not finish (turned off, signed out, replaced,
   * cancelled, failed: the state says which).
   */
  run(options: { snapshot?: 'daily' | 'always' } = {}): Promise<AttentionRun | undefined> {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = undefined;
    const previous = this.controller;
    this.controller = undefined;
    previous?.abort(new Error('Replaced by a newer run'));
    const config = this.options.config();
    if (!config.enabled) {
      this.turnOff();
      return Promise.resolve(undefined);
    }
    const client = this.fleet.account.currentClient();
    if (!client || this.disposed) return Promise.resolve(undefined);
    const controller = new AbortController();
    this.controller = controller;
    // This run reads the cards after any change named so far.
    this.changedWhileRunning = false;
    this.setState({ kind: 'running' });
    const work = this.execute(client, config, controller.signal, options.snapshot ?? 'daily').then(
      (run) => {
        if (this.controller !== controller) return undefined;
        this.controller = undefined;
        this.resultValue = run.result;
        this.flagged = run.result.cards();
        this.forgetRecords();
        this.refreshDismissed();
        this.ended();
        this.setState({ kind: 'done' }, 'result');
        // Dismissals whose time ran out or whose card's reasons changed end for good.
        void this.dismissals.forgetEnded(this.now(), this.reasonsOf).catch((err: unknown) => this.options.log.error('Could not update the dismissed cards', err));
        return run;
      },
      (error: unknown) => {
        if (this.controller !== controller) return undefined;
        this.controller = undefined;
        this.options.log.error(`Needs attention did not finish for ${this.fleet.account.label}`, error);
        this.ended();
        this.setState({ kind: 'failed', error });
        return undefined;
      },
    );
    this.options.showProgress?.(this.accountId, work);
    return work;
  }

  /** Stops the run on its way; the previous result (if any) stays. */
  cancel(): boolean {
    const c = this.controller;
    if (!c) return false;
    this.controller = undefined;
    c.abort(new Error('Stopped by the user'));
    this.options.log.info(`Needs attention stopped for ${this.fleet.account.label}`);
    // The person stopped the scan: cards changed meanwhile do not start it again behind their back.
    this.changedWhileRunning = false;
    this.lastEnded = this.now();
    this.setState({ kind: 'cancelled' });
    return true;
  }

  /** A run finished or failed: the time is kept, and cards changed while it ran are read by another. */
  private ended(): void {
    this.lastEnded = this.now();
    if (this.changedWhileRunning) this.requestRun();
    this.changedWhileRunning = false;
  }

  /**
   * Cards changed: their records are read again. Named cards (a finished work order) run the
   * account again soon, or once the run on its way ends, since it may have read them before the
   * change. A refresh of everything runs it only when the last run, however it ended, is at
   * least `rerunAfterRefreshMs` old: after a Stop or a failure too, so a refresh does not undo
   * the person's Stop (the Run command starts one regardless).
   */
  cardsChanged(cardIds?: readonly string[]): void {
    this.forgetRecords(cardIds);
    if (!this.options.config().enabled) return;
    if (this.running) {
      if (cardIds !== undefined) this.changedWhileRunning = true;
      return;
    }
    const last = this.lastEnded;
    if (cardIds !== undefined || last === undefined || this.now() - last >= (this.options.rerunAfterRefreshMs ?? 600_000)) this.requestRun();
  }

  /** Turned off in the settings: no run, no result. */
  turnOff(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = undefined;
    const c = this.controller;
    this.controller = undefined;
    c?.abort(new Error('Needs attention was turned off'));
    this.resultValue = undefined;
    this.flagged = [];
    this.setState({ kind: 'off' }, 'result');
  }

  private setState(state: AttentionState, kind: AttentionChange['kind'] = 'state'): void {
    this.stateValue = state;
    if (!this.disposed) this.fire(kind);
  }

  private async execute(client: GslApi, config: AttentionConfig, signal: AbortSignal, snapshot: 'daily' | 'always'): Promise<AttentionRun> {
    const now = this.now();
    const history = config.history.enabled ? await this.loadHistory(config.settings, now) : undefined;
    signal.throwIfAborted();
    const result = await runAttention(client, {
      now: () => now,
      settings: config.settings,
      history,
      signal,
      onProgress: (progress) => {
        if (signal.aborted || this.controller?.signal !== signal) return;
        this.stateValue = { kind: 'running', progress };
        const t = Date.now();
        if (t - this.lastProgress >= PROGRESS_MS) {
          this.lastProgress = t;
          this.fire('progress');
        }
      },
    });
    const s = result.stats;
    this.options.log.info(
      `Needs attention for ${this.fleet.account.label}: ${result.size} of ${s.cards} cards in ${s.ms} ms, ${s.pages} pages, ` +
        `${s.usageRequests.thisMonth + s.usageRequests.lastMonth} usage requests${s.usedHistory ? ` (with ${s.historyDays} days of history)` : ' (no history)'}`,
    );
    signal.throwIfAborted();
    const saved = config.history.enabled ? await this.keepSnapshot(result, snapshot, config.history.days, now) : undefined;
    return { result, saved };
  }

  /** The days before today as the engine reads them, from the snapshots kept; undefined when none helps. */
  private async loadHistory(settings: AttentionSettings, now: number): Promise<UsageHistory | undefined> {
    const today = dayStart(now);
    // As far back as buildUsageHistory looks (history.ts): the silent window, or the spike's recent days and baseline.
    const depth = Math.max(settings.silentDays - 1, settings.spikeRecentDays - 1 + 7, 7) + 1;
    try {
      const snapshots = await this.options.history.between(this.accountId, today - depth * DAY_MS, today, (entry, err) =>
        this.options.log.warn(`Left out an unreadable snapshot (${new Date(entry.takenAt).toISOString()}): ${err instanceof Error ? err.message : String(err)}`),
      );
      return buildUsageHistory(snapshots, today - DAY_MS, settings);
    } catch (err) {
      this.options.log.error('Could not read the fleet history', err);
      return undefined;
    }
  }

  /** Keeps the run's snapshot (once a day, or always), then lets go of those past the retention. */
  private keepSnapshot(result: AttentionResult, mode: 'daily' | 'always', keepDays: number, now: number): Promise<SnapshotEntry | undefined> {
    const { history, log } = this.options;
    // One at a time per account, so two runs of one day never both find "none today".
    const next = this.saving.then(async () => {
      if (mode === 'daily' && (await history.takenOn(this.accountId, result.asOf))) return undefined;
      try {
        const entry = await history.write(this.accountId, result.snapshot);
        const pruned = await history.prune(this.accountId, keepDays, now);
        log.info(`Snapshot of ${result.snapshot.size} cards kept for ${this.fleet.account.label} (${entry.bytes} bytes${pruned ? `; ${pruned} older ones deleted` : ''})`);
        return entry;
      } catch (err) {
        log.error('Could not keep the fleet snapshot', err);
        return undefined;
      }
    });
    this.saving = next.catch(() => undefined);
    return next;
  }

  dispose(): void {
    this.disposed = true;
    if (this.debounce) clearTimeout(this.debounce);
    this.controller?.abort(new Error('Signed out'));
    this.controller = undefined;
    this.recordQueue.length = 0;
  }
}

export class FleetAttention implements Disposable {
  private readonly accounts = new Map<AccountId, AccountAttention>();
  private readonly changed = new Emitter<AttentionChange>();
  /** Any account's state, result, dismissals or records changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: Disposable;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly options: FleetAttentionOptions) {
    this.subscription = options.fleets.onDidChange(() => this.sync());
    this.sync();
    this.timer = setInterval(() => {
      // Timed dismissals run out with no run to notice (auto-refresh is off by default).
      for (const a of this.accounts.values()) a.recheckDismissals();
      void this.dailyCheck();
    }, options.dailyCheckMs ?? 3_600_000);
  }

  get history(): FleetHistory {
    return this.options.history;
  }

  get(accountId: AccountId): AccountAttention | undefined {
    return this.accounts.get(accountId);
  }

  all(): AccountAttention[] {
    return [...this.accounts.values()];
  }

  /** A debounced run of one account (or all). */
  requestRun(accountId?: AccountId, delayMs?: number): void {
    for (const a of this.accounts.values()) if (accountId === undefined || a.accountId === accountId) a.requestRun(delayMs);
  }

  /** Cards changed, in one account or any (AccountAttention.cardsChanged says what follows). */
  cardsChanged(e: CardsChangedEvent): void {
    for (const a of this.accounts.values()) if (e.accountId === undefined || a.accountId === e.accountId) a.cardsChanged(e.cardIds);
  }

  /** The settings changed: turned off, everything stops; otherwise every account runs again soon. */
  configChanged(): void {
    const enabled = this.options.config().enabled;
    for (const a of this.accounts.values()) {
      if (!enabled) a.turnOff();
      else a.requestRun();
    }
  }

  /** While VS Code runs, each day's snapshot is taken once: an account without one today runs. */
  async dailyCheck(): Promise<void> {
    const config = this.options.config();
    if (!config.enabled || !config.history.enabled) return;
    const now = (this.options.now ?? Date.now)();
    for (const a of this.accounts.values()) {
      if (a.running) continue;
      const taken = await this.options.history.takenOn(a.accountId, now).catch(() => true);
      if (!taken) void a.run();
    }
  }

  dispose(): void {
    clearInterval(this.timer);
    this.subscription.dispose();
    for (const a of this.accounts.values()) a.dispose();
    this.accounts.clear();
    this.changed.dispose();
  }

  private sync(): void {
    const live = new Map(this.options.fleets.all().map((f) => [f.account.id, f]));
    for (const [id, a] of this.accounts) {
      if (live.get(id) !== a.fleet) {
        a.dispose();
        this.accounts.delete(id);
      }
    }
    for (const [id, fleet] of live) {
      if (this.accounts.has(id)) continue;
      const a = new AccountAttention(fleet, this.options, (kind) => this.changed.fire({ accountId: id, kind }));
      this.accounts.set(id, a);
      // The fleet just appeared: find what needs attention now, in the background.
      if (this.options.config().enabled) void a.run();
      else a.turnOff();
    }
  }
}
