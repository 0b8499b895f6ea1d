/**
 * The card detail panel's view model: API data in, the sections/rows/buttons the panel shows out.
 * Pure (no `vscode`), so what a user sees for a given card is unit-tested in plain Node.
 * Values stay plain strings here; the webview puts them in the page with `textContent`.
 */
import type { CmAttributeVO, SimDeviceMultiplyVo, SimDeviceVO, SimPricePlanVO, SmsSendDetailQueryVo } from '../gsl/models';
import { CARRIER_OF_NUMBER, carrierNumberWord, iccidsByCarrier } from '../core/threeNetwork';
import type { CardAction } from '../core/cardRules';
import { ACTION_WORDS, actionBlockedReasons, actionKind, actionOffered, applicableActions, attributeValuesOf, carrierOf, tagNamesOf, withThreeNetwork } from '../core/cardRules';
import { cardLabel, formatMb, formatSpeed } from '../core/cardText';
import { attributeDefinitions, attributeNames } from '../core/customAttributes';
import type { Translate } from '../core/translate';
import type { TrackedWorkOrder } from '../core/workOrders';
import {
  DEVICE_STATUS_WORDS,
  OPERATOR_STATUS_WORDS,
  SIGNAL_LEVEL_WORDS,
  SIM_STATUS_WORDS,
  SIM_TYPE_WORDS,
  SMS_STATUS_WORDS,
  PLAN_INSTANCE_STATUS_WORDS,
  WORK_ORDER_LINE_WORDS,
  WORK_ORDER_STATUS_WORDS,
  word,
} from '../core/words';
import type { ActionButton, ActionGroup, CardDetailView, DetailSection, FieldRow, HistoryView, PlanInstancesView, RowControl, SmsView, UsageBar, WorkOrderRow } from './protocol';
import type { HistoryEntry } from '../core/cardHistory';
import { workOrderLabel, workOrderSource } from '../core/workOrderText';
import { formatDate, formatDateTime, formatEpoch, round2 } from './format';

/** Where custom attribute names come from (re-exported for the panel's callers). */
export { attributeNames };

function text(v: string | number | null | undefined, t: Translate): string {
  return v === null || v === undefined || v === '' ? t('Not available') : String(v);
}

function yesNo(v: boolean | null | undefined, t: Translate): string {
  return v === null || v === undefined ? t('Not available') : v ? t('Yes') : t('No');
}

function raw(v: unknown): string | undefined {
  return v === null || v === undefined || v === '' ? undefined : String(v);
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
  /** The card's work orders from the API (CardHistoryIndex), how far their reading got, or why it failed. */
  history?: readonly HistoryEntry[] | { error: string } | { progress: string } | 'off';
  /** What ListSimDeviceMultiply says of the card when it is a three-network card. */
  threeNetwork?: SimDeviceMultiplyVo;
  /** The card's plan instances (ListSimPricePlans), or why they could not be read. */
  plans?: readonly SimPricePlanVO[] | { error: string } | 'off';
  /** The card's SMS records (ListSmsDetails by container id), newest first, or why they could not be read. */
  sms?: readonly SmsSendDetailQueryVo[] | { error: string };
  /** The card is in its account's Pinned group. */
  pinned?: boolean;
  t: Translate;
}

/** Where each action's button sits in the panel. */
const ACTION_GROUPS: Record<CardAction, ActionGroup> = {
  resume: 'lifecycle',
  stop: 'lifecycle',
  activate: 'lifecycle',
  cutNetwork: 'network',
  restoreNetwork: 'network',
  setUsageCutoff: 'network',
  cancelUsageCutoff: 'network',
  limitSpeed: 'network',
  bindImei: 'network',
  checkRealName: 'network',
  clearRealName: 'network',
  switchNetwork: 'network',
  applySwitchPolicy: 'network',
  addTags: 'tags',
  removeTags: 'tags',
  setAttribute: 'attributes',
  clearAttribute: 'attributes',
  sendSms: 'sms',
};

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
  const definitions = attributeDefinitions(input.attributes);
  const attrKeys = ['customer_attribute1', 'customer_attribute2', 'customer_attribute3', 'customer_attribute4', 'customer_attribute5', 'customer_attribute6'] as const;
  const pending = input.pending ?? false;
  // A three-network card (once ListSimDeviceMultiply said so) is offered Switch Network and Apply Switch Policy.
  const known = withThreeNetwork(card, input.threeNetwork);
  const offered = (action: CardAction): boolean => actionOffered(action, known, pending);

  // Each tag, with a button that removes it from this card (the command still asks first).
  const tags = tagNamesOf(card);
  const tagRow = row('tag_names', 'Tags', tags.length ? tags.join(', ') : t('Not available'), {
    chips: tags.map((name) => ({
      text: name,
      remove: offered('removeTags') ? { action: 'removeTags' as const, arg: name, label: '×', ariaLabel: t('Remove tag {0}', name) } : undefined,
    })),
    controls: offered('addTags') ? [{ action: 'addTags', label: t('Add…'), ariaLabel: t('Add tags to this card') }] : [],
  });
  const values = attributeValuesOf(card);
  const attributeRows: FieldRow[] = attrKeys.map((k, i) => {
    const slot = i + 1;
    const def = definitions.find((d) => d.slot === slot);
    const controls: RowControl[] = [];
    // Values are written only to defined, enabled attributes (the service refuses the others).
    if (def?.enabled && offered('setAttribute')) controls.push({ action: 'setAttribute', arg: String(slot), label: t('Edit…'), ariaLabel: t('Edit {0}', names[i]) });
    if (def?.enabled && values[i] !== undefined && offered('clearAttribute')) controls.push({ action: 'clearAttribute', arg: String(slot), label: t('Clear'), ariaLabel: t('Clear {0}', names[i]) });
    const label = def && !def.enabled ? t('{0} (disabled)', names[i]) : names[i];
    return { key: k, label, value: text(card[k], t), controls };
  });

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
      tagRow,
      ...attributeRows,
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

  // A three-network card: the carrier it is online with, its switch policy, its ICCID per carrier.
  const threeNetworkRows = (info: SimDeviceMultiplyVo | undefined): FieldRow[] =>
    info
      ? [
          row('online_carrier', 'Online carrier', carrierNumberWord(info.online_carrier, t), { raw: raw(info.online_carrier), isEnum: true }),
          row('policy_name', 'Switch policy', info.policy_name || t('None')),
          ...iccidsByCarrier(info).map(([n, iccid]) => ({ key: `iccid_${n}`, label: t('ICCID with {0}', t(CARRIER_OF_NUMBER[n])), value: iccid, copy: true })),
        ]
      : [];
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
      ...threeNetworkRows(input.threeNetwork),
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

  // Every action the card's state allows; while a work order runs, those that would start another
  // are shown disabled, saying why.
  const actions: ActionButton[] = applicableActions(known).map((action) => {
    const waits = pending && actionKind(action) === 'workOrder';
    return {
      action,
      group: ACTION_GROUPS[action],
      label: waits ? t('{0} (pending)', t(ACTION_WORDS[action])) : t(ACTION_WORDS[action]),
      enabled: !waits,
      pending: waits,
      hint: waits ? t('A work order for this card is still pending.') : undefined,
    };
  });
  const reasons = actionBlockedReasons(card);
  const actionNote = reasons.length ? reasons.map((r) => t(r)).join(' ') : undefined;

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
    history: input.history === 'off' ? undefined : historyView(input.history, t),
    plans: input.plans === 'off' ? undefined : planInstancesView(card, input.plans, t),
    sms: smsView(input.sms, t),
    pinned: input.pinned ?? false,
  };
}

/** The card's plan instances, the one the card names as its plan first. */
function planInstancesView(card: SimDeviceVO, plans: Exclude<CardDetailInput['plans'], 'off'>, t: Translate): PlanInstancesView {
  if (plans === undefined) return { state: 'loading', rows: [] };
  if ('error' in plans) return { state: 'error', rows: [], message: plans.error };
  const isMain = (p: SimPricePlanVO) => p.id === card.sim_price_plan_id || (!!p.price_plan_name && p.price_plan_name === card.price_plan_name);
  return {
    state: 'ready',
    rows: [...plans]
      .sort((a, b) => Number(isMain(b)) - Number(isMain(a)))
      .map((p) => ({
        name: p.price_plan_name || p.price_plan_id || p.id,
        kind: isMain(p) ? t('Main plan') : t('Add-on'),
        status: word(PLAN_INSTANCE_STATUS_WORDS, p.status, t),
        rawStatus: raw(p.status),
        validity: `${formatDate(p.active_time, t)} – ${formatDate(p.stop_time, t)}`,
        used: p.flow_used === undefined ? t('Not available') : formatMb(p.flow_used),
        left: p.flow_left === undefined ? t('Not available') : formatMb(p.flow_left),
        total: p.flow_total === undefined ? t('Not available') : formatMb(p.flow_total),
      })),
  };
}

function historyView(history: Exclude<CardDetailInput['history'], 'off'>, t: Translate): HistoryView {
  if (history === undefined) return { state: 'loading', rows: [] };
  if ('error' in history) return { state: 'error', rows: [], message: history.error };
  if ('progress' in history) return { state: 'loading', rows: [], message: history.progress };
  return {
    state: 'ready',
    rows: history.map(({ order, line }) => ({
      workOrderId: order.id,
      type: workOrderLabel(order, t),
      source: workOrderSource(order, t),
      status: word(WORK_ORDER_STATUS_WORDS, order.status, t),
      rawStatus: raw(order.status),
      line: word(WORK_ORDER_LINE_WORDS, line.status, t),
      created: formatDateTime(order.create_time, t),
      finished: formatDateTime(line.finish_time ?? order.finish_time, t),
      reason: (line.status === 3 ? line.description || order.fail_reason : undefined) || undefined,
    })),
  };
}

function smsView(sms: CardDetailInput['sms'], t: Translate): SmsView {
  if (sms === undefined) return { state: 'loading', rows: [] };
  if ('error' in sms) return { state: 'error', rows: [], message: sms.error };
  return {
    state: 'ready',
    rows: sms.map((m) => ({
      sent: formatDateTime(m.sent_time ?? undefined, t),
      received: formatDateTime(m.received_time ?? undefined, t),
      status: word(SMS_STATUS_WORDS, m.sms_status, t),
      rawStatus: raw(m.sms_status),
      content: m.sms_content ?? '',
    })),
  };
}

/** Every value the panel offers to copy; the host copies only these. */
export function copyableValues(view: CardDetailView): Set<string> {
  const out = new Set<string>();
  for (const s of view.sections) for (const r of s.rows) if (r.copy) out.add(r.value);
  for (const w of view.workOrders) out.add(w.workOrderId);
  for (const w of view.history?.rows ?? []) out.add(w.workOrderId);
  return out;
}
