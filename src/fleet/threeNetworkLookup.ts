/**
 * Whether a card is a three-network card, and with which carrier it is online
 * (ListSimDeviceMultiply): by card id when its tooltip is first shown, or the account's whole list
 * when an action for three-network cards runs. Kept for the session until `forget()` (a switch of
 * carrier or policy ends). A read that fails is not kept: the next one asks again. Plain Node
 * (no `vscode`).
 */
import type { GslApi } from '../gsl/api';
import type { Id, SimDeviceMultiplyVo } from '../gsl/models';
import { readThreeNetworkRecord } from '../core/threeNetwork';

/** The service's largest page: the account's three-network cards are a few per hundred. */
const PAGE = 500;

export class ThreeNetworkLookup {
  private readonly known = new Map<Id, SimDeviceMultiplyVo | null>();
  /** Requests sent so far (a change plan counts what its review cost). */
  reads = 0;
  /** The whole list, read once (shared while in flight). */
  private everything?: Promise<ReadonlyMap<Id, SimDeviceMultiplyVo>>;

  constructor(private readonly client: () => Pick<GslApi, 'listSimDeviceMultiply'> | undefined) {}

  /** The card's three-network record, or undefined (not one, or not known now). */
  async of(cardId: Id): Promise<SimDeviceMultiplyVo | undefined> {
    const kept = this.known.get(cardId);
    if (kept !== undefined) return kept ?? undefined;
    const client = this.client();
    if (!client) return undefined;
    try {
      this.reads++;
      const found = (await readThreeNetworkRecord(client, cardId)) ?? null;
      this.known.set(cardId, found);
      return found ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** What is known of the card now, without asking: its record, or undefined (not one, or not asked yet). */
  peek(cardId: Id): SimDeviceMultiplyVo | undefined {
    return this.known.get(cardId) ?? undefined;
  }

  /** Every three-network card of the account by card id, read page by page once; rejects when a read fails. */
  all(): Promise<ReadonlyMap<Id, SimDeviceMultiplyVo>> {
    this.everything ??= this.readAll().catch((err: unknown) => {
      this.everything = undefined;
      throw err;
    });
    return this.everything;
  }

  private async readAll(): Promise<ReadonlyMap<Id, SimDeviceMultiplyVo>> {
    const client = this.client();
    if (!client) throw new Error('The account is not signed in.');
    const out = new Map<Id, SimDeviceMultiplyVo>();
    for (let offset = 1; ; offset++) {
      this.reads++;
      const page = await client.listSimDeviceMultiply({ limit: PAGE, offset });
      for (const c of page.sim_cards) out.set(c.sim_card_id, c);
      if (page.sim_cards.length < PAGE || out.size >= (page.count ?? 0)) break;
    }
    for (const [id, c] of out) this.known.set(id, c);
    return out;
  }

  /** Forgets what is kept (a switch of carrier or policy, a refresh). */
  forget(): void {
    this.known.clear();
    this.everything = undefined;
  }
}
