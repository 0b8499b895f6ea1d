/**
 * What a card allows: which lifecycle action applies to which status, card type and carrier
 * state, where it leads, and the request that carries it out (gsl-api.md 5.1–5.3). The tree's
 * menus, the commands, the detail panel and any other surface ask this module; none keeps a
 * copy of the rule.
 */
import type { CallOptions, GslApi } from '../gsl/api';
import type { SimDeviceVO, SimStatus, WorkOrderResponse } from '../gsl/models';

/** Card lifecycle actions (API: reset, stop, enable). */
export type CardAction = 'resume' | 'stop' | 'activate';
export const CARD_ACTIONS: readonly CardAction[] = ['resume', 'stop', 'activate'];

interface ActionRule {
  /** Statuses the action starts from. */
  from: readonly SimStatus[];
  /** The status the card reaches when the work order completes. */
  to: SimStatus;
  /** Enable is a physical-card operation. */
  physicalOnly: boolean;
  /** Carrier suspensions (`operator_status`) the action cannot lift. */
  blockedBy: readonly number[];
}

/**
 * China Mobile cards suspended for a violation (6) or a device/SIM separation (7) must be
 * rebound, not resumed.
 */
const NOT_RESUMABLE = [6, 7] as const;

const RULES: Record<CardAction, ActionRule> = {
  resume: { from: [14], to: 20, physicalOnly: false, blockedBy: NOT_RESUMABLE },
  stop: { from: [20], to: 14, physicalOnly: false, blockedBy: [] },
  activate: { from: [10, 13], to: 20, physicalOnly: true, blockedBy: [] },
};

/** Verbs as menus and buttons show them (English source text for `t`). */
export const ACTION_WORDS: Record<CardAction, string> = { resume: 'Resume', stop: 'Stop', activate: 'Activate' };
/** Nouns for sentences such as "{0} completed" (English source text for `t`). */
export const ACTION_NOUNS: Record<CardAction, string> = { resume: 'resume', stop: 'stop', activate: 'activation' };

export function isPhysical(card: Pick<SimDeviceVO, 'sim_type'>): boolean {
  return card.sim_type === 3;
}

type RuleFields = Pick<SimDeviceVO, 'sim_status' | 'sim_type' | 'operator_status'>;

export function actionApplies(action: CardAction, card: RuleFields): boolean {
  const rule = RULES[action];
  if (card.sim_status === undefined || !rule.from.includes(card.sim_status)) return false;
  if (rule.physicalOnly && !isPhysical(card)) return false;
  return !rule.blockedBy.includes(card.operator_status ?? -1);
}

/** The actions the card's state allows, in menu order. */
export function applicableActions(card: RuleFields): CardAction[] {
  return CARD_ACTIONS.filter((a) => actionApplies(a, card));
}

/** Statuses in which the action can apply: what a card picker for it lists. */
export function actionStatuses(action: CardAction): readonly SimStatus[] {
  return RULES[action].from;
}

/** The status a card reaches when the action's work order completes. */
export function targetStatus(action: CardAction): SimStatus {
  return RULES[action].to;
}

/** Why a card in the status an action starts from still cannot take it (English source text), if so. */
export function actionBlockedReason(card: RuleFields): string | undefined {
  if (card.sim_status === 14 && (NOT_RESUMABLE as readonly number[]).includes(card.operator_status ?? -1)) {
    return 'This card cannot be resumed: the carrier suspended it for a violation or a device/SIM separation. Rebind the device instead.';
  }
  return undefined;
}

/**
 * The one request that carries the action out. Mutations are never retried (the client does not
 * retry them either); `down_up_switch` is the client's business.
 */
export function sendCardAction(
  client: Pick<GslApi, 'resetSimCard' | 'stopSimCard' | 'enableSimCard'>,
  action: CardAction,
  card: Pick<SimDeviceVO, 'sim_card_id'>,
  opts?: CallOptions,
): Promise<WorkOrderResponse> {
  const ref = { sim_card_id: card.sim_card_id };
  switch (action) {
    case 'resume':
      return client.resetSimCard(ref, undefined, opts);
    case 'stop':
      return client.stopSimCard(ref, undefined, opts);
    case 'activate':
      return client.enableSimCard(ref, opts);
  }
}

export type Carrier = 'China Mobile' | 'China Telecom' | 'China Unicom' | 'Unknown';

/** ICCID issuer prefixes (89 86 + issuer) of the three mainland carriers. */
const ICCID_CARRIERS: Record<string, Carrier> = {
  '898600': 'China Mobile',
  '898602': 'China Mobile',
  '898604': 'China Mobile',
  '898607': 'China Mobile',
  '898603': 'China Telecom',
  '898611': 'China Telecom',
  '898601': 'China Unicom',
  '898606': 'China Unicom',
  '898609': 'China Unicom',
};

/** The carrier, from the plan name when it names one, else from the ICCID's issuer prefix. */
export function carrierOf(card: Pick<SimDeviceVO, 'price_plan_name' | 'iccid' | 'cid'>): Carrier {
  const plan = (card.price_plan_name ?? '').toLowerCase();
  if (/移动|mobile|cmcc/.test(plan)) return 'China Mobile';
  if (/电信|telecom|ctcc/.test(plan)) return 'China Telecom';
  if (/联通|unicom|cucc/.test(plan)) return 'China Unicom';
  const iccid = card.iccid || card.cid || '';
  return ICCID_CARRIERS[iccid.slice(0, 6)] ?? 'Unknown';
}
