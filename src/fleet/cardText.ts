/**
 * What a card looks like in the tree: label, description, tooltip and screen-reader text.
 * Pure (the caller passes `vscode.l10n.t`), so it is unit-tested without VS Code.
 */
import type { SimDeviceVO, SimStatus } from '../gsl/models';
import type { CardAction } from './services';
import { ACTION_WORDS, isPhysical } from './cardActions';
import type { Translate } from './translate';
import { DEVICE_STATUS_WORDS, OPERATOR_STATUS_WORDS, SIM_TYPE_WORDS, simStatusWord, word } from './words';

/** Physical cards are known by ICCID; eSIM and vSIM by their container id (`cid`: EID or CID). */
export function cardLabel(card: SimDeviceVO): string {
  const primary = isPhysical(card) ? card.iccid || card.cid : card.cid || card.iccid;
  return primary || card.sim_card_id;
}

/** Megabytes as people read them: "123.4 MB", "2.5 GB"; negative values (overage) keep their sign. */
export function formatMb(mb: number): string {
  const abs = Math.abs(mb);
  if (abs >= 1024 * 1024) return `${(mb / 1024 / 1024).toFixed(1)} TB`;
  if (abs >= 1024) return `${(mb / 1024).toFixed(1)} GB`;
  return `${mb.toFixed(1)} MB`;
}

export function cardDescription(card: SimDeviceVO, t: Translate, pendingAction?: CardAction): string {
  const parts: string[] = [];
  if (pendingAction) parts.push(t('pending: {0}', t(ACTION_WORDS[pendingAction])));
  if (card.msisdn) parts.push(card.msisdn);
  if (typeof card.flow_left === 'number') parts.push(t('{0} left', formatMb(card.flow_left)));
  return parts.join(' · ');
}

/** Read by screen readers in place of the icon, so the status is never conveyed by colour alone. */
export function cardAccessibilityLabel(card: SimDeviceVO, t: Translate, pendingAction?: CardAction): string {
  const status = simStatusWord(card.sim_status, t);
  const base = t('Card {0}, {1}', cardLabel(card), status);
  return pendingAction ? `${base}, ${t('pending: {0}', t(ACTION_WORDS[pendingAction]))}` : base;
}

/**
 * Backslash-escapes every ASCII punctuation character (CommonMark lets any of them be escaped),
 * so text typed by users into tags or attributes can never become a link, image, command or HTML.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

export function cardTooltipRows(card: SimDeviceVO, t: Translate): Array<[string, string]> {
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
    [t('Tags'), card.tag_names],
  ];
  for (let i = 1; i <= 6; i++) {
    const value = card[`customer_attribute${i}` as keyof SimDeviceVO];
    if (typeof value === 'string' && value) rows.push([t('Attribute {0}', i), value]);
  }
  return rows.filter((r): r is [string, string] => typeof r[1] === 'string' && r[1] !== '');
}

/** Markdown source of the tooltip; every value is escaped, labels are ours. */
export function cardTooltipMarkdown(card: SimDeviceVO, t: Translate): string {
  const title = `**${escapeMarkdown(cardLabel(card))}**`;
  const rows = cardTooltipRows(card, t).map(([k, v]) => `${escapeMarkdown(k)}: ${escapeMarkdown(v)}`);
  return [title, ...rows].join('  \n');
}

/** Codicon and theme colour per status; colour is never the only cue (see accessibility label). */
export const STATUS_ICONS: Record<SimStatus, { icon: string; color: string }> = {
  10: { icon: 'beaker', color: 'charts.blue' },
  11: { icon: 'circle-outline', color: 'disabledForeground' },
  13: { icon: 'circle-large-outline', color: 'charts.yellow' },
  14: { icon: 'debug-pause', color: 'charts.orange' },
  20: { icon: 'pass-filled', color: 'charts.green' },
  30: { icon: 'circle-slash', color: 'charts.red' },
};
