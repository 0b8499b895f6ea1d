/**
 * The fleet filter and sort, and how they become ListSimCards query parameters: filtering and
 * sorting always run on the server. Pure, with the input validation the filter commands use.
 */
import { ATTRIBUTE_VALUE_MAX } from '../core/cardInputs';
import type { DeviceStatus, Id, ListSimCardsQuery, SimType, SortKey, SortOrder } from '../gsl/models';
import type { Translate } from '../core/translate';
import { DEVICE_STATUS_WORDS, SIM_TYPE_WORDS, word } from '../core/words';

export type AttributeSlot = 1 | 2 | 3 | 4 | 5 | 6;

/** main_search_type: 1 container id (ICCID/EID/CID), 2 batch (order) number, 3 device IMEI. */
export type SearchType = 1 | 2 | 3;

export interface MbRange {
  min?: number;
  max?: number;
}

export interface FleetFilter {
  simType?: SimType;
  deviceStatus?: DeviceStatus;
  /** Tag ids with their names (names only for the view description). */
  tags?: Array<{ id: Id; name: string }>;
  search?: { type: SearchType; key: string };
  msisdn?: string;
  usedMb?: MbRange;
  leftMb?: MbRange;
  realNamed?: boolean;
  attributes?: Partial<Record<AttributeSlot, string>>;
  /** Plans (ListProPricePlans ids) with their names (names only for the view description). */
  plans?: Array<{ id: string; name: string }>;
}

export interface FleetSort {
  key: SortKey;
  order: SortOrder;
}

export type CardListQuery = Omit<ListSimCardsQuery, 'limit' | 'offset'>;

export const MAX_MB = 2147483647;
export const MAX_TAGS = 10;

export function filterToQuery(filter: FleetFilter, sort?: FleetSort): CardListQuery {
  const q: CardListQuery = {};
  if (filter.simType !== undefined) q.sim_type = filter.simType;
  if (filter.deviceStatus !== undefined) q.device_status = filter.deviceStatus;
  if (filter.tags?.length) q.tag_id = filter.tags.map((tag) => tag.id);
  if (filter.search) {
    q.main_search_type = filter.search.type;
    q.main_search_key = filter.search.key;
  }
  if (filter.msisdn) q.msisdn = filter.msisdn;
  if (filter.usedMb?.min !== undefined) q.min_used_flow = filter.usedMb.min;
  if (filter.usedMb?.max !== undefined) q.max_used_flow = filter.usedMb.max;
  if (filter.leftMb?.min !== undefined) q.min_left_flow = filter.leftMb.min;
  if (filter.leftMb?.max !== undefined) q.max_left_flow = filter.leftMb.max;
  if (filter.realNamed !== undefined) q.real_named = filter.realNamed;
  for (const [slot, value] of Object.entries(filter.attributes ?? {})) {
    if (value) q[`customer_attribute${slot as `${AttributeSlot}`}`] = value;
  }
  if (filter.plans?.length) q.price_plan_id = filter.plans.map((p) => p.id);
  if (sort) {
    q.sort = sort.key;
    q.order = sort.order;
  }
  return q;
}

export function isFilterActive(filter: FleetFilter): boolean {
  return Object.keys(filterToQuery(filter)).length > 0;
}

const SEARCH_TYPE_WORDS: Record<SearchType, string> = { 1: 'ICCID', 2: 'Batch', 3: 'IMEI' };
export const SORT_KEY_WORDS: Record<SortKey, string> = {
  cid: 'Container id',
  flow_used: 'Data used',
  flow_left: 'Data left',
  act_date: 'Activation date',
  expire_time: 'Expiry date',
};

function rangeText(range: MbRange | undefined): string | undefined {
  if (!range || (range.min === undefined && range.max === undefined)) return undefined;
  if (range.max === undefined) return `≥ ${range.min} MB`;
  if (range.min === undefined) return `≤ ${range.max} MB`;
  return `${range.min}–${range.max} MB`;
}

/** The short text shown as the view's description while a filter or sort is active. */
export function describeFilter(filter: FleetFilter, sort: FleetSort | undefined, t: Translate): string {
  const parts: string[] = [];
  if (filter.simType !== undefined) parts.push(word(SIM_TYPE_WORDS, filter.simType, t));
  if (filter.deviceStatus !== undefined) parts.push(word(DEVICE_STATUS_WORDS, filter.deviceStatus, t));
  if (filter.tags?.length) parts.push(t('tags: {0}', filter.tags.map((tag) => tag.name).join(', ')));
  if (filter.search) parts.push(`${t(SEARCH_TYPE_WORDS[filter.search.type])}: ${filter.search.key}`);
  if (filter.msisdn) parts.push(`${t('MSISDN')}: ${filter.msisdn}`);
  const used = rangeText(filter.usedMb);
  if (used) parts.push(t('used {0}', used));
  const left = rangeText(filter.leftMb);
  if (left) parts.push(t('left {0}', left));
  if (filter.realNamed !== undefined) parts.push(filter.realNamed ? t('real-name registered') : t('not real-name registered'));
  for (const [slot, value] of Object.entries(filter.attributes ?? {})) {
    if (value) parts.push(`${t('Attribute {0}', slot)} = ${value}`);
  }
  if (filter.plans?.length) parts.push(t('plan: {0}', filter.plans.map((p) => p.name).join(', ')));
  if (sort) parts.push(`${t(SORT_KEY_WORDS[sort.key])} ${sort.order === 'asc' ? '↑' : '↓'}`);
  return parts.join(' · ');
}

/** Input-box validation: undefined when valid, else what to fix. Empty means "no bound". */
export function validateMb(input: string, t: Translate): string | undefined {
  const s = input.trim();
  if (s === '') return undefined;
  if (!/^\d+$/.test(s) || Number(s) > MAX_MB) return t('Enter a whole number of MB from 0 to {0}', MAX_MB);
  return undefined;
}

export function parseMb(input: string): number | undefined {
  const s = input.trim();
  return s === '' ? undefined : Number(s);
}

export function validateRange(range: MbRange, t: Translate): string | undefined {
  if (range.min !== undefined && range.max !== undefined && range.min > range.max) {
    return t('The minimum ({0} MB) is larger than the maximum ({1} MB); enter a minimum no larger than the maximum.', range.min, range.max);
  }
  return undefined;
}

export function validateSearchKey(type: SearchType, input: string, t: Translate): string | undefined {
  const s = input.trim();
  if (s === '') return t('Enter something to search for.');
  if (s.length > 128) return t('Enter at most {0} characters.', 128);
  if (type === 2 && !/^\d+$/.test(s)) return t('A batch number has digits only.');
  if (type === 3 && !/^\d{1,17}$/.test(s)) return t('Enter the IMEI (or its first digits): digits only, up to 17.');
  return undefined;
}

export function validateMsisdn(input: string, t: Translate): string | undefined {
  const s = input.trim();
  if (!/^\+?\d{1,32}$/.test(s) || s.replace('+', '').length > 32) {
    return t('Enter an MSISDN: digits only (an optional leading +), at most 32.');
  }
  return undefined;
}

export function validateAttributeValue(input: string, t: Translate): string | undefined {
  const s = input.trim();
  if (s === '') return t('Enter the value to match.');
  if (s.length > ATTRIBUTE_VALUE_MAX) return t('Enter at most {0} characters.', ATTRIBUTE_VALUE_MAX);
  return undefined;
}
