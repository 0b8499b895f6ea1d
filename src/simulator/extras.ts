/**
 * The smaller datasets around the fleet: past work orders and SMS, three-network cards and
 * switch policies. Deterministic from the seed, like the fleet.
 */
import type { NetworkSwitchPolicyVo, SimDeviceMultiplyVo } from '../gsl/models';
import type { SmsRecord } from './context';
import type { Card } from './generator';
import type { FleetStore } from './store';
import type { WorkOrderBook } from './workOrders';
import { ICCID_PREFIXES } from './catalog';
import { isMarkupCard } from './generator';
import { isoTime } from './dates';
import { luhnDigit } from '../gsl/luhn';
import { Rng, hash32 } from './rng';

const HOUR_MS = 3_600_000;

export function seedHistory(store: FleetStore, book: WorkOrderBook, seed: number, nowMs: number): void {
  if (store.size === 0) return;
  const rng = new Rng(hash32(seed, 'history'));
  const count = Math.min(40, Math.ceil(store.size / 20));
  const types = [4, 5, 10, 13, 15, 11, 12];
  for (let k = 0; k < count; k++) {
    const card = store.card(rng.int(0, store.size - 1));
    const created = nowMs - (count - k) * 17 * HOUR_MS - rng.int(0, 3600) * 1000;
    const failed = rng.chance(0.1);
    const id = String(8800000000000001 + k);
    const finish = isoTime(created + rng.int(60, 7200) * 1000);
    const reason = failed ? 'The carrier rejected the request; please retry later' : null;
    book.addHistory(
      {
        id,
        sim_type: card.vo.sim_type,
        work_order_type: rng.pick(types),
        req_detail: `{"sim_card_id":${card.vo.sim_card_id}}`,
        total_count: 1,
        success_count: failed ? 0 : 1,
        fail_count: failed ? 1 : 0,
        process_count: 0,
        status: failed ? 6 : 4,
        create_time: isoTime(created),
        finish_time: finish,
        fail_reason: reason,
        response: failed ? null : 'success',
        work_order_source: 2,
        work_order_source_desc: 'Customer via console',
      },
      [{ id, sim_type: card.vo.sim_type, status: failed ? 3 : 1, cid: card.vo.cid, sim_card_id: card.vo.sim_card_id, create_time: isoTime(created), finish_time: finish, description: reason ?? 'success' }],
    );
  }
  const ids: OrderIds = { next: 8800000000100001n };
  seedBatchHistory(store, book, ids, seed, nowMs);
  seedLifeStory(store, book, ids, nowMs);
  // Orders list newest first by creation, whatever order they were seeded in.
  book.sortByCreation();
}

/** `work_order_source` (gsl-api.md 3.6) and the text the service gives with it. */
const SOURCES: Record<number, string> = {
  1: 'Operations staff',
  2: 'Customer via console',
  3: 'Automation rule',
  4: 'Next-month auto-resume of a backward pool',
  5: 'Scheduled stop of cards without data',
  6: 'Scheduled stop of expired cards',
  7: 'Scheduled pool stop',
  8: 'Customer via API',
};

interface PastOrder {
  type: number;
  source: number;
  createdMs: number;
  /** The cards, and the reason of each line that failed. */
  lines: Array<{ card: Card; failure?: string }>;
  /** 4 completed (the default), 5 cancelled, 6 failed, 7 review rejected. */
  status?: 4 | 5 | 6 | 7;
  failReason?: string;
}

/** Ids of the past orders seeded here, counted per simulator. */
interface OrderIds {
  next: bigint;
}

/** A finished order from before the simulator started, with one line per card. */
function addPastOrder(book: WorkOrderBook, ids: OrderIds, o: PastOrder): string {
  const id = (ids.next++).toString();
  const failed = o.lines.filter((l) => l.failure !== undefined).length;
  const status = o.status ?? (failed === o.lines.length ? 6 : 4);
  const finishMs = o.createdMs + 40 * 60_000;
  const ended = status === 5 || status === 7;
  const first = o.lines[0].card.vo;
  book.addHistory(
    {
      id,
      sim_type: first.sim_type,
      work_order_type: o.type,
      req_detail: o.lines.length === 1 ? `{"sim_card_id":${first.sim_card_id}}` : `{"sim_card_count":${o.lines.length}}`,
      total_count: o.lines.length,
      success_count: ended ? 0 : o.lines.length - failed,
      fail_count: ended ? o.lines.length : failed,
      process_count: 0,
      status,
      create_time: isoTime(o.createdMs),
      finish_time: isoTime(finishMs),
      fail_reason: status === 4 ? null : (o.failReason ?? o.lines.find((l) => l.failure)?.failure ?? null),
      response: status === 4 ? 'success' : null,
      work_order_source: o.source,
      work_order_source_desc: SOURCES[o.source],
    },
    o.lines.map(({ card, failure }) => ({
      id,
      sim_type: card.vo.sim_type,
      status: ended || failure !== undefined ? 3 : 1,
      cid: card.vo.cid,
      sim_card_id: card.vo.sim_card_id,
      create_time: isoTime(o.createdMs),
      finish_time: isoTime(finishMs),
      description: ended ? (o.failReason ?? null) : (failure ?? 'success'),
    })),
  );
  return id;
}

/**
 * Batch orders from every origin over the last two months (console, operations staff,
 * automation rules, scheduled stops): several cards a line each, some lines failed, so the
 * Work Orders view and a card's history are not all single-card API orders.
 */
function seedBatchHistory(store: FleetStore, book: WorkOrderBook, ids: OrderIds, seed: number, nowMs: number): void {
  const rng = new Rng(hash32(seed, 'batch-history'));
  // Each kind of batch takes cards in the status its result left them in.
  const kinds: Array<{ type: number; source: number; status: readonly number[]; failure?: string }> = [
    { type: 1, source: 2, status: [20] },
    { type: 6, source: 4, status: [20] },
    { type: 7, source: 3, status: [14], failure: 'The card has an unfinished work order' },
    { type: 7, source: 5, status: [14] },
    { type: 7, source: 6, status: [14] },
    { type: 19, source: 3, status: [20, 14] },
    { type: 22, source: 1, status: [20, 14] },
    { type: 23, source: 2, status: [30] },
    { type: 8, source: 1, status: [20] },
  ];
  const byStatus = new Map<number, Card[]>();
  for (let i = 0; i < Math.min(store.size, 4000); i++) {
    const s = store.statusOf(i);
    const list = byStatus.get(s) ?? [];
    if (list.length < 200) list.push(store.card(i));
    byStatus.set(s, list);
  }
  const orders = Math.min(16, Math.ceil(store.size / 50));
  for (let k = 0; k < orders; k++) {
    const kind = kinds[k % kinds.length];
    const pool = kind.status.flatMap((s) => byStatus.get(s) ?? []);
    if (pool.length === 0) continue;
    const size = Math.min(pool.length, rng.int(3, 30));
    const start = rng.int(0, pool.length - size);
    const lines = pool.slice(start, start + size).map((card) => ({ card, failure: kind.failure && rng.chance(0.15) ? kind.failure : undefined }));
    const cancelled = k === 5;
    addPastOrder(book, ids, {
      type: kind.type,
      source: kind.source,
      createdMs: nowMs - (60 - k * 3.5) * 24 * HOUR_MS - rng.int(0, 3600) * 1000,
      lines,
      status: cancelled ? 5 : undefined,
      failReason: cancelled ? 'Cancelled by operations staff' : undefined,
    });
  }
}

/**
 * The card whose whole life the history shows, from activation on, through orders of every
 * origin (planted: `PlantedTruth.history`): the first China Telecom physical card in use with
 * no markup in its values.
 */
export function lifeCardIndex(store: FleetStore): number | undefined {
  for (let i = 0; i < store.size; i++) {
    if (store.statusOf(i) !== 20 || store.simTypeOf(i) !== 3 || isMarkupCard(i)) continue;
    if (store.card(i).carrier === 'CT') return i;
  }
  return undefined;
}

/** The orders in the life card's history, oldest first: what each did, where it came from and how it ended. */
export const LIFE_STORY: ReadonlyArray<{ type: number; source: number; daysAgo: number; failure?: string; with?: number }> = [
  { type: 10, source: 2, daysAgo: 200 },
  { type: 5, source: 6, daysAgo: 120 },
  { type: 4, source: 2, daysAgo: 119 },
  { type: 15, source: 8, daysAgo: 60 },
  { type: 13, source: 1, daysAgo: 30, failure: 'The device did not answer the rebind request' },
  { type: 7, source: 3, daysAgo: 10, with: 9 },
  { type: 6, source: 2, daysAgo: 9, with: 9 },
];

function seedLifeStory(store: FleetStore, book: WorkOrderBook, ids: OrderIds, nowMs: number): void {
  const i = lifeCardIndex(store);
  if (i === undefined) return;
  const card = store.card(i);
  // Its neighbours in use share its batch orders.
  const others: Card[] = [];
  for (let j = i + 1; j < store.size && others.length < 9; j++) if (store.statusOf(j) === 20 && store.simTypeOf(j) === 3 && !isMarkupCard(j)) others.push(store.card(j));
  for (const step of LIFE_STORY) {
    const lines = [{ card, failure: step.failure }, ...others.slice(0, step.with ?? 0).map((c) => ({ card: c }))];
    addPastOrder(book, ids, { type: step.type, source: step.source, createdMs: nowMs - step.daysAgo * 24 * HOUR_MS, lines });
  }
}

export function seedSms(store: FleetStore, seed: number, nowMs: number): SmsRecord[] {
  const rng = new Rng(hash32(seed, 'sms'));
  const eligible: Card[] = [];
  for (let i = 0; i < store.size && eligible.length < 200; i++) {
    if (store.statusOf(i) !== 20) continue;
    const c = store.card(i);
    if (c.carrier !== 'CU') eligible.push(c);
  }
  const out: SmsRecord[] = [];
  const texts = ['REBOOT', 'APN=cmiot;RESTART', 'REPORT STATUS', 'SET INTERVAL 300', '固件升级通知'];
  for (let k = 0; k < Math.min(20, eligible.length); k++) {
    const c = rng.pick(eligible);
    const sentMs = nowMs - (20 - k) * 5 * HOUR_MS;
    out.push({ cid: c.vo.cid, msisdn: c.vo.msisdn ?? undefined, sent_time: isoTime(sentMs), received_time: null, sms_status: 2, sms_content: rng.pick(texts), sentMs });
  }
  return out;
}

export const SYSTEM_POLICIES = (nowMs: number): NetworkSwitchPolicyVo[] => [
  { id: '3300000000000001', policy_name: 'Strongest signal', preferred_carrier: 4, least_preferred_carrier: 3, optimal_signal: true, auto_switch: true, weak_signal_switch: true, version: 1, switch_order: '1,2,3', blacklist: 0, create_time: isoTime(nowMs - 400 * 86_400_000), modify_time: isoTime(nowMs - 400 * 86_400_000), status: 1, type: 0, used: true },
  { id: '3300000000000002', policy_name: 'Mobile first, Telecom fallback', preferred_carrier: 1, least_preferred_carrier: 3, optimal_signal: false, auto_switch: true, weak_signal_switch: false, connect_ip: '114.114.114.114', version: 2, switch_order: '1,2,3', blacklist: 0, create_time: isoTime(nowMs - 200 * 86_400_000), modify_time: isoTime(nowMs - 100 * 86_400_000), status: 1, type: 0, used: false },
];

function iccid(rng: Rng, prefix: string, k: number): string {
  const body = prefix + '23' + String(90_000_000 + k) + rng.digits(3);
  return body + luhnDigit(body);
}

/** Carrier numbers of three-network cards and switch policies: 1 China Mobile, 2 China Telecom, 3 China Unicom. */
const CARRIER_NUMBER = { CM: 1, CT: 2, CU: 3 } as const;

/**
 * Three-network cards are cards of the fleet (ListSimCards lists them too, and every card
 * operation takes their `sim_card_id`): physical cards in use, a few per hundred. Each has an
 * ICCID per carrier; the one of its own carrier is the card's ICCID, and that carrier is online.
 */
export function seedMultiply(store: FleetStore, policies: NetworkSwitchPolicyVo[], seed: number): SimDeviceMultiplyVo[] {
  const rng = new Rng(hash32(seed, 'multiply'));
  const out: SimDeviceMultiplyVo[] = [];
  const wanted = Math.min(24, Math.floor(store.size / 40));
  for (let i = rng.int(0, 19); i < store.size && out.length < wanted; i += rng.int(10, 50)) {
    if (store.simTypeOf(i) !== 3 || store.statusOf(i) !== 20) continue;
    const card = store.card(i);
    const k = out.length;
    const policy = k % 3 === 0 ? undefined : policies[k % policies.length];
    const own = (carrier: 'CM' | 'CT' | 'CU') => (card.carrier === carrier ? card.vo.iccid : iccid(rng, ICCID_PREFIXES[carrier][0], k));
    out.push({
      sim_card_id: card.vo.sim_card_id,
      cid: card.vo.cid,
      online_carrier: CARRIER_NUMBER[card.carrier],
      network_switch_policy_id: policy?.id ?? null,
      policy_name: policy?.policy_name ?? null,
      version: k % 4 === 0 ? 2 : 1,
      iccid_mobile: own('CM'),
      iccid_unicom: own('CU'),
      iccid_telcom: own('CT'),
      order_id: card.vo.order_id ?? undefined,
    });
  }
  return out;
}
