/**
 * What a person types or picks for a card action, and whether it will do: the speeds each carrier
 * offers, IMEIs, usage thresholds, tag and attribute names, attribute values and SMS text. Every
 * check returns the sentence to show (English source text for `t`, with its arguments) or nothing,
 * and runs before any request: bad input never reaches the service. Pure, unit-tested.
 */
import type { SimDeviceVO } from '../gsl/models';
import type { ActionInput, CardAction, CardState, Carrier } from './cardRules';
import { attributeKey, attributeValuesOf, carrierOf, needsInput, tagNamesOf } from './cardRules';

/** A sentence to show, before translation: `t(message, ...args)`. */
export interface Problem {
  message: string;
  args: Array<string | number>;
}

const problem = (message: string, ...args: Array<string | number>): Problem => ({ message, args });

// ---- speed limits (gsl-api.md 2.2.12) -------------------------------------------------------

export const KBPS_PER_MBPS = 1024;
/** −1 lifts the limit. */
export const NO_SPEED_LIMIT = -1;
const mbps = (...m: number[]) => m.map((x) => Math.round(x * KBPS_PER_MBPS));
/** China Telecom: 1, 64, 256, 512 Kbps and 1–150 Mbps in the documented steps. */
const TELECOM_KBPS: readonly number[] = [1, 64, 256, 512, ...mbps(1, 3, 5, 7, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150)];
/** China Unicom: 256, 512 Kbps and 1, 2, 7.25 Mbps; 7.25 Mbps is read as 7424 Kbps (1024-based). */
const UNICOM_KBPS: readonly number[] = [256, 512, ...mbps(1, 2, 7.25)];

/** The limits the carrier accepts, in Kbps, lowest first (without "no limit", which every carrier takes). */
export function speedValues(carrier: Carrier): readonly number[] {
  if (carrier === 'China Telecom') return TELECOM_KBPS;
  if (carrier === 'China Unicom') return UNICOM_KBPS;
  return [];
}

/** The limits every given carrier accepts: what one choice for a mixed selection can offer. */
export function commonSpeedValues(carriers: Iterable<Carrier>): number[] {
  let common: number[] | undefined;
  for (const c of carriers) {
    const values = speedValues(c);
    common = common === undefined ? [...values] : common.filter((v) => values.includes(v));
  }
  return common ?? [];
}

/** A limit as people read it: "1 Mbps", "7.25 Mbps", "512 Kbps" (units are not translated). Not for −1: see `formatSpeed`. */
export function speedText(kbps: number): string {
  if (kbps >= KBPS_PER_MBPS) return `${Math.round((kbps / KBPS_PER_MBPS) * 100) / 100} Mbps`;
  return `${kbps} Kbps`;
}

// ---- IMEI (15 digits, the last a Luhn check digit) ----------------------------------------

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function imeiProblem(text: string): Problem | undefined {
  const imei = text.trim();
  if (imei === '') return problem('Enter the device IMEI: 15 digits.');
  if (!/^\d+$/.test(imei)) return problem('An IMEI has digits only; remove the other characters.');
  if (imei.length !== 15) return problem('An IMEI has 15 digits; this one has {0}.', imei.length);
  if (!luhnValid(imei)) return problem('The last digit of this IMEI (its check digit) does not match the others; check the number on the device.');
  return undefined;
}

// ---- usage cut-off threshold (gsl-api.md 2.2.10) ---------------------------------------------

const INT32_MAX = 2147483647;

export function quotaProblem(text: string): Problem | undefined {
  const q = text.trim();
  if (/^(-1|0|[1-9]\d{0,9})$/.test(q) && Number(q) <= INT32_MAX) return undefined;
  return problem('Enter the threshold in MB as a whole number (for example 500), 0 to cut the network as soon as data is used, or -1 for no threshold.');
}

// ---- tags (gsl-api.md 2.5) -----------------------------------------------------------------

export const TAG_NAME_MAX = 32;
export const MAX_TAGS_PER_ACCOUNT = 10_000;
/** BatchSetTags takes at most 10 tag ids, so a card holds at most 10 tags. */
export const MAX_TAGS_PER_CARD = 10;
// eslint-disable-next-line no-control-regex -- control characters are what these refuse
export const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A new tag's name: 1–32 characters, not only spaces, no comma (cards list their tags joined by
 * commas, so a comma would split the name) and no control characters (line breaks, tabs).
 * `existing`: the account's tag names, to refuse a duplicate and the 10,000th-and-one tag.
 */
export function tagNameProblem(name: string, existing?: readonly string[]): Problem | undefined {
  const n = name.trim();
  if (n === '') return problem('Enter a tag name.');
  if (n.length > TAG_NAME_MAX) return problem('A tag name has at most {0} characters; this one has {1}.', TAG_NAME_MAX, n.length);
  if (n.includes(',')) return problem('A tag name cannot contain a comma: cards list their tags separated by commas.');
  if (CONTROL.test(n)) return problem('A tag name cannot contain line breaks, tabs or other control characters.');
  if (existing?.includes(n)) return problem('A tag named "{0}" already exists.', n);
  if (existing && existing.length >= MAX_TAGS_PER_ACCOUNT) return problem('The account already has {0} tags, the most it can hold; delete unused tags first.', MAX_TAGS_PER_ACCOUNT);
  return undefined;
}

/** Several new tag names typed at once, separated by commas (which names may not contain). */
export function splitTagNames(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter((s) => s !== ''))];
}

/** New tag names typed at once: each must be a valid name, and they must fit in the account. */
export function newTagNamesProblem(names: readonly string[], existing: readonly string[]): Problem | undefined {
  if (names.length === 0) return problem('Enter a tag name.');
  for (const n of names) {
    const p = tagNameProblem(n, existing);
    if (p) return p;
  }
  if (existing.length + names.length > MAX_TAGS_PER_ACCOUNT) {
    return problem('The account has room for {0} more tags; {1} were given.', MAX_TAGS_PER_ACCOUNT - existing.length, names.length);
  }
  return undefined;
}

// ---- custom attributes (gsl-api.md 2.6) ------------------------------------------------------

export const ATTRIBUTE_NAME_MAX = 32;
export const MAX_ATTRIBUTES = 6;
export const ATTRIBUTE_VALUE_MAX = 100;

/** The account cannot hold another custom attribute. */
export function attributeLimitProblem(count: number): Problem | undefined {
  return count >= MAX_ATTRIBUTES ? problem('The account already has {0} custom attributes, the most it can hold; rename one instead.', MAX_ATTRIBUTES) : undefined;
}

/**
 * A custom attribute's name: 1–32 characters, no control characters, not a name in use
 * (`existing`: the others' names), and, when `creating`, room for one more.
 */
export function attributeNameProblem(name: string, existing: readonly string[], creating: boolean): Problem | undefined {
  if (creating) {
    const full = attributeLimitProblem(existing.length);
    if (full) return full;
  }
  const n = name.trim();
  if (n === '') return problem('Enter a name for the custom attribute.');
  if (n.length > ATTRIBUTE_NAME_MAX) return problem('A custom attribute name has at most {0} characters; this one has {1}.', ATTRIBUTE_NAME_MAX, n.length);
  if (CONTROL.test(n)) return problem('A custom attribute name cannot contain line breaks, tabs or other control characters.');
  if (existing.includes(n)) return problem('A custom attribute named "{0}" already exists.', n);
  return undefined;
}

/** A custom attribute value: at most 100 characters, on one line. Empty clears the value. */
export function attributeValueProblem(value: string): Problem | undefined {
  if (value.length > ATTRIBUTE_VALUE_MAX) return problem('A custom attribute value has at most {0} characters; this one has {1}.', ATTRIBUTE_VALUE_MAX, value.length);
  if (CONTROL.test(value)) return problem('A custom attribute value cannot contain line breaks, tabs or other control characters.');
  return undefined;
}

// ---- SMS (gsl-api.md 2.7) -------------------------------------------------------------------

/**
 * The GSM 7-bit default alphabet (3GPP TS 23.038), and its extension table, whose characters take
 * two septets. Text with any other character is sent as UCS-2.
 */
const GSM7 = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM7_EXTENSION = new Set('^{}\\[~]|€\f');

/** One SMS holds 160 GSM 7-bit septets, or 70 UCS-2 characters. */
export const SMS_GSM7_MAX = 160;
export const SMS_UCS2_MAX = 70;

export interface SmsLength {
  encoding: 'gsm7' | 'ucs2';
  /** Septets (GSM 7-bit) or UTF-16 units (UCS-2) used. */
  used: number;
  limit: number;
}

export function smsLength(text: string): SmsLength {
  let septets = 0;
  for (const ch of text) {
    if (GSM7.has(ch)) septets += 1;
    else if (GSM7_EXTENSION.has(ch)) septets += 2;
    else return { encoding: 'ucs2', used: text.length, limit: SMS_UCS2_MAX };
  }
  return { encoding: 'gsm7', used: septets, limit: SMS_GSM7_MAX };
}

/**
 * SIM Fleet sends one SMS, never a message split over several: devices read an SMS as one
 * command, and a split message may arrive in pieces or out of order. So the text must fit one
 * message: 160 GSM 7-bit characters (a few, such as € and [ ], count as two), or 70 when it holds
 * any other character (Chinese, emoji, …).
 */
export function smsProblem(text: string): Problem | undefined {
  if (text.trim() === '') return problem('Enter the message text.');
  const len = smsLength(text);
  if (len.used <= len.limit) return undefined;
  return len.encoding === 'gsm7'
    ? problem('The message is {0} characters long; one SMS holds {1}. Shorten it.', len.used, len.limit)
    : problem('The message is {0} characters long; one SMS holding characters outside the GSM alphabet (such as Chinese) holds {1}. Shorten it.', len.used, len.limit);
}

// ---- what an input means for one card ----------------------------------------------------

/** Whether the input is complete and valid for the action; checked again after every prompt. */
export function inputProblem(action: CardAction, input: ActionInput): Problem | undefined {
  if (!needsInput(action)) return undefined;
  switch (action) {
    case 'setUsageCutoff':
      return quotaProblem(input.quotaMb ?? '');
    case 'limitSpeed':
      return input.kbps === undefined || !Number.isInteger(input.kbps) || input.kbps < NO_SPEED_LIMIT ? problem('Choose a speed limit.') : undefined;
    case 'bindImei':
      return input.bindType === 2 ? imeiProblem(input.imei ?? '') : undefined;
    case 'addTags':
    case 'removeTags':
      if (!input.tags?.length) return problem('Choose at least one tag.');
      if (input.tags.length > MAX_TAGS_PER_CARD) return problem('Choose at most {0} tags at a time.', MAX_TAGS_PER_CARD);
      return undefined;
    case 'setAttribute':
      if (input.slot === undefined) return problem('Choose a custom attribute.');
      return attributeValueProblem(input.value ?? '');
    case 'clearAttribute':
      return input.slot === undefined ? problem('Choose a custom attribute.') : undefined;
    case 'sendSms':
      return smsProblem(input.content ?? '');
    case 'switchNetwork':
      return input.carrierType === 1 || input.carrierType === 2 || input.carrierType === 3 ? undefined : problem('Choose the carrier to switch to.');
    case 'applySwitchPolicy':
      return input.policyId !== undefined && /^\d{1,19}$/.test(input.policyId) ? undefined : problem('Choose a switch policy.');
  }
}

/**
 * Why the input does not suit this card although the action does (so the card is not sent), or
 * nothing: a speed its carrier does not offer, a fixed rebind on a China Mobile card, tags it
 * already has or does not have, a value it already holds.
 */
export function inputSkipReason(action: CardAction, card: SimDeviceVO & CardState, input: ActionInput): Problem | undefined {
  switch (action) {
    case 'limitSpeed': {
      const kbps = input.kbps ?? NO_SPEED_LIMIT;
      if (kbps !== NO_SPEED_LIMIT && !speedValues(carrierOf(card)).includes(kbps)) return problem('Its carrier does not offer a limit of {0}.', speedText(kbps));
      return undefined;
    }
    case 'bindImei':
      return input.bindType === 2 && carrierOf(card) === 'China Mobile' ? problem('China Mobile cards can only be rebound to the device in use.') : undefined;
    case 'addTags': {
      const have = tagNamesOf(card);
      const wanted = input.tags ?? [];
      if (wanted.every((n) => have.includes(n))) return problem('It already has these tags.');
      if (new Set([...have, ...wanted]).size > MAX_TAGS_PER_CARD) return problem('A card holds at most {0} tags.', MAX_TAGS_PER_CARD);
      return undefined;
    }
    case 'removeTags':
      return (input.tags ?? []).some((n) => tagNamesOf(card).includes(n)) ? undefined : problem('It has none of these tags.');
    case 'setAttribute': {
      const now = card[attributeKey(input.slot ?? 0)] ?? '';
      return now === (input.value ?? '') ? problem('It already has this value.') : undefined;
    }
    case 'clearAttribute':
      return attributeValuesOf(card)[(input.slot ?? 0) - 1] === undefined ? problem('It has no value for this attribute.') : undefined;
    case 'switchNetwork':
      return card.threeNetwork?.online_carrier === input.carrierType ? problem('It is online with that carrier already.') : undefined;
    case 'applySwitchPolicy':
      return card.threeNetwork?.network_switch_policy_id === input.policyId ? problem('It has this policy already.') : undefined;
    case 'resume':
    case 'stop':
    case 'activate':
    case 'cutNetwork':
    case 'restoreNetwork':
    case 'setUsageCutoff':
    case 'cancelUsageCutoff':
    case 'checkRealName':
    case 'clearRealName':
    case 'sendSms':
      return undefined;
  }
}
