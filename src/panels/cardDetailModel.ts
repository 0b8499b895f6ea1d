/**
 * The card detail panel's view model: API data in, the sections/rows/buttons the panel shows out.
 * Pure (no `vscode`), so what a user sees for a given card is unit-tested in plain Node.
 * Values stay plain strings here; the webview puts them in the page with `textContent`.
 */
import type { CmAttributeVO, SimDeviceVO } from '../gsl/models';
import { ACTION_WORDS, actionBlockedReason, applicableActions, carrierOf } from '../core/cardRules';
import { cardLabel, formatMb } from '../core/cardText';
import type { Translate } from '../core/translate';
import type { TrackedWorkOrder } from '../core/workOrders';
import {
  DEVICE_STATUS_WORDS,
  OPERATOR_STATUS_WORDS,
  SIGNAL_LEVEL_WORDS,
  SIM_STATUS_WORDS,
  SIM_TYPE_WORDS,
  WORK_ORDER_STATUS_WORDS,
  word,
} from '../core/words';
import type { ActionButton, CardDetailView, DetailSection, FieldRow, UsageBar, WorkOrderRow } from './protocol';
import { formatDate, formatDateTime, formatEpoch, round2 } from './format';

/**
 * Names of customer_attribute1…6. The definitions do not say which slot they fill, so a default
 * name ending in the slot number wins; otherwise the list order is the slot order.
 */
export function attributeNames(attributes: readonly CmAttributeVO[] | undefined, t: Translate): string[] {
  const names: (string | undefined)[] = [undefined, undefined, undefined, undefined, undefined, undefined];
  const rest: string[] = [];
  for (const a of attributes ?? []) {
    const name = a.cust_attr_name || a.default_attr_name_en || a.default_attr_name_cn;
    if (!name) continue;
    const slot = /([1-6])\s*$/.exec(a.default_attr_name_en ?? a.default_attr_name_cn ?? '');
    if (slot && names[Number(slot[1]) - 1] === undefined) names[Number(slot[1]) - 1] = name;
    else rest.push(name);
  }
  return names.map((n, i) => n ?? rest.shift() ?? t('Custom attribute {0}', i + 1));
}

function text(v: string | number | null | undefined, t: Translate): string {
  return v === null || v === undefined || v === '' ? t('Not available') : String(v);
}

function yesNo(v: boolean | null | undefined, t: Translate): string {
  return v === null || v === undefined ? t('Not available') : v ? t('Yes') : t('No');
}

function raw(v: unknown): string | undefined {
  return v === null || v === undefined || v === '' ? undefined : String(v);
}

/** Speed limit in Kbps (1 Mbps = 1024 Kbps); −1 means no limit. */
export function formatSpeed(kbps: number | null | undefined, t: Translate): string {
  if (kbps === null || kbps === undefined) return t('Not available');
  if (kbps < 0) return t('No limit');
  if (kbps >= 1024) return `${round2(kbps / 1024)} Mbps`;
  return `${kbps} Kbps`;
}

/** `left` is negative when the plan is overdrawn, so the plan's size is `used + left` either way. */
export function usageBar(usedMb: number, leftMb: number, t: Translate, totalMb = Math.max(usedMb + leftMb, 0)): UsageBar {
  const overdrawn = leftMb < 0;
  const percent = totalMb > 0 ? Math.min(100, Math.max(0, (usedMb / totalMb) * 100)) : overdrawn ? 100 : 0;
  const percentUsed = Math.round(percent);
  const text = overdrawn
    ? t('{0} used of {1}, over by {2}', formatMb(usedMb), formatMb(totalMb), formatMb(-leftMb))
    : t('{0} used of {1} ({2}%)', formatMb(usedMb), formatMb(totalMb), percentUsed);
  return { usedMb: round2(usedMb), leftMb: round2(leftMb), totalMb: round2(totalMb), percentUsed, text, overdrawn };
}

export interface CardDetailInput {
  card: SimDeviceVO;
  /** Custom attribute definitions from ListAttributes, when they could be read. */
  attributes?: readonly CmAttributeVO[];
  /** Work orders this window started for the card (WorkOrderTracker.forCard). */
  workOrders?: readonly TrackedWorkOrder[];
  /** A tracked work order for the card has not ended yet. */
  pending?: boolean;
  t: Translate;
}

export function buildCardDetailView(input: CardDetailInput): CardDetailView {
  const { card, t } = input;
  const row = (key: string, label: string, value: string, extra: Partial<FieldRow> = {}): FieldRow => ({ key, label: t(label), value, ...extra });
  const id = (key: keyof SimDeviceVO, label: string): FieldRow => {
    const v = card[key] as string | number | null | undefined;
    const present = v !== null && v !== undefined && v !== '';
    return row(key, label, text(v, t), present ? { copy: true } : {});
  };
  const enumRow = (key: keyof SimDeviceVO, label: string, table: Record<string | number, string>): FieldRow =>
    row(key, label, word(table, card[key] as number | string | null | undefined, t), { raw: raw(card[key]), isEnum: true });

  const carrier = carrierOf(card);
  const names = attributeNames(input.attributes, t);
  const attrKeys = ['customer_attribute1', 'customer_attribute2', 'customer_attribute3', 'customer_attribute4', 'customer_attribute5', 'customer_attribute6'] as const;

  const basic: DetailSection = {
    id: 'basic',
    title: t('Basic information'),
    rows: [
      id('sim_card_id', 'Card ID'),
      id('cid', 'Container ID (CID)'),
      id('iccid', 'ICCID'),
      id('imsi', 'IMSI'),
      id('msisdn', 'MSISDN'),
      id('imei', 'IMEI'),
      enumRow('sim_status', 'Status', SIM_STATUS_WORDS),
      enumRow('sim_type', 'Type', SIM_TYPE_WORDS),
      row('carrier', 'Carrier', t(carrier)),
      id('order_id', 'Batch'),
      row('tag_names', 'Tags', text(card.tag_names, t)),
      ...attrKeys.map((k, i) => ({ key: k, label: names[i], value: text(card[k], t) })),
      row('real_named', 'Real-name registration', card.real_named === null || card.real_named === undefined ? t('Not available') : card.real_named ? t('Real-name registered') : t('Not real-name registered'), { raw: raw(card.real_named) }),
      id('account_id', 'Account ID'),
    ],
  };

  const used = card.flow_used ?? undefined;
  const left = card.flow_left ?? undefined;
  const plan: DetailSection = {
    id: 'plan',
    title: t('Plan'),
    rows: [
      row('price_plan_name', 'Plan name', text(card.price_plan_name, t)),
      row('expire_time', 'Expires', formatDate(card.expire_time, t), { raw: raw(card.expire_time) }),
      row('flow_used', 'Traffic used', used === undefined ? t('Not available') : formatMb(used), { raw: raw(used) }),
      row('flow_left', 'Traffic left', left === undefined ? t('Not available') : formatMb(left), { raw: raw(left) }),
      id('sim_price_plan_id', 'Plan instance ID'),
      id('sim_pool_id', 'Data pool ID'),
    ],
    bar: used !== undefined && left !== undefined ? usageBar(used, left, t) : undefined,
  };

  const device: DetailSection = {
    id: 'device',
    title: t('Device'),
    rows: [
      enumRow('device_status', 'Device status', DEVICE_STATUS_WORDS),
      row('device_model', 'Device model', text(card.device_model, t)),
      row('network_type', 'Network type', text(card.network_type, t)),
      enumRow('signal_level', 'Signal level', SIGNAL_LEVEL_WORDS),
      row('dbm', 'Signal strength', card.dbm ? `${card.dbm} dBm` : t('Not available'), { raw: raw(card.dbm) }),
      id('node_id', 'Node ID'),
      row('device_status_date', 'Device status since', formatDateTime(card.device_status_date, t), { raw: raw(card.device_status_date) }),
    ],
  };

  const lifecycle: DetailSection = {
    id: 'lifecycle',
    title: t('Lifecycle'),
    rows: [
      row('act_date', 'Activated', formatDateTime(card.act_date, t), { raw: raw(card.act_date) }),
      enumRow('operator_status', 'Operator status', OPERATOR_STATUS_WORDS),
      row('cut_net_flag', 'Network cut', yesNo(card.cut_net_flag, t), { raw: raw(card.cut_net_flag) }),
      row('exceed_cut_net_flag', 'Usage-threshold cut', yesNo(card.exceed_cut_net_flag, t), { raw: raw(card.exceed_cut_net_flag) }),
      row('exceed_cut_net_quota', 'Usage threshold', card.exceed_cut_net_quota === null || card.exceed_cut_net_quota === undefined ? t('Not available') : formatMb(card.exceed_cut_net_quota), { raw: raw(card.exceed_cut_net_quota) }),
      row('speed_value', 'Speed limit', formatSpeed(card.speed_value, t), { raw: raw(card.speed_value) }),
      row('imei_bind_remain_times', 'IMEI rebinds left', text(card.imei_bind_remain_times, t)),
    ],
  };

  const pending = input.pending ?? false;
  const actions: ActionButton[] = applicableActions(card).map((action) => ({
    action,
    label: pending ? t('{0} (pending)', t(ACTION_WORDS[action])) : t(ACTION_WORDS[action]),
    enabled: !pending,
    pending,
    hint: pending ? t('A work order for this card is still pending.') : undefined,
  }));
  const blocked = actionBlockedReason(card);
  const actionNote = blocked ? t(blocked) : undefined;

  const workOrders: WorkOrderRow[] = [...(input.workOrders ?? [])]
    .sort((a, b) => b.startedAt - a.startedAt)
    .map((w) => ({
      workOrderId: w.workOrderId,
      action: t(ACTION_WORDS[w.action]),
      status: w.outcome === 'unknown' ? t('Not followed to the end') : w.status === undefined ? t('Sent') : word(WORK_ORDER_STATUS_WORDS, w.status, t),
      rawStatus: raw(w.status),
      started: formatEpoch(w.startedAt, t),
      finished: formatEpoch(w.finishedAt, t),
      failReason: w.failReason || undefined,
    }));

  const statusWord = word(SIM_STATUS_WORDS, card.sim_status, t);
  return {
    cardId: card.sim_card_id,
    title: cardLabel(card),
    subtitle: [t(carrier), word(SIM_TYPE_WORDS, card.sim_type, t), card.price_plan_name || undefined].filter((s): s is string => !!s).join(' · '),
    status: { value: statusWord, raw: raw(card.sim_status) ?? '' },
    sections: [basic, plan, device, lifecycle],
    actions,
    actionNote,
    workOrders,
  };
}

/** Every value the panel offers to copy; the host copies only these. */
export function copyableValues(view: CardDetailView): Set<string> {
  const out = new Set<string>();
  for (const s of view.sections) for (const r of s.rows) if (r.copy) out.add(r.value);
  for (const w of view.workOrders) out.add(w.workOrderId);
  return out;
}
