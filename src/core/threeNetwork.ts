/**
 * Three-network cards and network-switch policies (ListSimDeviceMultiply, gsl-api.md 2.9, 3.10):
 * the carrier numbers they use, how a card's carriers read, the carriers a card can switch to,
 * and every check a new switch policy must pass before it is sent (AddNetworkSwitchPolicy). Pure;
 * each check returns the sentence to show (English source text for `t`) or nothing.
 */
import type { GslApi } from '../gsl/api';
import type { Id, NetworkSwitchPolicyDto, NetworkSwitchPolicyVo, SimDeviceMultiplyVo } from '../gsl/models';
import type { Problem } from './cardInputs';
import { CONTROL } from './cardInputs';
import type { Carrier, ThreeNetworkInfo } from './cardRules';
import type { Translate } from './translate';

/** One card's three-network record (ListSimDeviceMultiply by card id), or undefined when it is not one. */
export async function readThreeNetworkRecord(client: Pick<GslApi, 'listSimDeviceMultiply'>, cardId: Id): Promise<SimDeviceMultiplyVo | undefined> {
  const page = await client.listSimDeviceMultiply({ sim_card_id: cardId, limit: 10, offset: 1 });
  return page.sim_cards.find((c) => c.sim_card_id === cardId);
}

/** Carrier numbers of SwitchNetwork and of policies. */
export const THREE_NETWORK_CARRIERS = [1, 2, 3] as const;
export type CarrierNumber = (typeof THREE_NETWORK_CARRIERS)[number];
/** `preferred_carrier` may also be 4: whichever carrier the card used last. */
export const LAST_USED_CARRIER = 4;

export function isCarrierNumber(n: unknown): n is CarrierNumber {
  return n === 1 || n === 2 || n === 3;
}

/** The carriers the cards can be switched to: every carrier but the one they are all online with already. */
export function switchTargets(cards: ReadonlyArray<{ threeNetwork?: ThreeNetworkInfo }>): CarrierNumber[] {
  const online = new Set(cards.map((c) => c.threeNetwork?.online_carrier));
  return THREE_NETWORK_CARRIERS.filter((n) => !(online.size === 1 && online.has(n)));
}

/** Carrier numbers of SwitchNetwork and of switch policies: 1 China Mobile, 2 China Telecom, 3 China Unicom. */
export const CARRIER_OF_NUMBER: Record<CarrierNumber, Carrier> = { 1: 'China Mobile', 2: 'China Telecom', 3: 'China Unicom' };

/** A carrier number as words ("China Telecom"), or "Unknown (n)" so an unexpected value is still shown. */
export function carrierNumberWord(n: number | null | undefined, t: Translate): string {
  if (n === null || n === undefined) return t('Not available');
  if (isCarrierNumber(n)) return t(CARRIER_OF_NUMBER[n]);
  if (n === LAST_USED_CARRIER) return t('The carrier used last');
  return `${t('Unknown')} (${n})`;
}

/** The card's ICCID with each carrier, in carrier-number order (those the service gave). */
export function iccidsByCarrier(info: SimDeviceMultiplyVo): Array<[1 | 2 | 3, string]> {
  const all: Array<[1 | 2 | 3, string | undefined]> = [
    [1, info.iccid_mobile],
    [2, info.iccid_telcom],
    [3, info.iccid_unicom],
  ];
  return all.filter((e): e is [1 | 2 | 3, string] => !!e[1]);
}

// ---- a new switch policy (AddNetworkSwitchPolicy) -------------------------------------------

const problem = (message: string, ...args: Array<string | number>): Problem => ({ message, args });

/** Policy names are shown in the policy lists and picks; the simulator, like the console, takes at most 64 characters. */
export const POLICY_NAME_MAX = 64;

/** A policy name as typed: trimmed, at most 64 characters (the service's limit), on one line, not one the account has. */
export function policyNameProblem(name: string, existing: readonly string[] = []): Problem | undefined {
  const n = name.trim();
  if (n === '') return problem('Enter a name for the policy.');
  if (n.length > POLICY_NAME_MAX) return problem('A policy name has at most {0} characters; this one has {1}.', POLICY_NAME_MAX, n.length);
  if (CONTROL.test(n)) return problem('A policy name cannot contain line breaks, tabs or other control characters.');
  if (existing.includes(n)) return problem('A policy named "{0}" already exists.', n);
  return undefined;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/** An IPv6 address: eight groups, or fewer with one `::`; an IPv4 tail is allowed. */
function isIpv6(s: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || s.split('::').length > 2) return false;
  let groups = s.split(':');
  const tail = groups[groups.length - 1];
  let extra = 0;
  if (tail.includes('.')) {
    if (!IPV4.test(tail)) return false;
    groups = groups.slice(0, -1);
    extra = 2;
  }
  const filled = groups.filter((g) => g !== '');
  if (!filled.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return s.includes('::') ? filled.length + extra <= 7 : filled.length + extra === 8;
}

/** The address the connection-delay strategy pings: an IPv4 or IPv6 address; empty leaves that strategy off. */
export function connectIpProblem(text: string): Problem | undefined {
  const ip = text.trim();
  if (ip === '' || IPV4.test(ip) || isIpv6(ip)) return undefined;
  return problem('Enter the address to ping as an IPv4 address (such as 114.114.114.114) or an IPv6 address, or leave it empty.');
}

/** The carriers in switch order, "1,2,3": two or three distinct carrier numbers separated by commas; empty: no order. */
export function switchOrderProblem(text: string): Problem | undefined {
  const s = text.replace(/\s+/g, '');
  if (s === '') return undefined;
  const parts = s.split(',');
  if (parts.some((p) => !/^[1-3]$/.test(p))) return problem('Write the switch order as carrier numbers 1 (China Mobile), 2 (China Telecom) and 3 (China Unicom) separated by commas, such as 1,2,3.');
  if (new Set(parts).size !== parts.length) return problem('Name each carrier once in the switch order.');
  if (parts.length < 2) return problem('A switch order names at least two carriers.');
  return undefined;
}

/** The switch order as the API takes it, spaces removed ("1,2,3"); undefined when empty. */
export function normalizeSwitchOrder(text: string): string | undefined {
  const s = text.replace(/\s+/g, '');
  return s === '' ? undefined : s;
}

/**
 * Everything AddNetworkSwitchPolicy needs, checked together before the one request (gsl-api.md
 * 2.9, 3.10, 4.1): a version (1 SDK edition, 2 SDK-less), a name, carriers that exist, preferred
 * and least-preferred carriers that differ (GSL.00015032), weak-signal switching or a
 * connection-delay address (GSL.00015033), a switch order in the right form, and a blacklisted
 * carrier that is not the preferred one.
 */
export function switchPolicyProblem(dto: NetworkSwitchPolicyDto, existingNames: readonly string[] = []): Problem | undefined {
  if (dto.version !== 1 && dto.version !== 2) return problem('Choose the edition the policy is for: the SDK edition (1) or the SDK-less edition (2).');
  const name = policyNameProblem(dto.policy_name ?? '', existingNames);
  if (name) return name;
  const preferred = dto.preferred_carrier;
  const least = dto.least_preferred_carrier;
  if (preferred !== undefined && !isCarrierNumber(preferred) && preferred !== LAST_USED_CARRIER) return problem('Choose the preferred carrier.');
  if (least !== undefined && !isCarrierNumber(least)) return problem('Choose the least-preferred carrier.');
  if (preferred !== undefined && preferred === least) return problem('The preferred and the least-preferred carrier must differ.');
  const ip = connectIpProblem(dto.connect_ip ?? '');
  if (ip) return ip;
  if (!dto.weak_signal_switch && !(dto.connect_ip ?? '').trim()) return problem('Turn on switching on a weak signal, or give an address to ping for switching on connection delay: a policy needs one of them.');
  const order = switchOrderProblem(dto.switch_order ?? '');
  if (order) return order;
  if (dto.blacklist !== undefined && dto.blacklist !== 0) {
    if (!isCarrierNumber(dto.blacklist)) return problem('Choose the carrier to keep off, or none.');
    if (dto.blacklist === preferred) return problem('The carrier kept off cannot be the preferred carrier.');
  }
  return undefined;
}

/** One line about a policy for lists and picks: its carriers, strategies and order. */
export function policySummary(p: NetworkSwitchPolicyVo, t: Translate): string {
  const parts: string[] = [];
  if (p.preferred_carrier !== undefined) parts.push(t('prefers {0}', carrierNumberWord(p.preferred_carrier, t)));
  if (p.least_preferred_carrier !== undefined) parts.push(t('least {0}', carrierNumberWord(p.least_preferred_carrier, t)));
  if (p.weak_signal_switch) parts.push(t('switches on a weak signal'));
  if (p.connect_ip) parts.push(t('pings {0}', p.connect_ip));
  if (p.switch_order) parts.push(t('order {0}', p.switch_order));
  if (p.blacklist) parts.push(t('keeps off {0}', carrierNumberWord(p.blacklist, t)));
  parts.push(p.version === 2 ? t('SDK-less edition') : t('SDK edition'));
  return parts.join(' · ');
}
