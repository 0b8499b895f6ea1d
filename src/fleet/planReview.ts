/**
 * A change plan checked against the signed-in fleets: reads the file (core/plans/planFile.ts),
 * finds every card it names, gathers what the checker needs (the account's tags and custom
 * attributes, the work orders this window follows, the results of an earlier apply) and asks
 * core/plans/planCheck.ts for a verdict per change. What the diagnostics show, and what Dry run
 * and Apply act on. No `vscode`: tested in plain Node against the simulator.
 *
 * Which account a change acts on: the one it names (its `account` column, else the plan's), by
 * the name SIM Fleet shows or its id; when it names none, the account that holds the card — with
 * one account signed in, that one; with several, a card found in more than one is ambiguous.
 *
 * Cards are found the cheap way, never one request per line: ICCIDs, IMSIs, IMEIs and MSISDNs
 * through the shared card lookup (a few searches, or one read of the fleet for many: see
 * cardLookup.ts); card ids and container ids, which the lookup does not know, by one request each
 * while they are few ({@link FEW_DIRECT}), else by one read of the account's fleet, 500 a page.
 */
import type { GslApi } from '../gsl/api';
import type { SimDeviceVO } from '../gsl/models';
import type { AccountId } from '../core/accounts';
import { needsThreeNetwork, withThreeNetwork } from '../core/cardRules';
import { attributeDefinitions } from '../core/customAttributes';
import { listAllTags } from '../core/batchPlans';
import type { CardAnswer, CardRef, PlanFacts, PlannedChange, Verdict } from '../core/plans/planCheck';
import { judgeChanges, readChanges, readable } from '../core/plans/planCheck';
import type { PlanFile, PlanFormat } from '../core/plans/planFile';
import { readPlan } from '../core/plans/planFile';
import type { PlanResult } from '../core/plans/planResults';
import { matchResults, readResults } from '../core/plans/planResults';
import type { Translate } from '../core/translate';
import type { WorkOrderOutcome } from '../core/workOrders';
import { workOrderOutcome } from '../core/workOrders';
import type { Logger } from '../core/logger';
import { identifierKey } from '../core/identifiers';
import type { CardLookup } from './cardLookup';
import type { AccountFleet } from './fleets';

/** Card ids and container ids up to this many per account are asked one by one; more, by reading the fleet. */
export const FEW_DIRECT = 8;
/** How long an account's tag list is believed while a plan is edited. */
const TAGS_TTL_MS = 60_000;

export interface PlanReviewDeps {
  fleets: { all(): readonly AccountFleet[] };
  lookup: CardLookup;
  t: Translate;
  log?: Logger;
  now?: () => number;
}

export interface PlanReviewOptions {
  /** Ask the fleet now (Dry run, Apply): cached cards, tags and attributes are read again. */
  fresh?: boolean;
  /** The results file of an earlier apply, if there is one. */
  resultsText?: string;
  /** The results file's name, for sentences. */
  resultsName: string;
  signal?: AbortSignal;
}

export interface PlanReview {
  file: PlanFile;
  changes: PlannedChange[];
  verdicts: Verdict[];
  /** Results of an earlier apply, by change index. */
  previous: ReadonlyMap<number, PlanResult>;
  /** Requests sent to find cards and read tags, attributes and work orders (the lookup's own included). */
  requests: number;
}

/** Which signed-in account a name means: its label (any case) or its id. */
export function accountNamed(fleets: readonly AccountFleet[], name: string): AccountFleet | undefined {
  const n = name.trim().toLowerCase();
  return fleets.find((f) => f.account.label.toLowerCase() === n) ?? fleets.find((f) => f.account.id.toLowerCase() === n);
}

type Direct = Extract<CardRef, { kind: 'cardId' | 'cid' }>;
const directKey = (r: Direct): string => `${r.kind}:${r.value.toUpperCase()}`;

export class PlanReviewer {
  private readonly tags = new Map<AccountId, { names: Set<string>; at: number }>();
  /** How work orders of earlier applies ended, once they have (a final outcome never changes). */
  private readonly endedOrders = new Map<string, WorkOrderOutcome>();
  /** Work orders of earlier applies found still running at the last review. */
  private readonly pendingNow = new Set<string>();
  private requests = 0;

  constructor(private readonly deps: PlanReviewDeps) {}

  async review(text: string, format: PlanFormat, options: PlanReviewOptions): Promise<PlanReview> {
    const { t } = this.deps;
    const now = (this.deps.now ?? Date.now)();
    const lookupBefore = this.deps.lookup.stats.requests;
    this.requests = 0;
    const file = readPlan(text, format);
    const changes = readChanges(file, text, t);
    const previous = options.resultsText ? matchResults(changes, readResults(options.resultsText, format)) : new Map<number, PlanResult>();
    const fleets = this.deps.fleets.all();
    if (options.fresh) this.deps.lookup.invalidate();
    const cards = await this.findCards(changes.filter(readable), fleets, options);
    const used = new Set([...cards.values()].flatMap((a) => (a.state === 'found' ? [a.accountId] : [])));
    const usedFleets = fleets.filter((f) => used.has(f.account.id));
    const tagNames = new Map<AccountId, Set<string>>();
    const wantsTags = new Set(changes.flatMap((c) => (c.action === 'addTags' ? [c.index] : [])));
    await Promise.all(
      usedFleets.map(async (f) => {
        if ([...cards].some(([i, a]) => wantsTags.has(i) && a.state === 'found' && a.accountId === f.account.id)) {
          const names = await this.tagNames(f, options.fresh ?? false, now);
          if (names) tagNames.set(f.account.id, names);
        }
      }),
    );
    const attributes = new Map(
      await Promise.all(
        usedFleets.map(async (f) => {
          if (options.fresh) await f.attributes.refresh();
          return [f.account.id, attributeDefinitions(await f.attributes.get())] as const;
        }),
      ),
    );
    await this.withThreeNetwork(changes, cards, usedFleets, options.fresh ?? false);
    await this.followEarlierOrders(previous, cards, fleets, options.signal);
    const byId = new Map(fleets.map((f) => [f.account.id, f]));
    // When an earlier apply (perhaps in another window) last started something on each card: one
    // pass over its results, not one per line checked.
    const startedEarlier = new Map<string, number>();
    for (const r of previous.values()) {
      if (!r.cardId || !r.sentAt || !(r.outcome === 'succeeded' || r.outcome === 'work-order-pending' || r.outcome === 'may-have-been-carried-out')) continue;
      const ms = Date.parse(r.sentAt);
      if (Number.isFinite(ms)) startedEarlier.set(r.cardId, Math.max(ms, startedEarlier.get(r.cardId) ?? -Infinity));
    }
    const facts: PlanFacts = {
      now,
      cards,
      tagNames: (id) => tagNames.get(id),
      attributes: (id) => attributes.get(id),
      pendingAction: (id, cardId) => byId.get(id)?.tracker.pendingAction(cardId),
      lastStart: (id, cardId, action) => {
        const all = [byId.get(id)?.tracker.lastStarted(cardId, action)?.startedAt, startedEarlier.get(cardId)].filter((x): x is number => x !== undefined);
        return all.length ? Math.max(...all) : undefined;
      },
      previous,
      workOrder: (id, cardId, orderId) => this.orderOutcome(byId.get(id), cardId, orderId),
      resultsName: options.resultsName,
    };
    const verdicts = judgeChanges(changes, facts, t);
    return { file, changes, verdicts, previous, requests: this.requests + (this.deps.lookup.stats.requests - lookupBefore) };
  }

  /**
   * Lines that switch carrier or policy need to know which cards are three-network cards and with
   * which carrier each is online: the account's list is read once (kept for the session; read again
   * when `fresh`), and its records join the cards. A failed read leaves the cards as they are (their
   * lines then say the card is not known as a three-network card).
   */
  private async withThreeNetwork(changes: readonly PlannedChange[], cards: Map<number, CardAnswer>, fleets: readonly AccountFleet[], fresh: boolean): Promise<void> {
    const wanted = changes.filter((c) => c.action !== undefined && needsThreeNetwork(c.action)).map((c) => c.index);
    for (const f of fleets) {
      const mine = wanted.filter((i) => {
        const a = cards.get(i);
        return a?.state === 'found' && a.accountId === f.account.id;
      });
      if (mine.length === 0) continue;
      if (fresh) f.threeNetwork.forget();
      const before = f.threeNetwork.reads;
      try {
        const known = await f.threeNetwork.all();
        for (const i of mine) {
          const a = cards.get(i);
          if (a?.state === 'found') cards.set(i, { ...a, card: withThreeNetwork(a.card, known.get(a.card.sim_card_id)) });
        }
      } catch (err) {
        this.deps.log?.warn(`Could not read the three-network cards of ${f.account.label}: ${err instanceof Error ? err.message : String(err)}`);
      }
      this.requests += f.threeNetwork.reads - before;
    }
  }

  /** Where each readable change's card is (see the module comment). */
  private async findCards(changes: readonly PlannedChange[], fleets: readonly AccountFleet[], options: PlanReviewOptions): Promise<Map<number, CardAnswer>> {
    const out = new Map<number, CardAnswer>();
    const labels = fleets.map((f) => f.account.label);
    // The accounts each change looks in.
    const where = new Map<number, AccountFleet[]>();
    for (const c of changes) {
      if (fleets.length === 0) {
        out.set(c.index, { state: 'unchecked', reason: 'signedOut' });
        continue;
      }
      if (c.account !== undefined) {
        const f = accountNamed(fleets, c.account);
        if (!f) out.set(c.index, { state: 'unknownAccount', name: c.account, signedIn: labels });
        else where.set(c.index, [f]);
      } else where.set(c.index, [...fleets]);
    }
    // Per account: the answers for its identifiers, card ids and container ids.
    const perAccount = new Map<AccountId, Map<string, SimDeviceVO | null | 'error' | 'tooLarge'>>();
    await Promise.all(
      fleets.map(async (f) => {
        const mine = changes.filter((c) => where.get(c.index)?.includes(f));
        if (mine.length === 0) return;
        const answers = new Map<string, SimDeviceVO | null | 'error' | 'tooLarge'>();
        perAccount.set(f.account.id, answers);
        const ids = mine.flatMap((c) => (c.card?.kind === 'identifier' ? [c.card.id] : []));
        const direct = mine.flatMap((c) => (c.card && c.card.kind !== 'identifier' ? [c.card] : []));
        await Promise.all([
          ids.length
            ? this.deps.lookup.resolve(ids, { accountIds: [f.account.id], signal: options.signal }).then((found) => {
                for (const [key, r] of found) answers.set(key, r.state === 'found' ? r.found.card : r.state === 'absent' ? null : r.reason === 'tooLarge' ? 'tooLarge' : 'error');
              })
            : undefined,
          direct.length ? this.findDirect(f, direct, answers, options.signal) : undefined,
        ]);
      }),
    );
    for (const c of changes) {
      const accounts = where.get(c.index);
      if (!accounts || !c.card) continue;
      const key = c.card.kind === 'identifier' ? identifierKey(c.card.id) : directKey(c.card);
      const found: Array<{ f: AccountFleet; card: SimDeviceVO }> = [];
      let trouble: 'error' | 'tooLarge' | undefined;
      for (const f of accounts) {
        const a = perAccount.get(f.account.id)?.get(key);
        if (a === 'error' || a === 'tooLarge' || a === undefined) trouble = a === 'tooLarge' ? 'tooLarge' : 'error';
        else if (a) found.push({ f, card: a });
      }
      if (found.length === 1) out.set(c.index, { state: 'found', accountId: found[0].f.account.id, card: found[0].card });
      else if (found.length > 1) out.set(c.index, { state: 'ambiguous', accounts: found.map((x) => x.f.account.label) });
      else if (trouble) out.set(c.index, { state: 'unchecked', reason: trouble });
      else out.set(c.index, { state: 'absent', accounts: accounts.map((f) => f.account.label) });
    }
    return out;
  }

  /** Card ids and container ids: a request each while few, else one read of the fleet. */
  private async findDirect(fleet: AccountFleet, refs: readonly Direct[], answers: Map<string, SimDeviceVO | null | 'error' | 'tooLarge'>, signal?: AbortSignal): Promise<void> {
    const client = fleet.account.currentClient();
    const distinct = [...new Map(refs.map((r) => [directKey(r), r])).values()];
    if (!client) {
      for (const r of distinct) answers.set(directKey(r), 'error');
      return;
    }
    try {
      if (distinct.length <= FEW_DIRECT) {
        await Promise.all(distinct.map(async (r) => answers.set(directKey(r), await this.findOne(client, r, signal))));
        return;
      }
      const wanted = new Set(distinct.map(directKey));
      for await (const page of client.iterateSimCards({}, { pageSize: 500, concurrency: 4, signal, onRequest: () => this.requests++ })) {
        for (const card of page) {
          for (const key of [`cardId:${card.sim_card_id}`, card.cid ? `cid:${card.cid.toUpperCase()}` : '']) if (wanted.has(key)) answers.set(key, card);
        }
      }
      for (const key of wanted) if (!answers.has(key)) answers.set(key, null);
    } catch (err) {
      this.deps.log?.warn(`Could not look up ${distinct.length} cards of a change plan: ${err instanceof Error ? err.message : String(err)}`);
      for (const r of distinct) if (!answers.has(directKey(r))) answers.set(directKey(r), 'error');
    }
  }

  private async findOne(client: GslApi, ref: Direct, signal?: AbortSignal): Promise<SimDeviceVO | null | 'error'> {
    this.requests++;
    try {
      if (ref.kind === 'cardId') return await client.showSimCard({ sim_card_id: ref.value }, { signal });
      const page = await client.listSimCards({ main_search_type: 1, main_search_key: ref.value, limit: 50, offset: 1 }, { signal });
      return page.sim_cards.find((c) => (c.cid ?? '').toUpperCase() === ref.value.toUpperCase()) ?? (page.count <= page.sim_cards.length ? null : 'error');
    } catch (err) {
      const code = (err as { code?: string; status?: number }).code;
      const status = (err as { status?: number }).status;
      if (code === 'GSL.00011001' || code === 'GSL.00011011' || status === 404) return null;
      this.deps.log?.warn(`Could not look up ${ref.kind} ${ref.value}: ${err instanceof Error ? err.message : String(err)}`);
      return 'error';
    }
  }

  private async tagNames(fleet: AccountFleet, fresh: boolean, now: number): Promise<Set<string> | undefined> {
    const kept = this.tags.get(fleet.account.id);
    if (kept && !fresh && now - kept.at < TAGS_TTL_MS) return kept.names;
    const client = fleet.account.currentClient();
    if (!client) return undefined;
    try {
      const tags = await listAllTags({ listTags: (q, o) => (this.requests++, client.listTags(q, o)) });
      const names = new Set(tags.map((x) => x.tag_name));
      this.tags.set(fleet.account.id, { names, at: now });
      return names;
    } catch (err) {
      this.deps.log?.warn(`Could not read the tags of ${fleet.account.label}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }

  /**
   * Work orders an earlier apply left running that this window does not follow (another window,
   * a restart): read once each, a few at a time, until they end.
   */
  private async followEarlierOrders(previous: ReadonlyMap<number, PlanResult>, cards: ReadonlyMap<number, CardAnswer>, fleets: readonly AccountFleet[], signal?: AbortSignal): Promise<void> {
    const open: Array<{ fleet: AccountFleet; id: string }> = [];
    for (const [index, r] of previous) {
      const a = cards.get(index);
      if (r.outcome !== 'work-order-pending' || !r.workOrderId || a?.state !== 'found') continue;
      const fleet = fleets.find((f) => f.account.id === a.accountId);
      if (!fleet || this.endedOrders.has(r.workOrderId) || this.trackedOutcome(fleet, a.card.sim_card_id, r.workOrderId)) continue;
      open.push({ fleet, id: r.workOrderId });
    }
    const queue = [...open];
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const client = next.fleet.account.currentClient();
        if (!client) continue;
        this.requests++;
        try {
          const order = await client.showWorkOrder(next.id, { signal });
          const outcome = order ? workOrderOutcome(order) : undefined;
          if (outcome && outcome !== 'pending') this.endedOrders.set(next.id, outcome);
          else if (outcome === 'pending') this.pendingNow.add(next.id);
        } catch (err) {
          this.deps.log?.warn(`Could not read work order ${next.id}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    };
    this.pendingNow.clear();
    await Promise.all([worker(), worker(), worker(), worker()]);
  }

  /** How a work order this window follows stands (it may be one this window's Apply started). */
  private trackedOutcome(fleet: AccountFleet, cardId: string, orderId: string): WorkOrderOutcome | undefined {
    return fleet.tracker.forCard(cardId).find((o) => o.workOrderId === orderId)?.outcome;
  }

  private orderOutcome(fleet: AccountFleet | undefined, cardId: string, orderId: string): WorkOrderOutcome | undefined {
    const tracked = fleet ? this.trackedOutcome(fleet, cardId, orderId) : undefined;
    if (tracked) return tracked;
    if (this.endedOrders.has(orderId)) return this.endedOrders.get(orderId);
    return this.pendingNow.has(orderId) ? 'pending' : undefined;
  }
}
