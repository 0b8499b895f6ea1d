/**
 * How a card reads wherever SIM Fleet shows it: its label, traffic amounts, the tree's
 * description, the screen-reader text and the tooltip rows. Pure (callers pass `t`).
 */
import type { SimDeviceMultiplyVo, SimDeviceVO } from '../gsl/models';
import type { CardAction } from './cardRules';
import { ACTION_WORDS, attributeValuesOf, isPhysical, tagNamesOf } from './cardRules';
import { speedText } from './cardInputs';
import type { Masker } from './mask';
import { showAll } from './mask';
import { escapeMarkdown } from './text';
import { carrierNumberWord } from './threeNetwork';
import type { Translate } from './translate';
import { DEVICE_STATUS_WORDS, OPERATOR_STATUS_WORDS, SIM_TYPE_WORDS, simStatusWord, word } from './words';

/** A card as far as it is known: a full record, or only its id (a panel restored after a reload). */
export type CardLike = Pick<SimDeviceVO, 'sim_card_id'> & Partial<SimDeviceVO>;

/**
 * What a person recognises a card by. Physical cards are known by ICCID; eSIM and vSIM by their
 * container id (`cid`: EID or CID); then the MSISDN; the GSL id only when nothing else is known.
 */
export function cardLabel(card: CardLike): string {
  const primary = isPhysical(card) ? card.iccid || card.cid : card.cid || card.iccid;
  return primary || card.msisdn || card.sim_card_id;
}

const amount = (n: number): string => String(Math.round(n * 100) / 100);

/**
 * Megabytes (the API's unit) as people read them: "123.45 MB", "1.5 GB", "3 TB"; up to two
 * decimals, no trailing zeros. A negative amount (an overdrawn plan) keeps its sign.
 */
export function formatMb(mb: number): string {
  if (!Number.isFinite(mb)) return '—';
  const abs = Math.abs(mb);
  if (abs >= 1024 * 1024) return `${amount(mb / 1024 / 1024)} TB`;
  if (abs >= 1024) return `${amount(mb / 1024)} GB`;
  return `${amount(mb)} MB`;
}

export function pendingText(action: CardAction, t: Translate): string {
  return t('pending: {0}', t(ACTION_WORDS[action]));
}

export function cardDescription(card: SimDeviceVO, t: Translate, pendingAction?: CardAction): string {
  const parts: string[] = [];
  if (pendingAction) parts.push(pendingText(pendingAction, t));
  if (card.msisdn) parts.push(card.msisdn);
  if (typeof card.flow_left === 'number') parts.push(t('{0} left', formatMb(card.flow_left)));
  return parts.join(' · ');
}

/** Read by screen readers in place of the icon, so the status is never conveyed by colour alone. */
export function cardAccessibilityLabel(card: SimDeviceVO, t: Translate, pendingAction?: CardAction): string {
  const base = t('Card {0}, {1}', cardLabel(card), simStatusWord(card.sim_status, t));
  return pendingAction ? `${base}, ${pendingText(pendingAction, t)}` : base;
}

/** A speed limit in Kbps as people read it (1 Mbps = 1024 Kbps); −1 means no limit. */
export function formatSpeed(kbps: number | null | undefined, t: Translate): string {
  if (kbps === null || kbps === undefined) return t('Not available');
  if (kbps < 0) return t('No limit');
  return speedText(kbps);
}

/**
 * The tooltip's rows. Custom attribute values show under their attribute's name
 * (`attributeNames`, customer_attribute1…6 in order) when the account's definitions are known.
 */
export function cardTooltipRows(card: SimDeviceVO, t: Translate, attributeNames?: readonly string[], threeNetwork?: Pick<SimDeviceMultiplyVo, 'online_carrier' | 'policy_name'>): Array<[string, string]> {
  const rows: Array<[string, string | null | undefined]> = [
    [t('ICCID'), card.iccid],
    [t('Container id'), card.cid],
    [t('Status'), simStatusWord(card.sim_status, t)],
    [t('Type'), card.sim_type !== undefined ? word(SIM_TYPE_WORDS, card.sim_type, t) : undefined],
    [t('MSISDN'), card.msisdn],
    [t('IMSI'), card.imsi],
    [t('IMEI'), card.imei],
    [t('Device'), card.device_status !== undefined && card.device_status !== null ? word(DEVICE_STATUS_WORDS, card.device_status, t) : undefined],
    [t('Carrier status'), card.operator_status !== undefined && card.operator_status !== null ? word(OPERATOR_STATUS_WORDS, card.operator_status, t) : undefined],
    [t('Plan'), card.price_plan_name],
    [t('Used'), typeof card.flow_used === 'number' ? formatMb(card.flow_used) : undefined],
    [t('Left'), typeof card.flow_left === 'number' ? formatMb(card.flow_left) : undefined],
    [t('Expires'), card.expire_time],
    [t('Tags'), tagNamesOf(card).join(', ')],
    // A three-network card: the carrier it is online with now, and its switch policy.
    [t('Online carrier'), threeNetwork ? carrierNumberWord(threeNetwork.online_carrier, t) : undefined],
    [t('Switch policy'), threeNetwork?.policy_name],
  ];
  attributeValuesOf(card).forEach((value, i) => {
    if (value !== undefined) rows.push([attributeNames?.[i] || t('Attribute {0}', i + 1), value]);
  });
  return rows.filter((r): r is [string, string] => typeof r[1] === 'string' && r[1] !== '');
}

/**
 * Markdown source of the tooltip; every value is masked when identifiers are hidden, then escaped;
 * labels are ours. `notes` are lines of ours shown under the title (what Needs attention says).
 */
export function cardTooltipMarkdown(
  card: SimDeviceVO,
  t: Translate,
  mask: Masker = showAll,
  attributeNames?: readonly string[],
  notes: readonly string[] = [],
  threeNetwork?: Pick<SimDeviceMultiplyVo, 'online_carrier' | 'policy_name'>,
): string {
  const title = `**${escapeMarkdown(mask(cardLabel(card)))}**`;
  const lines = notes.map((n) => escapeMarkdown(mask(n)));
  const rows = cardTooltipRows(card, t, attributeNames, threeNetwork).map(([k, v]) => `${escapeMarkdown(k)}: ${escapeMarkdown(mask(v))}`);
  return [title, ...lines, ...rows].join('  \n');
}
