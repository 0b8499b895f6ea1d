/**
 * The requests a batch API action becomes (gsl-api.md 2.5–2.7, 5.4): at most 500 cards a request.
 *
 * BatchSetTags has no add or remove switch: it SETS a card's tags to the ids given. Adding or
 * removing a tag on a selection therefore groups the cards by the tag set each will have, and
 * sends one request per group and per 500 cards. Cards name their tags only by name
 * (`tag_names`), so names are mapped to ids with the account's tag list; a card holding a tag
 * name the list does not know cannot be given a full set, and is left out, saying which name.
 * Pure: the requests are described here and sent by the caller.
 */
import type { AttributeReq, BatchSetAttributesReq, BatchSetTagsReq, CmTagVO, CreateSendSmsReq, Id, SimDeviceVO } from '../gsl/models';
import type { GslApi } from '../gsl/api';
import { attributeKey, tagNamesOf } from './cardRules';
import type { Problem } from './cardInputs';
import { MAX_TAGS_PER_CARD } from './cardInputs';

/** The most cards one BatchSetTags, BatchSetAttributes or SendSms request takes. */
export const BATCH_LIMIT = 500;

export function chunk<T>(list: readonly T[], size = BATCH_LIMIT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** One request of a batch: the cards it names and its body. */
export type BatchRequest =
  | { api: 'batchSetTags'; cards: SimDeviceVO[]; body: BatchSetTagsReq }
  | { api: 'batchSetAttributes'; cards: SimDeviceVO[]; body: BatchSetAttributesReq }
  | { api: 'sendSms'; cards: SimDeviceVO[]; body: CreateSendSmsReq };

export type BatchClient = Pick<GslApi, 'batchSetTags' | 'batchSetAttributes' | 'sendSms'>;

/** Sends one request of a batch, once (mutations are never retried). */
export function sendBatchRequest(client: BatchClient, request: BatchRequest, opts?: { signal?: AbortSignal }): Promise<unknown> {
  switch (request.api) {
    case 'batchSetTags':
      return client.batchSetTags(request.body, opts);
    case 'batchSetAttributes':
      return client.batchSetAttributes(request.body, opts);
    case 'sendSms':
      return client.sendSms(request.body, opts);
  }
}

// ---- tags -----------------------------------------------------------------------------------

/** The account's tags by name (names are unique in an account, GSL.00022002). */
export function tagIndex(tags: readonly Pick<CmTagVO, 'id' | 'tag_name'>[]): Map<string, Id> {
  return new Map(tags.map((t) => [t.tag_name, t.id]));
}

export interface TagChange {
  add?: readonly string[];
  remove?: readonly string[];
}

export interface HeldCard {
  card: SimDeviceVO;
  /** Why it is not sent. */
  reason: Problem;
}

export interface TagPlan {
  requests: Array<Extract<BatchRequest, { api: 'batchSetTags' }>>;
  /** Cards left out, each with the reason. */
  held: HeldCard[];
  /** Names asked for that the account's tag list does not hold (nothing is sent for them). */
  unknownNames: string[];
}

/**
 * One request per (resulting tag set, 500 cards). Cards whose tags would not change are left out
 * silently by the caller's skip rule; here, cards holding a tag name the index cannot map, or
 * ending with more than 10 tags, are held with their reason.
 */
export function planTagChange(cards: readonly SimDeviceVO[], change: TagChange, index: ReadonlyMap<string, Id>): TagPlan {
  const unknownNames = [...(change.add ?? []), ...(change.remove ?? [])].filter((n) => !index.has(n));
  if (unknownNames.length) return { requests: [], held: [], unknownNames: [...new Set(unknownNames)] };
  const add = change.add ?? [];
  const remove = new Set(change.remove ?? []);
  const groups = new Map<string, { tagIds: Id[]; cards: SimDeviceVO[] }>();
  const held: HeldCard[] = [];
  // Cards share a handful of tag lists: each distinct `tag_names` is worked out once.
  const outcomes = new Map<string, { key: string; tagIds: Id[] } | { reason: Problem }>();
  for (const card of cards) {
    const names = card.tag_names ?? '';
    let outcome = outcomes.get(names);
    if (!outcome) {
      outcome = resultingTags(tagNamesOf(card), add, remove, index);
      outcomes.set(names, outcome);
    }
    if ('reason' in outcome) {
      held.push({ card, reason: outcome.reason });
      continue;
    }
    const group = groups.get(outcome.key) ?? { tagIds: outcome.tagIds, cards: [] };
    group.cards.push(card);
    groups.set(outcome.key, group);
  }
  const requests = [...groups.values()].flatMap((g) =>
    chunk(g.cards).map((part) => ({ api: 'batchSetTags' as const, cards: part, body: { sim_card_ids: part.map((c) => c.sim_card_id), tag_ids: g.tagIds } })),
  );
  return { requests, held, unknownNames: [] };
}

/** The tag ids a card with these tag names ends with, or why it cannot be given a full set. */
function resultingTags(current: readonly string[], add: readonly string[], remove: ReadonlySet<string>, index: ReadonlyMap<string, Id>): { key: string; tagIds: Id[] } | { reason: Problem } {
  const unmapped = current.filter((n) => !index.has(n));
  if (unmapped.length) return { reason: { message: 'Its tag "{0}" is not in the account\'s tag list, so its tags cannot be set without losing it.', args: [unmapped[0]] } };
  const names = [...new Set([...current.filter((n) => !remove.has(n)), ...add])];
  if (names.length > MAX_TAGS_PER_CARD) return { reason: { message: 'A card holds at most {0} tags.', args: [MAX_TAGS_PER_CARD] } };
  const tagIds = names.map((n) => index.get(n) as Id).sort();
  return { key: tagIds.join(','), tagIds };
}

// ---- custom attributes ------------------------------------------------------------------

/**
 * Writes one attribute's value (an empty value clears it) on the cards, 500 a request. Only that
 * attribute's field is sent, so the card's other values stay as they are.
 */
export function planAttributeChange(cards: readonly SimDeviceVO[], slot: number, value: string): Array<Extract<BatchRequest, { api: 'batchSetAttributes' }>> {
  const key = attributeKey(slot);
  return chunk(cards).map((part) => ({
    api: 'batchSetAttributes' as const,
    cards: part,
    body: { attributes: part.map((c): AttributeReq => ({ sim_card_id: c.sim_card_id, [key]: value })) },
  }));
}

// ---- SMS ------------------------------------------------------------------------------------

/** One message to the cards by container id, 500 a request. */
export function planSms(cards: readonly SimDeviceVO[], content: string): Array<Extract<BatchRequest, { api: 'sendSms' }>> {
  return chunk(cards).map((part) => ({ api: 'sendSms' as const, cards: part, body: { sms_content: content, cids: part.map((c) => c.cid || c.iccid || '') } }));
}

/** Every tag of the account, page by page (ListTags takes 500 a page; an account holds up to 10,000). */
export async function listAllTags(client: Pick<GslApi, 'listTags'>, opts?: { signal?: AbortSignal }): Promise<CmTagVO[]> {
  const out: CmTagVO[] = [];
  for (let offset = 1; ; offset++) {
    const page = await client.listTags({ limit: BATCH_LIMIT, offset }, opts);
    out.push(...page.tags);
    if (page.tags.length < BATCH_LIMIT || out.length >= page.count) return out;
  }
}
