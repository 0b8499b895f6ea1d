/**
 * Tells an ICCID, an IMEI and an MSISDN apart by their shape, for the find-card command. Pure.
 */
import type { CardListQuery } from './filter';
import type { Translate } from '../core/translate';

export type FindInput =
  | { kind: 'iccid'; value: string }
  | { kind: 'imei'; value: string }
  | { kind: 'msisdn'; value: string };

export function classifyFindInput(input: string): FindInput | undefined {
  // People paste numbers with spaces or dashes from spreadsheets and labels.
  const s = input.trim().replace(/[\s-]/g, '');
  // ICCID: 19–20 characters, digits, the last one may be a hex check/filler letter (often F).
  if (/^\d{18,19}[0-9A-Fa-f]$/.test(s)) return { kind: 'iccid', value: s.toUpperCase() };
  if (/^\d{15}$/.test(s)) return { kind: 'imei', value: s };
  if (/^\+?\d{5,14}$/.test(s)) return { kind: 'msisdn', value: s };
  return undefined;
}

export function validateFindInput(input: string, t: Translate): string | undefined {
  if (input.trim() === '') return t('Enter an ICCID, an MSISDN or an IMEI.');
  return classifyFindInput(input)
    ? undefined
    : t('Enter an ICCID (19–20 characters), an IMEI (15 digits) or an MSISDN (5–14 digits, optionally starting with +).');
}

export function findQuery(found: FindInput): CardListQuery {
  switch (found.kind) {
    case 'iccid':
      return { main_search_type: 1, main_search_key: found.value };
    case 'imei':
      return { main_search_type: 3, main_search_key: found.value };
    case 'msisdn':
      return { msisdn: found.value };
  }
}
