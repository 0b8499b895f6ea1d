/**
 * What a card allows: which action applies to which status, card type, carrier and carrier state,
 * where it leads, and the request that carries it out (gsl-api.md 2.2, 2.5–2.7, 5.1–5.3). The
 * tree's menus, the commands, the detail panel, the batch from a list and any other surface ask
 * this module; none keeps a copy of the rule.
 */
import type { CallOptions, GslApi } from '../gsl/api';
import type { Id, SimDeviceMultiplyVo, SimDeviceVO, SimStatus, WorkOrderResponse } from '../gsl/models';

/**
 * Every action SIM Fleet offers on a card. Lifecycle (reset, stop, enable), the network and
 * device operations that create work orders, the real-name check (a read), and the batch APIs
 * (tags, custom attributes, SMS), which answer at once and create no work order.
 */
export type CardAction =
  | 'resume'
  | 'stop'
  | 'activate'
  | 'cutNetwork'
  | 'restoreNetwork'
  | 'setUsageCutoff'
  | 'cancelUsageCutoff'
  | 'limitSpeed'
  | 'bindImei'
  | 'checkRealName'
  | 'clearRealName'
  | 'switchNetwork'
  | 'applySwitchPolicy'
  | 'addTags'
  | 'removeTags'
  | 'setAttribute'
  | 'clearAttribute'
  | 'sendSms';

/** The actions that need nothing besides the cards: no threshold, value, tag or text to ask for. */
const NO_INPUT_ACTIONS = ['resume', 'stop', 'activate', 'cutNetwork', 'restoreNetwork', 'cancelUsageCutoff', 'checkRealName', 'clearRealName'] as const;
/** The actions that ask for something besides the cards. */
export type InputAction = Exclude<CardAction, (typeof NO_INPUT_ACTIONS)[number]>;

export function needsInput(action: CardAction): action is InputAction {
  return !(NO_INPUT_ACTIONS as readonly CardAction[]).includes(action);
}

/** Menu order. */
export const CARD_ACTIONS: readonly CardAction[] = [
  'resume',
  'stop',
  'activate',
  'cutNetwork',
  'restoreNetwork',
  'setUsageCutoff',
  'cancelUsageCutoff',
  'limitSpeed',
  'bindImei',
  'checkRealName',
  'clearRealName',
  'switchNetwork',
  'applySwitchPolicy',
  'addTags',
  'removeTags',
  'setAttribute',
  'clearAttribute',
  'sendSms',
];

/** The three lifecycle actions, which move a card between status groups. */
export const LIFECYCLE_ACTIONS: readonly CardAction[] = ['resume', 'stop', 'activate'];

/**
 * How an action reaches the service: one request per card answered with a work order; one read
 * per card; or a batch API taking up to 500 cards a request and answering at once.
 */
export type ActionKind = 'workOrder' | 'read' | 'batch';

/**
 * What ListSimDeviceMultiply says of a three-network card (gsl-api.md 3.10): the carrier it is
 * online with and its switch policy. A card has it only once it is known to be one.
 */
export type ThreeNetworkInfo = Pick<SimDeviceMultiplyVo, 'online_carrier' | 'network_switch_policy_id' | 'policy_name'>;

/** The state of a card the rules read (a record, or part of one in tests), with its three-network record when it is known to be one. */
export type CardState = Partial<SimDeviceVO> & { threeNetwork?: ThreeNetworkInfo };

/** A card record as the runner holds it: the list's record, with its three-network record when known. */
export type CardRecord = SimDeviceVO & { threeNetwork?: ThreeNetworkInfo };

/** The card with its three-network record (unchanged when it has none: not a three-network card, or not known). */
export function withThreeNetwork<T extends CardState>(card: T, info: ThreeNetworkInfo | undefined): T {
  if (!info) return card;
  return { ...card, threeNetwork: { online_carrier: info.online_carrier, network_switch_policy_id: info.network_switch_policy_id, policy_name: info.policy_name } };
}

export type Carrier = 'China Mobile' | 'China Telecom' | 'China Unicom' | 'Unknown';

interface ActionRule {
  kind: ActionKind;
  /** Statuses the action starts from (what a card picker for it lists). */
  from: readonly SimStatus[];
  /** The status the card reaches when the work order completes; absent: it keeps its status. */
  to?: SimStatus;
  physicalOnly?: boolean;
  /** Carriers whose cards accept it; absent: any. */
  carriers?: readonly Carrier[];
  /** The card's own state must also allow it (flags, pool, re-binds left, …). */
  when?: (card: CardState) => boolean;
  /** Three-network cards only (ListSimDeviceMultiply lists the card). */
  threeNetwork?: true;
  /** Why `when` refuses a card, when one reason says it. */
  blocked?: keyof typeof BLOCKED_REASONS;
}

/**
 * China Mobile cards suspended for a violation (6) or a device/SIM separation (7) must be
 * rebound, not resumed.
 */
const NOT_RESUMABLE = [6, 7] as const;
const EVERY_STATUS: readonly SimStatus[] = [10, 11, 13, 14, 20, 30];
/** Cards that were activated and are not dismantled: their network and device can be managed. */
const ACTIVATED: readonly SimStatus[] = [20, 14];
const MAINLAND: readonly Carrier[] = ['China Mobile', 'China Telecom', 'China Unicom'];

/** Usage-threshold cuts: China Telecom cards, and China Unicom / China Mobile cards in a pool (2.2.10). */
function usageCutoffCarrier(card: CardState): boolean {
  const carrier = carrierOf(card);
  return carrier === 'China Telecom' || ((carrier === 'China Unicom' || carrier === 'China Mobile') && !!card.sim_pool_id);
}

const RULES: Record<CardAction, ActionRule> = {
  resume: { kind: 'workOrder', from: [14], to: 20, when: (c) => !(NOT_RESUMABLE as readonly number[]).includes(c.operator_status ?? -1), blocked: 'notResumable' },
  stop: { kind: 'workOrder', from: [20], to: 14 },
  activate: { kind: 'workOrder', from: [10, 13], to: 20, physicalOnly: true },
  // StartStopNet: China Telecom only (2.2.9). A cut card can be restored while in use or suspended.
  cutNetwork: { kind: 'workOrder', from: [20], carriers: ['China Telecom'], when: (c) => c.cut_net_flag !== true },
  restoreNetwork: { kind: 'workOrder', from: ACTIVATED, carriers: ['China Telecom'], when: (c) => c.cut_net_flag === true },
  // SetExceedCutNet: setting again changes the threshold; cancelling needs one set.
  setUsageCutoff: { kind: 'workOrder', from: ACTIVATED, when: usageCutoffCarrier },
  cancelUsageCutoff: { kind: 'workOrder', from: ACTIVATED, when: (c) => usageCutoffCarrier(c) && c.exceed_cut_net_flag === true },
  // SetSpeedValue: physical China Telecom and China Unicom cards; Unicom only with real-name registration (2.2.12).
  limitSpeed: { kind: 'workOrder', from: ACTIVATED, physicalOnly: true, carriers: ['China Telecom', 'China Unicom'], when: (c) => carrierOf(c) !== 'China Unicom' || c.real_named === true, blocked: 'unicomSpeedNeedsRealName' },
  // RegisterImei: China Telecom (two a month, `imei_bind_remain_times`) and China Mobile (2.2.11).
  // It is also how a China Mobile card suspended for a device/SIM separation comes back.
  bindImei: { kind: 'workOrder', from: ACTIVATED, carriers: ['China Telecom', 'China Mobile'], when: (c) => carrierOf(c) !== 'China Telecom' || (c.imei_bind_remain_times ?? 0) > 0, blocked: 'noRebindsLeft' },
  // ShowRealNamed: a real-time look-up at a mainland carrier, physical cards (2.2.7).
  checkRealName: { kind: 'read', from: [10, 13, 14, 20], physicalOnly: true, carriers: MAINLAND },
  // DeleteRealName: China Telecom only (2.2.8); offered where there is a registration to clear.
  clearRealName: { kind: 'workOrder', from: ACTIVATED, carriers: ['China Telecom'], when: (c) => c.real_named === true },
  // SwitchNetwork and SetNetworkSwitchPolicy: three-network cards in use (2.9); both answer with a work order.
  switchNetwork: { kind: 'workOrder', from: [20], threeNetwork: true },
  applySwitchPolicy: { kind: 'workOrder', from: [20], threeNetwork: true },
  // Tags and custom attributes: every card (the console's batch settings cover all cards).
  addTags: { kind: 'batch', from: EVERY_STATUS },
  removeTags: { kind: 'batch', from: EVERY_STATUS, when: (c) => tagNamesOf(c).length > 0 },
  setAttribute: { kind: 'batch', from: EVERY_STATUS },
  clearAttribute: { kind: 'batch', from: EVERY_STATUS, when: (c) => attributeValuesOf(c).some((v) => v !== undefined) },
  // SendSms: China Mobile and China Telecom cards in use (2.7).
  sendSms: { kind: 'batch', from: [20], carriers: ['China Mobile', 'China Telecom'] },
};

/** Verbs as menus and buttons show them (English source text for `t`). */
export const ACTION_WORDS: Record<CardAction, string> = {
  resume: 'Resume',
  stop: 'Stop',
  activate: 'Activate',
  cutNetwork: 'Turn Network Off',
  restoreNetwork: 'Turn Network On',
  setUsageCutoff: 'Set Usage Cut-off',
  cancelUsageCutoff: 'Cancel Usage Cut-off',
  limitSpeed: 'Limit Speed',
  bindImei: 'Rebind Device (IMEI)',
  checkRealName: 'Check Real-Name',
  clearRealName: 'Clear Real-Name',
  switchNetwork: 'Switch Network',
  applySwitchPolicy: 'Apply Switch Policy',
  addTags: 'Add Tags',
  removeTags: 'Remove Tags',
  setAttribute: 'Set Attribute',
  clearAttribute: 'Clear Attribute',
  sendSms: 'Send SMS',
};
/** Nouns for sentences such as "{0} completed" (English source text for `t`). */
export const ACTION_NOUNS: Record<CardAction, string> = {
  resume: 'resume',
  stop: 'stop',
  activate: 'activation',
  cutNetwork: 'network cut',
  restoreNetwork: 'network restore',
  setUsageCutoff: 'usage cut-off',
  cancelUsageCutoff: 'usage cut-off cancellation',
  limitSpeed: 'speed limit',
  bindImei: 'device rebind',
  checkRealName: 'real-name check',
  clearRealName: 'real-name clearing',
  switchNetwork: 'network switch',
  applySwitchPolicy: 'switch policy change',
  addTags: 'tagging',
  removeTags: 'tag removal',
  setAttribute: 'attribute change',
  clearAttribute: 'attribute clearing',
  sendSms: 'SMS',
};

export function isPhysical(card: Pick<SimDeviceVO, 'sim_type'>): boolean {
  return card.sim_type === 3;
}

export function actionKind(action: CardAction): ActionKind {
  return RULES[action].kind;
}

/** Whether the action applies to the card as it is now (a running work order aside: see `offeredActions`). */
export function actionApplies(action: CardAction, card: CardState): boolean {
  return whyNotApplicable(action, card) === undefined;
}

/** The actions the card's state allows, in menu order. */
export function applicableActions(card: CardState): CardAction[] {
  return CARD_ACTIONS.filter((a) => actionApplies(a, card));
}

/**
 * What every surface offers: the applicable actions, except that while a work order this window
 * started for the card is running, no action that starts another is offered (the service would
 * refuse it); reads and the batch APIs (tags, attributes, SMS) stay.
 */
export function offeredActions(card: CardState, pending: boolean): CardAction[] {
  const all = applicableActions(card);
  return pending ? all.filter((a) => RULES[a].kind !== 'workOrder') : all;
}

export function actionOffered(action: CardAction, card: CardState, pending: boolean): boolean {
  return actionApplies(action, card) && !(pending && RULES[action].kind === 'workOrder');
}

/** Whether the action needs the card's three-network record (so the account's three-network cards are read first). */
export function needsThreeNetwork(action: CardAction): boolean {
  return RULES[action].threeNetwork === true;
}

/** Statuses in which the action can apply: what a card picker for it lists. */
export function actionStatuses(action: CardAction): readonly SimStatus[] {
  return RULES[action].from;
}

/** The status a card reaches when the action's work order completes (its own status for the others). */
export function targetStatus(action: CardAction, card?: Pick<SimDeviceVO, 'sim_status'>): SimStatus | undefined {
  return RULES[action].to ?? card?.sim_status;
}

/** Why a card cannot take an action it otherwise might (English source text), for the panel's note. */
export const BLOCKED_REASONS = {
  notResumable: 'This card cannot be resumed: the carrier suspended it for a violation or a device/SIM separation. Rebind the device instead.',
  noRebindsLeft: 'No device rebinds are left for this card this month: China Telecom allows two a month.',
  unicomSpeedNeedsRealName: 'China Unicom limits speed only on cards with personal real-name registration.',
  notThreeNetwork: 'Only three-network cards can switch carrier or take a switch policy, and this card is not known to be one.',
} as const;

/** Every reason that keeps an action from a card in the status it starts from, in the order shown. */
export function actionBlockedReasons(card: CardState): string[] {
  // The rules' own `when` decides; a reason is shown once, in BLOCKED_REASONS' order.
  const now = new Set<string>();
  for (const [action, rule] of Object.entries(RULES) as Array<[CardAction, ActionRule]>) {
    if (rule.blocked && whyNotApplicable(action, card)?.why === 'state') now.add(rule.blocked);
  }
  return (Object.keys(BLOCKED_REASONS) as Array<keyof typeof BLOCKED_REASONS>).filter((k) => now.has(k)).map((k) => BLOCKED_REASONS[k]);
}

/** The first of `actionBlockedReasons`, if any. */
export function actionBlockedReason(card: CardState): string | undefined {
  return actionBlockedReasons(card)[0];
}

/** What the person chose for an action that needs more than the card (validated by cardInputs.ts). */
export interface ActionInput {
  /** setUsageCutoff: the threshold in MB as the API takes it ("-1", "0" or a positive whole number). */
  quotaMb?: string;
  /** limitSpeed: Kbps, −1 for no limit. */
  kbps?: number;
  /** bindImei: 1 forget the old device and bind the one in use, 2 bind the IMEI given. */
  bindType?: 1 | 2;
  imei?: string;
  /** addTags, removeTags: tag names. */
  tags?: string[];
  /** setAttribute, clearAttribute: the attribute's slot, 1–6 (customer_attribute1…6). */
  slot?: number;
  /** setAttribute: the value (an empty value clears it). */
  value?: string;
  /** sendSms: the message. */
  content?: string;
  /** switchNetwork: the carrier to go online with (1 China Mobile, 2 China Telecom, 3 China Unicom). */
  carrierType?: number;
  /** applySwitchPolicy: the policy to attach, and its name (for the question and the summary). */
  policyId?: Id;
  policyName?: string;
}

export type WorkOrderClient = Pick<
  GslApi,
  'resetSimCard' | 'stopSimCard' | 'enableSimCard' | 'startStopNet' | 'setExceedCutNet' | 'setSpeedValue' | 'registerImei' | 'deleteRealName' | 'switchNetwork' | 'setNetworkSwitchPolicy'
>;

/**
 * The one request that carries a work-order action out on one card. Mutations are never retried
 * (the client does not retry them either); `down_up_switch` is the client's business.
 */
export function sendCardAction(client: WorkOrderClient, action: CardAction, card: Pick<SimDeviceVO, 'sim_card_id'>, input: ActionInput = {}, opts?: CallOptions): Promise<WorkOrderResponse> {
  const ref = { sim_card_id: card.sim_card_id };
  switch (action) {
    case 'resume':
      return client.resetSimCard(ref, undefined, opts);
    case 'stop':
      return client.stopSimCard(ref, undefined, opts);
    case 'activate':
      return client.enableSimCard(ref, opts);
    case 'cutNetwork':
      return client.startStopNet(ref, { action: 'ADD' }, opts);
    case 'restoreNetwork':
      return client.startStopNet(ref, { action: 'DEL' }, opts);
    case 'setUsageCutoff':
      return client.setExceedCutNet(ref, { action: 1, quota: required(input.quotaMb, 'quotaMb') }, opts);
    case 'cancelUsageCutoff':
      return client.setExceedCutNet(ref, { action: 2 }, opts);
    case 'limitSpeed':
      return client.setSpeedValue(ref, { speed_value: required(input.kbps, 'kbps') }, opts);
    case 'bindImei': {
      const bindType = input.bindType ?? 1;
      return client.registerImei(ref, bindType === 2 ? { bind_type: 2, imei: required(input.imei, 'imei') } : { bind_type: 1 }, opts);
    }
    case 'clearRealName':
      return client.deleteRealName(ref, opts);
    case 'switchNetwork':
      return client.switchNetwork(card.sim_card_id, { carrier_type: required(input.carrierType, 'carrierType') }, opts);
    case 'applySwitchPolicy':
      return client.setNetworkSwitchPolicy(card.sim_card_id, { network_switch_policy_id: required(input.policyId, 'policyId') }, opts);
    case 'checkRealName':
    case 'addTags':
    case 'removeTags':
    case 'setAttribute':
    case 'clearAttribute':
    case 'sendSms':
      return Promise.reject(new Error(`${action} does not create a work order`));
  }
}

function required<T>(v: T | undefined, name: string): T {
  if (v === undefined) throw new Error(`The action needs ${name}.`);
  return v;
}

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
export function carrierOf(card: Pick<CardState, 'price_plan_name' | 'iccid' | 'cid'>): Carrier {
  const plan = (card.price_plan_name ?? '').toLowerCase();
  if (/移动|mobile|cmcc/.test(plan)) return 'China Mobile';
  if (/电信|telecom|ctcc/.test(plan)) return 'China Telecom';
  if (/联通|unicom|cucc/.test(plan)) return 'China Unicom';
  const iccid = card.iccid || card.cid || '';
  return ICCID_CARRIERS[iccid.slice(0, 6)] ?? 'Unknown';
}

/**
 * A card's tags by name: `tag_names` holds them joined by commas (a reading of the API; tag names
 * may therefore not contain commas, see cardInputs.ts).
 */
export function tagNamesOf(card: Pick<CardState, 'tag_names'>): string[] {
  return (card.tag_names ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export const ATTRIBUTE_SLOTS = [1, 2, 3, 4, 5, 6] as const;
export type AttributeSlot = (typeof ATTRIBUTE_SLOTS)[number];
export type AttributeKey = `customer_attribute${AttributeSlot}`;

export function attributeKey(slot: number): AttributeKey {
  return `customer_attribute${slot}` as AttributeKey;
}

/** The card's custom attribute values by slot (index 0 is slot 1); empty values are undefined. */
export function attributeValuesOf(card: CardState): Array<string | undefined> {
  return ATTRIBUTE_SLOTS.map((n) => {
    const v = card[attributeKey(n)];
    return typeof v === 'string' && v !== '' ? v : undefined;
  });
}

/**
 * Why an action does not apply to a card as it is now, in the order the rules are read: its
 * status, its card type, its carrier, then its own state (flags, pool, rebinds left, …; with the
 * blocked reason when one is known). Undefined when the action applies. The words are the
 * caller's (a change plan's diagnostics say it in a sentence).
 */
export type NotApplicable =
  | { why: 'status'; from: readonly SimStatus[] }
  | { why: 'physicalOnly' }
  | { why: 'carrier'; carriers: readonly Carrier[] }
  | { why: 'state'; blocked?: (typeof BLOCKED_REASONS)[keyof typeof BLOCKED_REASONS] };

export function whyNotApplicable(action: CardAction, card: CardState): NotApplicable | undefined {
  const rule = RULES[action];
  if (card.sim_status === undefined || !rule.from.includes(card.sim_status)) return { why: 'status', from: rule.from };
  if (rule.physicalOnly && !isPhysical(card)) return { why: 'physicalOnly' };
  if (rule.carriers && !rule.carriers.includes(carrierOf(card))) return { why: 'carrier', carriers: rule.carriers };
  if (rule.threeNetwork && !card.threeNetwork) return { why: 'state', blocked: BLOCKED_REASONS.notThreeNetwork };
  if (rule.when && !rule.when(card)) return { why: 'state', blocked: rule.blocked && BLOCKED_REASONS[rule.blocked] };
  return undefined;
}

/**
 * Whether the card already shows what the action would bring about (a change plan skips such a
 * line, and a request whose answer was lost is known to have been carried out): true or false,
 * or undefined when the card's record cannot tell (a read, an SMS, a rebind to the device in use).
 */
export function alreadyDone(action: CardAction, card: CardState, input: ActionInput = {}): boolean | undefined {
  switch (action) {
    case 'resume':
    case 'activate':
      return card.sim_status === 20;
    case 'stop':
      return card.sim_status === 14;
    case 'cutNetwork':
      return card.cut_net_flag === true;
    case 'restoreNetwork':
      return card.cut_net_flag !== true;
    case 'setUsageCutoff':
      return card.exceed_cut_net_flag === true && input.quotaMb !== undefined && String(card.exceed_cut_net_quota ?? '') === input.quotaMb;
    case 'cancelUsageCutoff':
      return card.exceed_cut_net_flag !== true;
    case 'limitSpeed': {
      const now = card.speed_value ?? -1;
      return input.kbps !== undefined && (now === input.kbps || (input.kbps < 0 && now < 0));
    }
    case 'bindImei':
      return input.bindType === 2 && input.imei !== undefined ? card.imei === input.imei : undefined;
    case 'clearRealName':
      return card.real_named === false;
    case 'switchNetwork':
      return card.threeNetwork && input.carrierType !== undefined ? card.threeNetwork.online_carrier === input.carrierType : undefined;
    case 'applySwitchPolicy':
      return card.threeNetwork && input.policyId !== undefined ? card.threeNetwork.network_switch_policy_id === input.policyId : undefined;
    case 'addTags':
      return (input.tags ?? []).every((n) => tagNamesOf(card).includes(n));
    case 'removeTags':
      return !(input.tags ?? []).some((n) => tagNamesOf(card).includes(n));
    case 'setAttribute':
      return input.slot !== undefined && (card[attributeKey(input.slot)] ?? '') === (input.value ?? '');
    case 'clearAttribute':
      return input.slot !== undefined && attributeValuesOf(card)[input.slot - 1] === undefined;
    case 'checkRealName':
    case 'sendSms':
      return undefined;
  }
}
