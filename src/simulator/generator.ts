/**
 * Deterministic fleet generation: the same seed, size and day give the same cards, and any
 * one card can be generated alone from (seed, index), which is how the store serves a large
 * fleet without holding it (see store.ts).
 *
 * Dates are laid out relative to the start of the generation day (from the `now` clock), so
 * a demo fleet always looks current; everything else depends only on the seed and the index.
 * Usage (`flow_used`, daily and monthly figures) comes from the card's usage profile
 * (usage.ts), which also plants the cards that need attention.
 */
import type { SimDeviceVO, SimStatus, SimType } from '../gsl/models';
import type { Carrier, Plan } from './catalog';
import {
  ACCOUNT, DEVICE_MODELS, ICCID_PREFIXES, IMSI_PREFIXES, INITIAL_TAGS, INSTALLERS, MARKUP_ATTRIBUTE, MARKUP_NOTE,
  ICON_TAG_ID, MARKUP_TAG_ID, MSISDN_PREFIXES, SITES, basePlans,
} from './catalog';
import { DAY_MS, isoTime, startOfDay } from './dates';
import { luhnDigit } from '../gsl/luhn';
import { Rng, hash32, mixUnit } from './rng';
import type { UsageProfile } from './usage';
import { PLANTING, idleProfile, inUseProfile } from './usage';

/** A card as the simulator keeps it: the wire record plus what the wire does not show. */
export interface Card {
  /** Position in generation order; the default list order. */
  readonly index: number;
  /** Per-card seed for derived data (usage history, re-bound IMEIs). */
  readonly seed: number;
  readonly carrier: Carrier;
  planId: string;
  tagIds: string[];
  /** Which kind of pool `vo.sim_pool_id` names. */
  poolKind?: 'forward' | 'back';
  /** How the card uses data; fixed at generation, whatever happens to the card later. */
  readonly usage: UsageProfile;
  /** Planted to expire within the "expires soon" window. */
  readonly plantedExpiry: boolean;
  /** The record sent on the wire (ShowSimCard / ListSimCards item). */
  readonly vo: SimDeviceVO & { sim_card_id: string; iccid: string; cid: string; sim_status: SimStatus; sim_type: SimType };
}

export interface Batch {
  order_id: string;
  /** Cards of the batch are a contiguous index range. */
  from: number;
  to: number;
}

export interface PoolSeed {
  id: string;
  kind: 'forward' | 'back';
  pool_name: string;
  plan: Plan;
  /** Planted: its total is set so that this month's pace overruns it (forward pools only). */
  atRisk?: boolean;
}

/** Ids above 2^53 for every 37th card, so clients must keep ids as exact integers. */
const BIG_ID_EVERY = 37;
const BIG_ID_BASE = 9007199254740993n;
const ID_BASE = 4710226018477568;
const PLAN_INSTANCE_BASE = 5812345600000000;

export function cardId(index: number): string {
  if (index % BIG_ID_EVERY === 5) return (BIG_ID_BASE + BigInt(index) * 2n).toString();
  return String(ID_BASE + index * 4099);
}

/** The index whose `cardId` is `id` (a decimal string), if any: ids are found without a map. */
export function indexOfCardId(id: string): number | undefined {
  if (!/^\d{1,19}$/.test(id)) return undefined;
  const v = BigInt(id);
  let index: bigint;
  if (v >= BIG_ID_BASE) {
    if ((v - BIG_ID_BASE) % 2n !== 0n) return undefined;
    index = (v - BIG_ID_BASE) / 2n;
  } else {
    const off = v - BigInt(ID_BASE);
    if (off < 0n || off % 4099n !== 0n) return undefined;
    index = off / 4099n;
  }
  if (index > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  const i = Number(index);
  return cardId(i) === id ? i : undefined;
}

/**
 * The index a container id or ICCID names, if it has the generator's shape. ICCIDs carry the
 * index in characters 8–15, eSIM container ids after their 8-digit prefix, vSIM ids after
 * the "V"; the caller still checks the card it finds really has that id.
 */
export function indexOfContainer(ref: string): number | undefined {
  let m = /^\d{8}(\d{8})\d{3,4}$/.exec(ref);
  if (m) return Number(m[1]);
  m = /^89049032(\d{10})\d{14}$/.exec(ref);
  if (m) return Number(m[1]);
  m = /^V(\d{9})\d{6}$/.exec(ref);
  return m ? Number(m[1]) : undefined;
}

/**
 * A number that orders cards as their `cid` strings order, so sorting a large fleet by cid
 * needs no strings. Every cid is unique in its first characters (they hold the index), and the
 * three shapes differ in their first two: eSIM "8904…" < physical "8986…" < vSIM "V…".
 * A physical cid's first 16 digits (below 2^53) order them among themselves.
 */
export function cidOrderKey(card: Card): number {
  const cid = card.vo.cid;
  if (card.vo.sim_type === 3) return Number(cid.slice(0, 16));
  if (card.vo.sim_type === 2) return card.index;
  return 9e15 + card.index;
}

export function batchesFor(size: number): Batch[] {
  const count = Math.max(3, Math.ceil(size / 2000));
  const out: Batch[] = [];
  for (let b = 0; b < count; b++) {
    // The newest batch has an order id above 2^53 (the schema allows up to 9223372036854774784).
    const id = b === count - 1 ? '9223372036854770001' : String(5702790861700000 + b * 1000);
    out.push({ order_id: id, from: Math.floor((b * size) / count), to: Math.floor(((b + 1) * size) / count) });
  }
  return out;
}

export function poolsFor(): PoolSeed[] {
  const byId = (id: string) => basePlans(id === 'CM' ? 'CM' : 'CU', 3);
  return [
    { id: '4940000000000001', kind: 'forward', pool_name: 'Mobile shared pool A', plan: byId('CM')[1] },
    { id: '4940000000000002', kind: 'forward', pool_name: 'Unicom meters pool', plan: byId('CU')[1], atRisk: true },
    { id: '4940000000000003', kind: 'back', pool_name: 'Mobile post-paid pool', plan: byId('CM')[0] },
    { id: '4940000000000004', kind: 'back', pool_name: 'Unicom post-paid pool', plan: byId('CU')[0] },
  ];
}

/** Cards whose user-typed values carry markup, so UIs prove they escape them. */
export function isMarkupCard(index: number): boolean {
  return index === 3 || index === 7 || (index > 0 && index % 997 === 0);
}

function iccidFor(rng: Rng, carrier: Carrier, index: number): string {
  // Prefix (6) + year (2) + index (8, keeps ICCIDs unique) + filler, then the Luhn digit.
  const len = rng.chance(0.1) ? 19 : 20;
  const body = rng.pick(ICCID_PREFIXES[carrier]) + String(18 + (index % 7)).padStart(2, '0') + String(index).padStart(8, '0');
  const full = body + rng.digits(len - 1 - body.length);
  return full + luhnDigit(full);
}

export function imeiFrom(rng: Rng): string {
  const body = '86' + rng.digits(12);
  return body + luhnDigit(body);
}

const STATUS_MIX: ReadonlyArray<readonly [SimStatus, number]> = [[20, 68], [14, 10], [13, 7], [10, 5], [30, 6], [11, 4]];
// Tables read for every card, made once (a card is generated again each time it is listed).
const PHYSICAL_CARRIERS: ReadonlyArray<readonly [Carrier, number]> = [['CM', 50], ['CT', 30], ['CU', 20]];
const VIRTUAL_CARRIERS: ReadonlyArray<readonly [Carrier, number]> = [['CM', 60], ['CT', 40]];
const DEVICE_STATUS_MIX: ReadonlyArray<readonly [1 | 2 | 3 | 4, number]> = [[3, 60], [4, 25], [1, 10], [2, 5]];
const NETWORK_TYPES = ['4G', '4G', 'Cat.1', '5G'] as const;
const REBINDS_LEFT: ReadonlyArray<readonly [number, number]> = [[2, 85], [1, 10], [0, 5]];
const THRESHOLDS = [100, 500, 1024] as const;
const PLAIN_TAGS = INITIAL_TAGS.filter((t) => t.id !== MARKUP_TAG_ID && t.id !== ICON_TAG_ID);
const PLANS_FOR = new Map<string, Plan[]>();
const plansFor = (carrier: Carrier, simType: SimType): Plan[] => {
  const key = carrier + simType;
  let plans = PLANS_FOR.get(key);
  if (!plans) PLANS_FOR.set(key, (plans = basePlans(carrier, simType)));
  return plans;
};
const POOLS_FOR = new WeakMap<readonly PoolSeed[], Map<Carrier, PoolSeed[]>>();
const poolsOf = (pools: readonly PoolSeed[], carrier: Carrier): PoolSeed[] => {
  let byCarrier = POOLS_FOR.get(pools);
  if (!byCarrier) POOLS_FOR.set(pools, (byCarrier = new Map()));
  let list = byCarrier.get(carrier);
  if (!list) byCarrier.set(carrier, (list = pools.filter((p) => p.plan.carrier === carrier)));
  return list;
};
const SALT_EXPIRY = 11;
const SALT_EXPIRY_DAY = 12;
const TYPE_MIX: ReadonlyArray<readonly [SimType, number]> = [[3, 80], [2, 12], [1, 8]];
const SUSPEND_REASONS: ReadonlyArray<readonly [number, number]> = [[5, 50], [1, 20], [4, 15], [2, 5], [3, 4], [6, 3], [7, 3]];

export function generateCard(seed: number, index: number, batch: Batch, pools: readonly PoolSeed[], today: number): Card {
  const cardSeed = hash32(seed, 'card', index);
  const rng = new Rng(cardSeed);
  const simType = rng.weighted(TYPE_MIX);
  const carrier: Carrier = rng.weighted(simType === 3 ? PHYSICAL_CARRIERS : VIRTUAL_CARRIERS);
  let status = rng.weighted(STATUS_MIX);
  // 11 (inactive) exists only for non-physical cards.
  if (status === 11 && simType === 3) status = 13;
  const plan = rng.pick(plansFor(carrier, simType));
  const activated = status === 20 || status === 14 || status === 30;

  const iccid = iccidFor(rng, carrier, index);
  const cid = simType === 3 ? iccid : simType === 2 ? '89049032' + String(index).padStart(10, '0') + rng.digits(14) : 'V' + String(index).padStart(9, '0') + rng.digits(6);

  let operatorStatus = -1;
  if (status === 14) {
    operatorStatus = rng.weighted(SUSPEND_REASONS);
    if ((operatorStatus === 6 || operatorStatus === 7) && carrier !== 'CM') operatorStatus = 5;
  }

  // Activated at least 40 days ago, so this and last month's daily history are complete.
  const actMs = activated ? today - rng.int(40, 1000) * DAY_MS + rng.int(0, 86_399) * 1000 : undefined;
  // Expiry dates stay clear of the "expires soon" window unless the card is planted there.
  const clearOfWindow = today + PLANTING.ordinaryExpiryMinDays * DAY_MS;
  const plantedExpiry = status === 20 && mixUnit(cardSeed, SALT_EXPIRY) < PLANTING.expiresShare;
  let expireMs: number;
  if (actMs !== undefined) {
    // Expiry is 15:59:59 UTC, midnight in Beijing, on an anniversary of activation.
    expireMs = startOfDay(actMs) + 15 * 3_600_000 + 59 * 60_000 + 59_000;
    do expireMs += 365 * DAY_MS; while (expireMs < clearOfWindow && status === 20);
    if (status === 14 && expireMs >= today - DAY_MS && expireMs < clearOfWindow) expireMs += 365 * DAY_MS;
    if (status === 14 && operatorStatus === 4) expireMs = today - rng.int(1, 200) * DAY_MS + 57_599_000;
    if (status === 30) expireMs = today - rng.int(0, 50) * DAY_MS + 57_599_000;
  } else {
    expireMs = today + rng.int(180, 720) * DAY_MS + 57_599_000;
  }
  if (plantedExpiry) {
    const [a, b] = PLANTING.expiresInDays;
    expireMs = today + (a + Math.floor(mixUnit(cardSeed, SALT_EXPIRY_DAY) * (b - a + 1))) * DAY_MS + 57_599_000;
  }

  // The draws stay as they were, so every later field of the card is unchanged by the usage model.
  let used = 0;
  const total = plan.flow_total;
  let usage: UsageProfile;
  if (status === 20) {
    rng.weighted<0 | 1 | 2>([[0, 70], [1, 22], [2, 8]]);
    rng.next();
    usage = inUseProfile(cardSeed, total, actMs!, today);
    used = usage.monthHundredths / 100;
  } else {
    // Suspended cards: settled below, once the card's pool is known.
    if (status === 14) used = rng.next();
    else if (status === 10) used = Math.round(rng.next() * 2 * 100) / 100;
    usage = idleProfile(used, actMs, today);
  }

  const nonPhysical = simType !== 3;
  const dbm = nonPhysical ? -rng.int(60, 115) : undefined;

  let tagIds: string[] = [];
  if (rng.chance(0.4)) {
    const n = rng.int(1, 3);
    const set = new Set<string>();
    for (let i = 0; i < n; i++) set.add(rng.pick(PLAIN_TAGS).id);
    tagIds = [...set];
  }
  const markup = isMarkupCard(index);
  if (markup) tagIds = [MARKUP_TAG_ID, ICON_TAG_ID, ...tagIds.slice(0, 1)];

  let poolId: string | undefined;
  let poolKind: 'forward' | 'back' | undefined;
  if (simType === 3 && carrier !== 'CT' && activated && rng.chance(0.2)) {
    const pool = rng.pick(poolsOf(pools, carrier));
    poolId = pool.id;
    poolKind = pool.kind;
  }

  if (status === 14) {
    // Suspended cards use nothing this month, except those suspended this month for having
    // used their plan up. A pooled card shares its pool's data, so it was suspended before.
    used = operatorStatus === 1 && !poolId ? Math.round(total * (1.01 + used * 0.19) * 100) / 100 : 0;
    usage = idleProfile(used, actMs, today);
  }

  const hasAttrs = rng.chance(0.5);
  const vo: Card['vo'] = {
    sim_card_id: cardId(index),
    account_id: ACCOUNT.accountId,
    cid,
    sim_pool_id: poolId ?? null,
    imei: activated || status === 10 ? imeiFrom(rng) : null,
    sim_status: status,
    device_status: nonPhysical ? rng.weighted(DEVICE_STATUS_MIX) : null,
    device_model: nonPhysical ? rng.pick(DEVICE_MODELS) : null,
    act_date: actMs !== undefined ? isoTime(actMs) : null,
    device_status_date: nonPhysical ? isoTime(today - rng.int(0, 30 * 86_400) * 1000) : null,
    node_id: nonPhysical ? 'node-' + hash32(cardSeed, 'node').toString(16).padStart(8, '0') : null,
    iccid,
    network_type: plan.network_type === 2 ? 'NB-IoT' : rng.pick(NETWORK_TYPES),
    dbm: dbm !== undefined ? String(dbm) : null,
    signal_level: dbm !== undefined ? (dbm > -80 ? '3' : dbm > -95 ? '2' : '1') : null,
    sim_type: simType,
    tag_names: null,
    order_id: batch.order_id,
    expire_time: isoTime(expireMs),
    price_plan_name: plan.price_plan_name,
    sim_price_plan_id: String(PLAN_INSTANCE_BASE + index * 3),
    flow_left: Math.round((total - used) * 100) / 100,
    flow_used: used,
    operator_status: operatorStatus,
    msisdn: rng.pick(MSISDN_PREFIXES[carrier]) + rng.digits(9),
    imsi: IMSI_PREFIXES[carrier] + rng.digits(10),
    customer_attribute1: markup ? MARKUP_ATTRIBUTE : hasAttrs ? rng.pick(SITES) : null,
    customer_attribute2: hasAttrs ? rng.pick(INSTALLERS) : null,
    customer_attribute3: hasAttrs ? 'AT-' + String(index).padStart(6, '0') : null,
    customer_attribute4: markup ? MARKUP_NOTE : null,
    customer_attribute5: null,
    customer_attribute6: null,
    real_named: activated ? rng.chance(0.85) : false,
    cut_net_flag: carrier === 'CT' && status === 20 ? rng.chance(0.03) : false,
    exceed_cut_net_flag: false,
    exceed_cut_net_quota: null,
    imei_bind_remain_times: carrier === 'CT' ? rng.weighted(REBINDS_LEFT) : null,
    speed_value: carrier === 'CT' || carrier === 'CU' ? (rng.chance(0.1) ? 1024 : -1) : null,
  };
  if (carrier === 'CT' && status === 20 && rng.chance(0.05)) {
    vo.exceed_cut_net_flag = true;
    vo.exceed_cut_net_quota = rng.pick(THRESHOLDS);
  }
  return { index, seed: cardSeed, carrier, planId: plan.price_plan_id, tagIds, poolKind, usage, plantedExpiry, vo };
}

export interface Fleet {
  cards: Card[];
  batches: Batch[];
  pools: PoolSeed[];
}

export function generateFleet(seed: number, size: number, nowMs: number): Fleet {
  const today = startOfDay(nowMs);
  const batches = batchesFor(size);
  const pools = poolsFor();
  const cards: Card[] = new Array(size);
  let b = 0;
  for (let i = 0; i < size; i++) {
    while (i >= batches[b].to) b++;
    cards[i] = generateCard(seed, i, batches[b], pools, today);
  }
  return { cards, batches, pools };
}
