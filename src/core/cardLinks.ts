/**
 * Links that run a SIM Fleet command on one card, from a hover or a document link: the command
 * URI, and the one check every such command makes of its argument. A link carries the account
 * id and the card id and nothing else, so no text from the card or the file travels in it. Pure.
 */
import type { AccountCard } from './accounts';
import type { CardLinkCommand } from './commandIds';

/** GSL ids are int64: at most 19 digits. */
const CARD_ID = /^\d{1,19}$/;
const MAX_ACCOUNT_ID = 512;

/** `command:<id>?<JSON of [{ accountId, cardId }]>`, encoded for a markdown link or a document link. */
export function cardCommandUri(command: CardLinkCommand, card: AccountCard): string {
  const arg: AccountCard = { accountId: card.accountId, cardId: card.cardId };
  // encodeURIComponent leaves ( ) ! ' * as they are; a ) could end a markdown link early.
  const query = encodeURIComponent(JSON.stringify([arg])).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:${command}?${query}`;
}

/**
 * What a command was given, read strictly: a card named by `{ accountId, cardId }` (exactly those
 * two keys, both strings, the card id a GSL id), `invalid` for an object that tries to be one and
 * is not (a link edited by hand, another extension's guess), or `none` for anything else (a tree
 * node, nothing).
 */
export function readAccountCard(x: unknown): AccountCard | 'invalid' | 'none' {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return 'none';
  const o = x as Record<string, unknown>;
  // A card id is what makes an argument a link; tree nodes and the commands' own arguments carry
  // an account id beside the card itself, and are not links.
  if (!('cardId' in o)) return 'none';
  const keys = Object.keys(o);
  if (keys.length !== 2 || typeof o.accountId !== 'string' || typeof o.cardId !== 'string') return 'invalid';
  if (o.accountId === '' || o.accountId.length > MAX_ACCOUNT_ID || !CARD_ID.test(o.cardId)) return 'invalid';
  return { accountId: o.accountId, cardId: o.cardId };
}
