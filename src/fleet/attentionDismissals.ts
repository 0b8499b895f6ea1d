/**
 * The cards an account's person dismissed from Needs attention, kept per account across restarts
 * (global state, never synced: it names cards of one account). Whether a dismissal still holds
 * is the core's rule (core/dismissals.ts). Plain Node (no `vscode`).
 */
import type { AccountId } from '../core/accounts';
import type { Dismissal } from '../core/dismissals';
import { dismissalActive, isDismissal } from '../core/dismissals';
import type { KeyValueStore } from '../core/storage';
import { stateKeys } from '../core/storage';

export class AttentionDismissals {
  constructor(
    private readonly store: KeyValueStore,
    private readonly accountId: AccountId,
  ) {}

  /** Every kept dismissal, active or not (read strictly: what is not one is ignored). */
  all(): Dismissal[] {
    const raw = this.store.get<unknown[]>(stateKeys.dismissed(this.accountId));
    return Array.isArray(raw) ? raw.filter(isDismissal) : [];
  }

  /** The dismissals in force now, by card id; `reasonsOf` gives a card's current reasons, when known. */
  active(now: number, reasonsOf: (cardId: string) => number | undefined): Map<string, Dismissal> {
    const out = new Map<string, Dismissal>();
    for (const d of this.all()) if (dismissalActive(d, now, reasonsOf(d.cardId))) out.set(d.cardId, d);
    return out;
  }

  /** Adds (or replaces) dismissals. */
  async dismiss(entries: readonly Dismissal[]): Promise<void> {
    const ids = new Set(entries.map((d) => d.cardId));
    await this.write([...this.all().filter((d) => !ids.has(d.cardId)), ...entries]);
  }

  /** Ends the dismissals of these cards; returns those ended. */
  async restore(cardIds: readonly string[]): Promise<Dismissal[]> {
    const ids = new Set(cardIds);
    const all = this.all();
    const ended = all.filter((d) => ids.has(d.cardId));
    if (ended.length) await this.write(all.filter((d) => !ids.has(d.cardId)));
    return ended;
  }

  /** Forgets dismissals that no longer hold (time ran out, reasons changed), so they never come back. */
  async forgetEnded(now: number, reasonsOf: (cardId: string) => number | undefined): Promise<number> {
    const all = this.all();
    const live = all.filter((d) => dismissalActive(d, now, reasonsOf(d.cardId)));
    if (live.length !== all.length) await this.write(live);
    return all.length - live.length;
  }

  private async write(list: Dismissal[]): Promise<void> {
    await this.store.update(stateKeys.dismissed(this.accountId), list.length ? list : undefined);
  }
}
