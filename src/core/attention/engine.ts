/**
 * The Needs attention engine: one pass over the whole fleet that finds the cards (and pools)
 * needing attention and why. Pure (no `vscode`): it takes a `GslApi`-shaped client, a clock
 * and the settings.
 *
 *   const result = await runAttention(client, { now, settings, history, signal, onProgress });
 *   result.counts.willRunOut; result.cards('spike'); result.card(id); result.pools; result.snapshot
 *
 * How it goes:
 * 1. The fleet is read with the paging iterator (`iterateSimCards`), page by page, never held:
 *    each card leaves one row in a compact snapshot (snapshot.ts: what the daily snapshot and
 *    "what changed" need, about 50 bytes, in typed arrays) and its list-only reasons
 *    (over plan, expires soon, suspended) are decided at once.
 * 2. Cards in use that may need daily usage for a verdict are queued, and fetched 100 a request
 *    (ListSimCardFlowPerDay, this month first) while the scan goes on, with their own
 *    concurrency. A card whose silence or spike cannot be decided from this month alone is
 *    fetched again for last month; nothing else is.
 * 3. Forward pools are listed while the fleet is read; for a pool whose pace this cycle
 *    projects past its total, its members are paged for the top ones by usage (its drivers).
 *
 * Which cards are candidates for a daily fetch, and why (the fetches are what cost time:
 * fetching every card in use, two thirds of a fleet, is some 1,300 requests per 100,000 cards):
 * - will run out: a card whose cycle so far, at a linear pace, projects at least
 *   `runOutCandidateShare` (75%) of its plan (or, with history, whose last days' rate does).
 *   A card far below that cannot reach its plan unless its recent days are far above its
 *   average, and then the history's recent rate catches it. Cards over their plan already,
 *   without data left, are "over plan", not candidates.
 * - silent and spike need a card's days. With the fleet's history (history.ts: daily
 *   snapshots of the days before), each card's daily use is known from how its `flow_used`
 *   grew: a card is a silent candidate when it did not grow over the last `silentDays` days,
 *   and a spike candidate when one of the last `spikeRecentDays` days grew by at least
 *   `spikeMinMb` and by at least half `spikeFactor` × its median day in the history (the
 *   half is room for the history's shorter baseline). Only those are fetched and confirmed
 *   by the exact rules. Without history (the first run, or a gap in it) every card in use is
 *   fetched for this month, so the first run takes longer; cards with a recent day under
 *   `spikeMinMb` and traffic before the silent window need nothing more.
 * The result's `stats` say how many cards were candidates and how many requests were made.
 */
import type { GslApi } from '../../gsl/api';
import type { SimCardFlowPerDayRsp, SimDeviceVO, SimPoolVO } from '../../gsl/models';
import { DAILY_USAGE_MAX_CARDS } from '../../gsl/limits';
import { paginate } from '../../gsl/paging';
import type { Cycle } from './days';
import { DAY_MS, billingCycleKey, monthKey, previousCycle } from './days';
import { dailyMbByCard } from './daily';
import { forecastCard } from './forecast';
import type { UsageHistory } from './history';
import { UNKNOWN } from './history';
import type { DailySeries, Verdict } from './rules';
import { assessSilent, assessSpike, carrierSuspension, clockAt, expiresSoon, overPlanBy, poolProjectedMb, poolShare, runOutCandidate } from './rules';
import type { AttentionReason, AttentionSettings, CardReason } from './settings';
import { CARD_REASONS, REASON_BIT, attentionSettings } from './settings';
import type { FleetSnapshot } from './snapshot';
import { SnapshotBuilder } from './snapshot';
import { OPERATOR_STATUS_WORDS } from '../words';

export type AttentionClient = Pick<GslApi, 'iterateSimCards' | 'countSimCards' | 'listSimCardFlowPerDay' | 'listSimPools' | 'listSimPoolMembers'>;

export interface AttentionProgress {
  phase: 'scan' | 'usage' | 'done';
  cardsScanned: number;
  /** Extra requests (daily usage, pools) answered, and those known to be still to send. */
  requestsDone: number;
  requestsQueued: number;
}

export interface AttentionOptions {
  /** The clock; default `Date.now`. */
  now?: () => number;
  settings?: Partial<AttentionSettings>;
  /** The fleet's history up to yesterday (`buildUsageHistory`); without it the first-run path is taken. */
  history?: UsageHistory;
  signal?: AbortSignal;
  onProgress?: (progress: AttentionProgress) => void;
  /** Pages of the scan in flight; default the client's. */
  scanConcurrency?: number;
}

export interface ForecastSummary {
  totalMb: number;
  usedMb: number;
  leftMb: number;
  /** MB per day now. */
  rateMb: number;
  projectedMb: number;
  runOutDate: number;
  /** Undefined: not within this cycle. */
  earliestDate?: number;
  latestDate?: number;
  daysLeft: number | null;
}

export type ReasonDetail =
  | { reason: 'willRunOut'; forecast: ForecastSummary }
  | { reason: 'overPlan'; overByMb: number }
  | { reason: 'expiresSoon'; expiresAt: number; daysLeft: number }
  | { reason: 'silent'; since: number; days: number }
  | { reason: 'spike'; day: number; mb: number; baselineMb: number; factor: number | null }
  /** `words` is the English text of `OPERATOR_STATUS_WORDS`, also its translation key. */
  | { reason: 'suspended'; operatorStatus: number; words: string };

export interface AttentionCard {
  sim_card_id: string;
  label: string;
  sim_status: number;
  flow_used: number | null;
  flow_left: number | null;
  price_plan_name: string | null;
  expire_time: number | null;
  tag_names: string | null;
  reasons: ReasonDetail[];
}

export interface PoolDriver {
  cid: string;
  /** From the scan, when the member was found in it. */
  sim_card_id?: string;
  flowUsedMb: number;
  /** Of the pool's usage this cycle. */
  share: number;
}

export interface PoolAtRisk {
  poolId: string;
  poolName: string;
  billingCycle: string;
  totalMb: number;
  usedMb: number;
  /** At this cycle's pace, by its end. */
  projectedMb: number;
  overByMb: number;
  drivers: PoolDriver[];
}

export interface AttentionStats {
  cards: number;
  pages: number;
  /** History was used (else every card in use was fetched). */
  usedHistory: boolean;
  historyDays: number;
  candidates: { willRunOut: number; silent: number; spike: number; any: number };
  usageRequests: { thisMonth: number; lastMonth: number };
  poolRequests: number;
  ms: number;
}

// Fields of the per-card details kept for the reasons that need daily usage.
const D_RUNOUT = 0;
const D_EARLIEST = 1;
const D_LATEST = 2;
const D_DAYS_LEFT = 3;
const D_RATE = 4;
const D_PROJECTED = 5;
const D_SILENT_SINCE = 6;
const D_SPIKE_DAY = 7;
const D_SPIKE_MB = 8;
const D_SPIKE_BASE = 9;
const D_FIELDS = 10;

const W_RUNOUT = 1;
const W_SILENT = 2;
const W_SPIKE = 4;
const BATCH = DAILY_USAGE_MAX_CARDS;

/** The outcome of a run. Cards are kept compactly; `cards()` builds the objects when asked. */
export class AttentionResult {
  readonly counts: Readonly<Record<AttentionReason, number>>;

  constructor(
    readonly asOf: number,
    readonly settings: AttentionSettings,
    /** The fleet as read, each card with its reasons: what the daily snapshot stores. */
    readonly snapshot: FleetSnapshot,
    readonly pools: readonly PoolAtRisk[],
    readonly stats: AttentionStats,
    /** Row → slot in `details`, for the few cards with a reason found from daily usage. */
    private readonly slots: ReadonlyMap<number, number>,
    private readonly details: Float64Array,
  ) {
    const counts = { willRunOut: 0, overPlan: 0, expiresSoon: 0, silent: 0, spike: 0, suspended: 0, poolAtRisk: pools.length };
    const reasons = snapshot.columns.reasons;
    for (let row = 0; row < snapshot.size; row++) {
      if (!reasons[row]) continue;
      for (const r of CARD_REASONS) if (reasons[row] & REASON_BIT[r]) counts[r]++;
    }
    this.counts = counts;
  }

  /** Cards needing attention (for any reason). */
  get size(): number {
    let n = 0;
    const reasons = this.snapshot.columns.reasons;
    for (let row = 0; row < reasons.length; row++) if (reasons[row]) n++;
    return n;
  }

  /** The cards needing attention (for `reason`, or any), in fleet order. */
  cards(reason?: CardReason): AttentionCard[] {
    const bit = reason ? REASON_BIT[reason] : 0xff;
    const reasons = this.snapshot.columns.reasons;
    const out: AttentionCard[] = [];
    for (let row = 0; row < reasons.length; row++) if (reasons[row] & bit) out.push(this.cardAt(row));
    return out;
  }

  /** A card's reasons, or undefined when it needs no attention (or is not in the fleet). */
  card(id: string): AttentionCard | undefined {
    const row = this.snapshot.findRow(id);
    return row >= 0 && this.snapshot.columns.reasons[row] ? this.cardAt(row) : undefined;
  }

  private cardAt(row: number): AttentionCard {
    const c = this.snapshot.card(row);
    const mask = this.snapshot.columns.reasons[row];
    const slot = this.slots.get(row);
    const d = (field: number): number => (slot === undefined ? NaN : this.details[slot * D_FIELDS + field]);
    const opt = (v: number): number | undefined => (Number.isNaN(v) ? undefined : v);
    const reasons: ReasonDetail[] = [];
    for (const r of CARD_REASONS) {
      if (!(mask & REASON_BIT[r])) continue;
      switch (r) {
        case 'willRunOut': {
          const total = Math.round(((c.flow_used ?? 0) + (c.flow_left ?? 0)) * 100) / 100;
          reasons.push({
            reason: r,
            forecast: {
              totalMb: total,
              usedMb: c.flow_used ?? 0,
              leftMb: c.flow_left ?? 0,
              rateMb: d(D_RATE),
              projectedMb: d(D_PROJECTED),
              runOutDate: d(D_RUNOUT),
              earliestDate: opt(d(D_EARLIEST)),
              latestDate: opt(d(D_LATEST)),
              daysLeft: opt(d(D_DAYS_LEFT)) ?? null,
            },
          });
          break;
        }
        case 'overPlan':
          reasons.push({ reason: r, overByMb: Math.round(-(c.flow_left ?? 0) * 100) / 100 });
          break;
        case 'expiresSoon':
          reasons.push({ reason: r, expiresAt: c.expire_time ?? 0, daysLeft: Math.max(0, Math.floor(((c.expire_time ?? 0) - this.asOf) / DAY_MS)) });
          break;
        case 'silent': {
          const since = d(D_SILENT_SINCE);
          reasons.push({ reason: r, since, days: Math.round((dayOf(this.asOf) - since) / DAY_MS) });
          break;
        }
        case 'spike': {
          const mb = d(D_SPIKE_MB);
          const base = d(D_SPIKE_BASE);
          reasons.push({ reason: r, day: d(D_SPIKE_DAY), mb, baselineMb: base, factor: base > 0 ? Math.round((mb / base) * 10) / 10 : null });
          break;
        }
        case 'suspended':
          reasons.push({ reason: r, operatorStatus: c.operator_status ?? 0, words: OPERATOR_STATUS_WORDS[c.operator_status ?? 0] ?? 'Unknown' });
          break;
      }
    }
    return { sim_card_id: c.sim_card_id, label: c.label, sim_status: c.sim_status, flow_used: c.flow_used, flow_left: c.flow_left, price_plan_name: c.price_plan_name, expire_time: c.expire_time, tag_names: c.tag_names, reasons };
  }
}

const dayOf = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

/** A growable queue of rows. */
class RowQueue {
  private rows = new Int32Array(1024);
  private head = 0;
  private tail = 0;
  get length(): number {
    return this.tail - this.head;
  }
  push(row: number): void {
    if (this.tail === this.rows.length) {
      const live = this.rows.subarray(this.head, this.tail);
      const next = new Int32Array(Math.max(1024, live.length * 2));
      next.set(live);
      this.rows = next;
      this.tail -= this.head;
      this.head = 0;
    }
    this.rows[this.tail++] = row;
  }
  take(n: number): number[] {
    const out = Array.from(this.rows.subarray(this.head, Math.min(this.tail, this.head + n)));
    this.head += out.length;
    return out;
  }
}

export async function runAttention(client: AttentionClient, options: AttentionOptions = {}): Promise<AttentionResult> {
  const started = Date.now();
  const settings = attentionSettings(options.settings);
  const nowMs = (options.now ?? Date.now)();
  const clock = clockAt(nowMs);
  const lastCycle = previousCycle(clock.cycle);
  // History leads up to a given yesterday; one that does not match today's (or a first day of
  // a cycle, when the list's usage restarts) is not used.
  const h = options.history;
  const history =
    h && h.asOfDay === clock.yesterday && clock.elapsedDays > 0 && h.quietDays === settings.silentDays - 1 && h.recentDays === settings.spikeRecentDays - 1 ? h : undefined;

  const controller = new AbortController();
  const outer = options.signal;
  const onAbort = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) onAbort();
  else outer?.addEventListener('abort', onAbort, { once: true });
  const signal = controller.signal;
  let failure: unknown;
  const fail = (e: unknown): void => {
    if (failure === undefined) failure = e;
    controller.abort(e);
  };

  const snap = new SnapshotBuilder(4096);
  let want = new Uint8Array(4096);
  const slots = new Map<number, number>();
  let details = new Float64Array(256 * D_FIELDS).fill(NaN);
  let slotCount = 0;
  const slotOf = (row: number): number => {
    let slot = slots.get(row);
    if (slot === undefined) {
      if ((slotCount + 1) * D_FIELDS > details.length) {
        const bigger = new Float64Array(details.length * 2).fill(NaN);
        bigger.set(details);
        details = bigger;
      }
      slot = slotCount++;
      slots.set(row, slot);
    }
    return slot;
  };
  const setDetail = (row: number, field: number, value: number | undefined): void => {
    // The slot first: finding one may replace `details` with a bigger array.
    const slot = slotOf(row);
    details[slot * D_FIELDS + field] = value ?? NaN;
  };
  const addReason = (row: number, reason: CardReason): void => snap.setReasons(row, snap.reasons(row) | REASON_BIT[reason]);

  const stats: AttentionStats = {
    cards: 0,
    pages: 0,
    usedHistory: history !== undefined,
    historyDays: history?.days ?? 0,
    candidates: { willRunOut: 0, silent: 0, spike: 0, any: 0 },
    usageRequests: { thisMonth: 0, lastMonth: 0 },
    poolRequests: 0,
    ms: 0,
  };
  const progress = (phase: AttentionProgress['phase']): void => {
    const done = stats.usageRequests.thisMonth + stats.usageRequests.lastMonth + stats.poolRequests - active;
    options.onProgress?.({ phase, cardsScanned: stats.cards, requestsDone: done, requestsQueued: Math.ceil(thisQueue.length / BATCH) + Math.ceil(lastQueue.length / BATCH) + active });
  };

  // ---- the daily-usage pipeline ----
  const thisQueue = new RowQueue();
  const lastQueue = new RowQueue();
  /** This month's days of the cards waiting for last month's. */
  const kept = new Map<number, Float64Array>();
  let active = 0;
  let scanDone = false;
  const inflight = new Set<Promise<void>>();

  const fetchDays = async (rows: number[], cycle: Cycle, days: number): Promise<Map<number, Float64Array>> => {
    const ids = rows.map((row) => snap.id(row));
    const rsp: SimCardFlowPerDayRsp[] = await client.listSimCardFlowPerDay({ sim_card_ids: ids, month: monthKey(cycle.start) }, { signal });
    const byId = dailyMbByCard(rsp, ids, cycle, days);
    const out = new Map<number, Float64Array>();
    rows.forEach((row, i) => out.set(row, byId.get(ids[i])!));
    return out;
  };

  const decideDaily = (row: number, series: DailySeries, final: boolean): boolean => {
    let needMore = false;
    const w = want[row];
    const settle = <T>(v: Verdict<T>, onYes: (d: T) => void): void => {
      if (v.state === 'yes') onYes(v.detail);
      else if (v.state === 'needMore') needMore = true;
    };
    if (w & W_SILENT) {
      settle(assessSilent(series, clock, settings), (d) => {
        addReason(row, 'silent');
        setDetail(row, D_SILENT_SINCE, d.since);
      });
    }
    if (w & W_SPIKE) {
      settle(assessSpike(series, clock, settings), (d) => {
        addReason(row, 'spike');
        setDetail(row, D_SPIKE_DAY, d.day);
        setDetail(row, D_SPIKE_MB, d.mb);
        setDetail(row, D_SPIKE_BASE, d.baselineMb);
      });
    }
    return needMore && !final;
  };

  const runThisMonth = async (rows: number[]): Promise<void> => {
    stats.usageRequests.thisMonth++;
    const got = await fetchDays(rows, clock.cycle, clock.elapsedDays);
    for (const row of rows) {
      const days = got.get(row)!;
      if (want[row] & W_RUNOUT) {
        const f = forecastCard({ usedMb: snap.flowUsedMb(row), leftMb: snap.flowLeftMb(row), dailyMb: days }, clock, settings);
        if (f.willRunOut) {
          addReason(row, 'willRunOut');
          setDetail(row, D_RUNOUT, f.runOutDate);
          setDetail(row, D_EARLIEST, f.earliestDate);
          setDetail(row, D_LATEST, f.latestDate);
          setDetail(row, D_DAYS_LEFT, f.daysLeft ?? undefined);
          setDetail(row, D_RATE, f.rateMb);
          setDetail(row, D_PROJECTED, f.projectedMb);
        }
      }
      if (decideDaily(row, { first: clock.cycle.start, values: days }, false)) {
        kept.set(row, days);
        lastQueue.push(row);
      }
    }
  };

  const runLastMonth = async (rows: number[]): Promise<void> => {
    stats.usageRequests.lastMonth++;
    const got = await fetchDays(rows, lastCycle, lastCycle.days);
    for (const row of rows) {
      const before = got.get(row)!;
      const now = kept.get(row) ?? new Float64Array(clock.elapsedDays);
      kept.delete(row);
      const values = new Float64Array(before.length + now.length);
      values.set(before);
      values.set(now, before.length);
      decideDaily(row, { first: lastCycle.start, values }, true);
    }
  };

  const pump = (): void => {
    while (active < settings.requestConcurrency && !signal.aborted) {
      let task: Promise<void>;
      if (lastQueue.length >= BATCH || (scanDone && lastQueue.length > 0)) task = runLastMonth(lastQueue.take(BATCH));
      else if (thisQueue.length >= BATCH || (scanDone && thisQueue.length > 0)) task = runThisMonth(thisQueue.take(BATCH));
      else break;
      active++;
      const p: Promise<void> = task
        .catch(fail)
        .finally(() => {
          active--;
          inflight.delete(p);
          progress('usage');
          pump();
        });
      inflight.add(p);
    }
  };

  const enqueue = (row: number, w: number): void => {
    want[row] = w;
    stats.candidates.any++;
    if (w & W_RUNOUT) stats.candidates.willRunOut++;
    if (w & W_SILENT) stats.candidates.silent++;
    if (w & W_SPIKE) stats.candidates.spike++;
    // On a cycle's first day this cycle has no days yet: straight to last month.
    if (clock.elapsedDays === 0) lastQueue.push(row);
    else thisQueue.push(row);
    pump();
  };

  /** What the history says this card may be; all of it when the history cannot tell. */
  const dailyWants = (card: SimDeviceVO): number => {
    if (!history) return W_SILENT | W_SPIKE;
    const hr = history.findRow(String(card.sim_card_id));
    const before = hr >= 0 ? history.usedBefore[hr] : UNKNOWN;
    if (hr < 0 || before === UNKNOWN || typeof card.flow_used !== 'number') return W_SILENT | W_SPIKE;
    const used = Math.round(card.flow_used * 100);
    const restart = clock.cycle.start === clock.yesterday;
    const today = restart ? used : Math.max(0, used - before);
    let w = 0;
    const quiet = history.quiet[hr];
    if (quiet === UNKNOWN || quiet + today <= 0) w |= W_SILENT;
    let top = today;
    let unknown = false;
    for (let k = 0; k < history.recentDays; k++) {
      const v = history.recent[hr * history.recentDays + k];
      if (v === UNKNOWN) unknown = true;
      else top = Math.max(top, v);
    }
    const base = history.baseline[hr];
    if (unknown || (top >= settings.spikeMinMb * 100 && (Number.isNaN(base) || top / 100 >= 0.5 * settings.spikeFactor * base))) w |= W_SPIKE;
    return w;
  };

  const recentRate = (card: SimDeviceVO): number | undefined => {
    if (!history) return undefined;
    const hr = history.findRow(String(card.sim_card_id));
    const r = hr >= 0 ? history.rate[hr] : NaN;
    return Number.isNaN(r) ? undefined : r;
  };

  const onCard = (card: SimDeviceVO): void => {
    const row = snap.add(card);
    if (row >= want.length) {
      const w2 = new Uint8Array(want.length * 2);
      w2.set(want);
      want = w2;
    }
    stats.cards++;
    let mask = 0;
    if (overPlanBy(card) !== undefined) mask |= REASON_BIT.overPlan;
    if (expiresSoon(card, nowMs, settings)) mask |= REASON_BIT.expiresSoon;
    if (carrierSuspension(card)) mask |= REASON_BIT.suspended;
    snap.setReasons(row, mask);
    if (card.sim_status !== 20) return;
    let w = 0;
    if (runOutCandidate(card, clock, settings, recentRate(card))) w |= W_RUNOUT;
    w |= dailyWants(card);
    if (w) enqueue(row, w);
  };

  // ---- pools, beside the scan ----
  const poolTask = (async (): Promise<PoolAtRisk[]> => {
    const out: PoolAtRisk[] = [];
    if (clock.elapsedDays < settings.minCycleDays) return out;
    const cycleKey = billingCycleKey(clock.cycle.start);
    const pools: SimPoolVO[] = [];
    for await (const page of paginate<SimPoolVO>(
      async ({ offset, limit }, s) => {
        stats.poolRequests++;
        const r = await client.listSimPools({ billing_cycle: cycleKey, limit, offset }, { signal: s });
        return { count: r.count, items: r.pools };
      },
      { signal, concurrency: 1, operation: 'List pools' },
    )) {
      pools.push(...page);
    }
    for (const pool of pools) {
      const total = pool.flow_total ?? 0;
      const used = pool.flow_used ?? 0;
      if (total <= 0 || pool.status === 0) continue;
      const projected = poolProjectedMb(used, clock);
      if (projected <= total) continue;
      const top: PoolDriver[] = [];
      for await (const page of paginate(
        async ({ offset, limit }, s) => {
          stats.poolRequests++;
          const r = await client.listSimPoolMembers(pool.id, { billing_cycle: cycleKey, limit, offset }, { signal: s });
          return { count: r.count, items: r.pool_members };
        },
        { signal, concurrency: settings.requestConcurrency, operation: 'List pool members' },
      )) {
        for (const m of page) {
          const mb = m.flow_used ?? 0;
          if (top.length === settings.poolDrivers && (top.length === 0 || mb <= top[top.length - 1].flowUsedMb)) continue;
          top.push({ cid: m.cid, flowUsedMb: mb, share: poolShare(mb, used) });
          top.sort((a, b) => b.flowUsedMb - a.flowUsedMb);
          if (top.length > settings.poolDrivers) top.pop();
        }
      }
      out.push({
        poolId: String(pool.id),
        poolName: pool.pool_name,
        billingCycle: cycleKey,
        totalMb: total,
        usedMb: used,
        projectedMb: Math.round(projected * 100) / 100,
        overByMb: Math.round((projected - total) * 100) / 100,
        drivers: top,
      });
    }
    return out;
  })();
  poolTask.catch(fail);

  // ---- the scan ----
  // The fleet's size, asked beside the first page, lets the snapshot's columns be made once
  // at their final size. Only a hint: without it they grow as the cards come.
  const sized = client.countSimCards({}, { signal }).then(
    (count) => {
      snap.reserve(count);
      if (count > want.length) {
        const w2 = new Uint8Array(count);
        w2.set(want);
        want = w2;
      }
    },
    () => undefined,
  );
  try {
    for await (const page of client.iterateSimCards({}, { signal, pageSize: 500, concurrency: options.scanConcurrency })) {
      stats.pages++;
      for (const card of page) onCard(card);
      progress('scan');
    }
    scanDone = true;
    pump();
    while (inflight.size > 0) {
      await Promise.race(inflight);
      pump();
    }
    const pools = await poolTask;
    await sized;
    if (failure !== undefined) throw failure;
    if (signal.aborted) throw signal.reason;
    const snapshot = snap.finish(nowMs);
    resolveDrivers(pools, snapshot);
    stats.ms = Date.now() - started;
    progress('done');
    return new AttentionResult(nowMs, settings, snapshot, pools, stats, slots, details.slice(0, slotCount * D_FIELDS));
  } catch (e) {
    controller.abort(e);
    await Promise.allSettled([...inflight, poolTask, sized]);
    throw failure ?? e;
  } finally {
    outer?.removeEventListener('abort', onAbort);
  }
}

/** Pool members come with their cid; the scan knows which card that is (its label, for physical cards). */
function resolveDrivers(pools: PoolAtRisk[], snapshot: FleetSnapshot): void {
  const wanted = new Map<string, PoolDriver[]>();
  for (const p of pools) for (const d of p.drivers) wanted.set(d.cid, [...(wanted.get(d.cid) ?? []), d]);
  if (wanted.size === 0) return;
  for (let row = 0; row < snapshot.size; row++) {
    const hits = wanted.get(snapshot.label(row));
    if (hits) for (const d of hits) d.sim_card_id = snapshot.id(row);
  }
}
