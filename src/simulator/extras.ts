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
      { id, sim_type: card.vo.sim_type, status: failed ? 3 : 1, cid: card.vo.cid, sim_card_id: card.vo.sim_card_id, create_time: isoTime(created), finish_time: finish, description: reason ?? 'success' },
    );
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

export function seedMultiply(store: FleetStore, policies: NetworkSwitchPolicyVo[], seed: number): SimDeviceMultiplyVo[] {
  const rng = new Rng(hash32(seed, 'multiply'));
  const out: SimDeviceMultiplyVo[] = [];
  for (let k = 0; k < 12; k++) {
    const policy = k % 3 === 0 ? undefined : policies[k % policies.length];
    out.push({
      sim_card_id: String(4720000000000001 + k * 7),
      cid: 'TN' + String(10_000_000 + k) + rng.digits(8),
      online_carrier: rng.int(1, 3),
      network_switch_policy_id: policy?.id ?? null,
      policy_name: policy?.policy_name ?? null,
      version: k % 4 === 0 ? 2 : 1,
      iccid_mobile: iccid(rng, ICCID_PREFIXES.CM[0], k),
      iccid_unicom: iccid(rng, ICCID_PREFIXES.CU[0], k),
      iccid_telcom: iccid(rng, ICCID_PREFIXES.CT[0], k),
      order_id: store.batches[0]?.order_id,
    });
  }
  return out;
}
