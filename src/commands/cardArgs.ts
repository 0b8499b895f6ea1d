/**
 * Turns a handler's `(node?, nodes?)` into cards and their accounts. Tree menus pass the clicked
 * node and the selection; panels, hovers and links pass `{ card, accountId }`; the palette passes
 * nothing.
 */
import type { SimDeviceVO } from '../gsl/models';
import type { AccountId } from '../core/accounts';
import type { ActionInput } from '../core/cardRules';

export interface CardCarrier {
  card: SimDeviceVO;
  accountId?: AccountId;
}

export interface AccountScopedCard {
  accountId: AccountId;
  card: SimDeviceVO;
}

function isCarrier(x: unknown): x is CardCarrier {
  return typeof x === 'object' && x !== null && typeof (x as CardCarrier).card === 'object' && (x as CardCarrier).card !== null && typeof (x as CardCarrier).card.sim_card_id === 'string';
}

/**
 * The cards an invocation names, each with its account. A carrier without an account belongs to
 * `fallbackAccount` (the only account signed in), or is dropped when there is none.
 */
export function cardsFromArgs(node?: unknown, nodes?: unknown, fallbackAccount?: AccountId): AccountScopedCard[] {
  const selected = Array.isArray(nodes) ? nodes.filter(isCarrier) : [];
  // A right-click on a card outside the selection acts on that card alone.
  const sameCard = (a: CardCarrier, b: CardCarrier) => a.card.sim_card_id === b.card.sim_card_id && (a.accountId ?? fallbackAccount) === (b.accountId ?? fallbackAccount);
  const list = selected.length > 0 && (!isCarrier(node) || selected.some((n) => sameCard(n, node))) ? selected : isCarrier(node) ? [node] : [];
  const seen = new Set<string>();
  const out: AccountScopedCard[] = [];
  for (const n of list) {
    const accountId = n.accountId ?? fallbackAccount;
    if (accountId === undefined) continue;
    const key = `${accountId}/${n.card.sim_card_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ accountId, card: n.card });
  }
  return out;
}

/**
 * What a caller chose already for the action (`{ card, accountId, preset }` from the detail panel:
 * the tag to remove, the attribute to edit). Only the known fields, of the right types, are kept;
 * everything is checked again like typed input.
 */
export function presetOf(node: unknown): ActionInput | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const p = (node as { preset?: unknown }).preset;
  if (typeof p !== 'object' || p === null) return undefined;
  const raw = p as Record<string, unknown>;
  const out: ActionInput = {};
  if (Array.isArray(raw.tags) && raw.tags.every((x) => typeof x === 'string')) out.tags = raw.tags as string[];
  if (typeof raw.slot === 'number' && Number.isInteger(raw.slot)) out.slot = raw.slot;
  if (typeof raw.value === 'string') out.value = raw.value;
  if (typeof raw.quotaMb === 'string') out.quotaMb = raw.quotaMb;
  if (typeof raw.kbps === 'number') out.kbps = raw.kbps;
  if (raw.bindType === 1 || raw.bindType === 2) out.bindType = raw.bindType;
  if (typeof raw.imei === 'string') out.imei = raw.imei;
  if (typeof raw.content === 'string') out.content = raw.content;
  return out;
}
