/**
 * What a hover over an identifier in a file says, as markdown source, and the status shown after
 * it in the line. Pure. Every value from the card or the file goes through `escapeMarkdown`, so
 * it is shown as typed and never becomes a link, an image, HTML or an icon; the only links are
 * ours, to the commands of `CARD_LINK_COMMANDS`, with `{ accountId, cardId }` as their argument.
 */
import type { SimDeviceVO } from '../gsl/models';
import type { AccountCard } from './accounts';
import { cardCommandUri } from './cardLinks';
import type { Masker } from './mask';
import { showAll } from './mask';
import { cardLabel, formatMb } from './cardText';
import type { CardLinkCommand } from './commandIds';
import type { CardIdentifier } from './identifiers';
import { IDENTIFIER_WORDS } from './identifiers';
import { escapeMarkdown } from './text';
import type { Translate } from './translate';
import { OPERATOR_STATUS_WORDS, simStatusWord, word } from './words';

export interface CardHoverInput {
  /** The identifier hovered, as recognised. */
  id: CardIdentifier;
  accountId: string;
  card: SimDeviceVO;
  /** The account's name, shown when more than one account is signed in. */
  accountLabel?: string;
  /** A line about the card's expected usage, once a forecast exists (escaped like card data). */
  forecast?: string;
  /** *Hide identifiers*: what every shown value goes through. */
  mask?: Masker;
}

/** The links under a card's hover, in order, with their words (English source text for `t`). */
export const HOVER_LINKS: ReadonlyArray<readonly [CardLinkCommand, string]> = [
  ['simFleet.card.openDetail', 'Open Detail'],
  ['simFleet.card.openUsage', 'Open Usage'],
  ['simFleet.card.reveal', 'Reveal in Cards View'],
  ['simFleet.card.copyIccid', 'Copy ICCID'],
  ['simFleet.card.openAsDocument', 'Open as Document'],
];

export function cardHoverMarkdown(input: CardHoverInput, t: Translate): string {
  const { card, id } = input;
  const mask = input.mask ?? showAll;
  const row = (label: string, value: string): string => `${escapeMarkdown(label)}: ${escapeMarkdown(mask(value))}`;
  const ref: AccountCard = { accountId: input.accountId, cardId: card.sim_card_id };
  const lines: string[] = [`**${escapeMarkdown(mask(t('SIM card {0}', cardLabel(card))))}**`];
  const status = simStatusWord(card.sim_status, t);
  const carrier = card.operator_status !== undefined && card.operator_status !== null && card.operator_status !== -1 ? word(OPERATOR_STATUS_WORDS, card.operator_status, t) : undefined;
  lines.push(row(t('Status'), carrier ? `${status} (${carrier})` : status));
  if (card.price_plan_name) lines.push(row(t('Plan'), card.price_plan_name));
  if (typeof card.flow_left === 'number') lines.push(row(t('Data left'), formatMb(card.flow_left)));
  if (input.forecast) lines.push(row(t('Forecast'), input.forecast));
  // The card's other numbers: the one hovered is in the file already.
  const others: Array<[string, string | null | undefined]> = [
    [IDENTIFIER_WORDS.iccid, card.iccid],
    [IDENTIFIER_WORDS.msisdn, card.msisdn],
    [IDENTIFIER_WORDS.imsi, card.imsi],
    [IDENTIFIER_WORDS.imei, card.imei],
  ];
  for (const [label, value] of others) if (value && !(label === IDENTIFIER_WORDS[id.kind])) lines.push(row(t(label), value));
  if (card.tag_names) lines.push(row(t('Tags'), card.tag_names));
  if (input.accountLabel) lines.push(row(t('Account'), input.accountLabel));
  const links = HOVER_LINKS.map(([command, label]) => `[${escapeMarkdown(t(label))}](${cardCommandUri(command, ref)})`).join(' · ');
  return [lines.join('  \n'), links].join('\n\n');
}

/** The hover over an identifier no signed-in account holds. */
export function absentHoverMarkdown(id: CardIdentifier, t: Translate, mask: Masker = showAll): string {
  return escapeMarkdown(mask(t('{0} {1} is not a card of the signed-in fleet.', t(IDENTIFIER_WORDS[id.kind]), id.value)));
}

/** The hover over an IMSI in a fleet too large to read whole (the API cannot search by IMSI). */
export function tooLargeHoverMarkdown(id: CardIdentifier, t: Translate, mask: Masker = showAll): string {
  return escapeMarkdown(mask(t('{0} {1}: this fleet is too large to look IMSIs up (the GSL API cannot search by IMSI).', t(IDENTIFIER_WORDS[id.kind]), id.value)));
}

/** What the inline status after an identifier says (plain text). */
export function inlineStatusText(card: SimDeviceVO, t: Translate): string {
  const status = simStatusWord(card.sim_status, t);
  return typeof card.flow_left === 'number' ? `${status} · ${t('{0} left', formatMb(card.flow_left))}` : status;
}
