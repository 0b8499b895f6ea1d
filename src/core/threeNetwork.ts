/**
 * Three-network cards (ListSimDeviceMultiply, gsl-api.md 2.9, 3.10): the carrier numbers they use
 * and how a card's carriers read. Pure.
 */
import type { SimDeviceMultiplyVo } from '../gsl/models';
import type { Carrier } from './cardRules';
import type { Translate } from './translate';

/** Carrier numbers of SwitchNetwork and of switch policies: 1 China Mobile, 2 China Telecom, 3 China Unicom. */
export const CARRIER_OF_NUMBER: Record<1 | 2 | 3, Carrier> = { 1: 'China Mobile', 2: 'China Telecom', 3: 'China Unicom' };

/** A carrier number as words ("China Telecom"), or "Unknown (n)" so an unexpected value is still shown. */
export function carrierNumberWord(n: number | null | undefined, t: Translate): string {
  if (n === null || n === undefined) return t('Not available');
  if (n === 1 || n === 2 || n === 3) return t(CARRIER_OF_NUMBER[n]);
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
