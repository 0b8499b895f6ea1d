/**
 * The actions a change plan can name, and what each line's `value` (and `attribute`) means for
 * it: one table, read by the file parser, the checker, the JSON schema (planSchema.ts, generated
 * from it) and the README's list. Every action of `CardAction` has a row (the type says so), so a
 * new card action cannot be missing from plans. What an input must be is still cardInputs.ts's
 * business: this table only turns the text of a line into an `ActionInput`. Pure.
 */
import type { ActionInput, CardAction } from '../cardRules';
import { ATTRIBUTE_SLOTS, CARD_ACTIONS } from '../cardRules';
import type { Problem } from '../cardInputs';
import { KBPS_PER_MBPS, NO_SPEED_LIMIT, splitTagNames } from '../cardInputs';

/** What the `value` of a line holds. */
export type PlanValueKind = 'none' | 'quota' | 'speed' | 'imei' | 'tags' | 'attributeValue' | 'sms' | 'carrier' | 'policy';

export interface PlanActionSpec {
  /** Other names a file may use for the action. */
  aliases: readonly string[];
  value: PlanValueKind;
  /** The line must give a value (an empty one is a problem). */
  valueRequired: boolean;
  /** The line names a custom attribute (by name, or slot 1–6). */
  attribute: boolean;
  /** What the action does, for the schema's completions (English; the schema is not translated). */
  description: string;
  /** What the value holds, for the schema and the README; absent when the action takes none. */
  valueDescription?: string;
}

export const PLAN_ACTIONS: Record<CardAction, PlanActionSpec> = {
  resume: { aliases: [], value: 'none', valueRequired: false, attribute: false, description: 'Resume a deactivated card (work order).' },
  stop: { aliases: [], value: 'none', valueRequired: false, attribute: false, description: 'Stop (deactivate) a card in use (work order).' },
  activate: { aliases: [], value: 'none', valueRequired: false, attribute: false, description: 'Activate a testable or activatable physical card (work order).' },
  cutNetwork: { aliases: ['networkOff'], value: 'none', valueRequired: false, attribute: false, description: 'Turn the network of a China Telecom card in use off (work order).' },
  restoreNetwork: { aliases: ['networkOn'], value: 'none', valueRequired: false, attribute: false, description: 'Turn the network of a China Telecom card back on (work order).' },
  setUsageCutoff: {
    aliases: [],
    value: 'quota',
    valueRequired: true,
    attribute: false,
    description: 'Cut the network once the card has used the threshold (work order).',
    valueDescription: 'The threshold in MB: a whole number, 0 to cut as soon as data is used, or -1 for no threshold.',
  },
  cancelUsageCutoff: { aliases: [], value: 'none', valueRequired: false, attribute: false, description: 'Cancel the usage cut-off (work order).' },
  limitSpeed: {
    aliases: [],
    value: 'speed',
    valueRequired: true,
    attribute: false,
    description: "Limit the card's speed to a value its carrier offers (work order).",
    valueDescription: 'The limit: "512 Kbps", "1 Mbps", "7.25 Mbps" (a bare number is Kbps), or "none" for no limit.',
  },
  bindImei: {
    aliases: [],
    value: 'imei',
    valueRequired: false,
    attribute: false,
    description: 'Rebind the card to a device (work order).',
    valueDescription: 'The device IMEI (15 digits, China Telecom only); empty: the device the card is in now.',
  },
  checkRealName: { aliases: [], value: 'none', valueRequired: false, attribute: false, description: 'Ask the carrier whether the card has real-name registration (a read; changes nothing).' },
  clearRealName: { aliases: [], value: 'none', valueRequired: false, attribute: false, description: 'Clear the real-name registration of a China Telecom card (work order; cannot be undone).' },
  switchNetwork: {
    aliases: [],
    value: 'carrier',
    valueRequired: true,
    attribute: false,
    description: 'Switch a three-network card in use to another carrier (work order).',
    valueDescription: 'The carrier to switch to: 1 or "China Mobile", 2 or "China Telecom", 3 or "China Unicom".',
  },
  applySwitchPolicy: {
    aliases: ['setSwitchPolicy'],
    value: 'policy',
    valueRequired: true,
    attribute: false,
    description: 'Apply a network switch policy to a three-network card in use (work order).',
    valueDescription: 'The policy id (digits), as Switch Policies lists it.',
  },
  addTags: {
    aliases: [],
    value: 'tags',
    valueRequired: true,
    attribute: false,
    description: "Add tags the account has to the card.",
    valueDescription: 'Tag names, separated by commas (quote the cell in a CSV), or a JSON array of names; at most 10.',
  },
  removeTags: { aliases: [], value: 'tags', valueRequired: true, attribute: false, description: 'Remove tags from the card.', valueDescription: 'Tag names, separated by commas (quote the cell in a CSV), or a JSON array of names.' },
  setAttribute: {
    aliases: [],
    value: 'attributeValue',
    valueRequired: false,
    attribute: true,
    description: 'Set a custom attribute of the card (named in `attribute`).',
    valueDescription: 'The value: at most 100 characters on one line (empty clears it).',
  },
  clearAttribute: { aliases: [], value: 'none', valueRequired: false, attribute: true, description: 'Clear a custom attribute of the card (named in `attribute`).' },
  sendSms: { aliases: [], value: 'sms', valueRequired: true, attribute: false, description: 'Send one SMS to a China Mobile or China Telecom card in use.', valueDescription: 'The message: one SMS, at most 160 characters (70 with Chinese or other characters outside the GSM alphabet).' },
};

/** Names (actions, column headers) as a file may write them: any case, with or without spaces, dashes or underscores. */
export const planNameKey = (s: string): string => s.toLowerCase().replace(/[\s_-]+/g, '');
const BY_NAME = new Map<string, CardAction>(CARD_ACTIONS.flatMap((a) => planActionNamesOf(a).map((n) => [planNameKey(n), a] as const)));

/** The names a file may use for an action, its own first. */
export function planActionNamesOf(action: CardAction): string[] {
  return [action, ...PLAN_ACTIONS[action].aliases];
}

/** Every name a file may use, each action's own before its aliases (the schema's enum). */
export function planActionNames(): string[] {
  return CARD_ACTIONS.flatMap(planActionNamesOf);
}

export function planAction(name: string): CardAction | undefined {
  return BY_NAME.get(planNameKey(name));
}

const problem = (message: string, ...args: Array<string | number>): Problem => ({ message, args });

/** A line's value as the file gave it: text, or a list (a JSON array of tag names). */
export interface PlanValue {
  text: string;
  items?: readonly string[];
}

/**
 * The speed a plan names, in Kbps (−1: no limit): "1 Mbps", "512 kbps", "7.25Mbps", "512", "none".
 * Undefined when it reads as no speed.
 */
export function readSpeed(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  if (/^(none|no limit|unlimited|-1|不限速)$/.test(s)) return NO_SPEED_LIMIT;
  const m = /^(\d+(?:\.\d+)?)\s*(kbps|k|mbps|m)?$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  const kbps = m[2]?.startsWith('m') ? Math.round(n * KBPS_PER_MBPS) : n;
  return Number.isInteger(kbps) ? kbps : undefined;
}

/**
 * The input a line asks for, from its value, before any check of what the input must be
 * (`inputProblem` does that) and without the attribute's slot (which depends on the account).
 */
export function readPlanInput(action: CardAction, value: PlanValue | undefined): { input: ActionInput } | { problem: Problem } {
  const spec = PLAN_ACTIONS[action];
  const text = value?.items ? value.items.join(',') : (value?.text ?? '');
  const empty = value === undefined || (value.items ? value.items.length === 0 : text.trim() === '');
  if (empty && spec.valueRequired) return { problem: valueMissing(action) };
  switch (spec.value) {
    case 'none':
      return empty ? { input: {} } : { problem: problem('This action takes no value; leave the value empty.') };
    case 'quota':
      return { input: { quotaMb: text.trim() } };
    case 'speed': {
      const kbps = readSpeed(text);
      return kbps === undefined ? { problem: problem('Write the speed limit as "512 Kbps", "1 Mbps" or "7.25 Mbps" (a bare number is Kbps), or "none" to lift the limit.') } : { input: { kbps } };
    }
    case 'imei':
      return empty ? { input: { bindType: 1 } } : { input: { bindType: 2, imei: text.trim() } };
    case 'tags':
      return { input: { tags: value?.items ? [...new Set(value.items.map((s) => s.trim()).filter((s) => s !== ''))] : splitTagNames(text) } };
    case 'attributeValue':
      return { input: { value: text } };
    case 'sms':
      return { input: { content: text } };
    case 'carrier': {
      const carrierType = readCarrier(text);
      return carrierType === undefined ? { problem: problem('Write the carrier as 1 (China Mobile), 2 (China Telecom) or 3 (China Unicom).') } : { input: { carrierType } };
    }
    case 'policy':
      return { input: { policyId: text.trim() } };
  }
}

/** A carrier as a plan names it: its number (1–3) or its name ("China Mobile", "mobile", "移动"). */
export function readCarrier(text: string): number | undefined {
  const s = text.trim().toLowerCase();
  if (/^[1-3]$/.test(s)) return Number(s);
  if (/^(china )?mobile$|^cmcc$|移动/.test(s)) return 1;
  if (/^(china )?telecom$|^ctcc$|电信/.test(s)) return 2;
  if (/^(china )?unicom$|^cucc$|联通/.test(s)) return 3;
  return undefined;
}

function valueMissing(action: CardAction): Problem {
  switch (PLAN_ACTIONS[action].value) {
    case 'quota':
      return problem('Give the threshold in MB as the value (for example 500), 0 to cut as soon as data is used, or -1 for no threshold.');
    case 'speed':
      return problem('Give the speed limit as the value: "512 Kbps", "1 Mbps", "7.25 Mbps", or "none".');
    case 'tags':
      return problem('Give the tag names as the value, separated by commas.');
    case 'sms':
      return problem('Give the message text as the value.');
    case 'carrier':
      return problem('Give the carrier to switch to as the value: 1 (China Mobile), 2 (China Telecom) or 3 (China Unicom).');
    case 'policy':
      return problem('Give the switch policy id as the value.');
    case 'none':
    case 'imei':
    case 'attributeValue':
      return problem('Give a value.');
  }
}

/** A custom attribute as a line names it: its slot (1–6) or its name. */
export type AttributeRef = { slot: number } | { name: string };

export function readAttributeRef(text: string): AttributeRef | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  const slot = /^(?:customer_attribute)?([1-6])$/i.exec(s);
  if (slot && (ATTRIBUTE_SLOTS as readonly number[]).includes(Number(slot[1]))) return { slot: Number(slot[1]) };
  return { name: s };
}
