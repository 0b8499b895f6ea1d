/**
 * Find Card's reading of typed text, and the server query for it. The shapes come from the core
 * (`classifyTypedIdentifier`), the same rules the hovers and links use, so a number Find accepts
 * is one the editor marks and the other way round. Pure.
 */
import type { CardListQuery } from './filter';
import type { CardIdentifier, TypedIdentifier } from '../core/identifiers';
import { classifyTypedIdentifier } from '../core/identifiers';
import type { Translate } from '../core/translate';

export type FindInput = TypedIdentifier;

export function classifyFindInput(input: string): FindInput | undefined {
  return classifyTypedIdentifier(input);
}

export function validateFindInput(input: string, t: Translate): string | undefined {
  if (input.trim() === '') return t('Enter an ICCID, an IMSI, an MSISDN or an IMEI.');
  return classifyFindInput(input)
    ? undefined
    : t('Enter an ICCID (19–20 digits starting with 89, valid check digit), an IMSI or IMEI (15 digits), or an MSISDN (5–14 digits, optionally starting with +).');
}

/**
 * The ListSimCards search for an identifier, when the API has one: container id (ICCID),
 * device IMEI or MSISDN. The API cannot search by IMSI (gsl-api.md 2.2.1); an IMSI is found by
 * reading the fleet (fleet/cardLookup.ts).
 */
export function findQuery(found: CardIdentifier | FindInput): CardListQuery | undefined {
  switch (found.kind) {
    case 'iccid':
      return { main_search_type: 1, main_search_key: found.value };
    case 'imei':
      return { main_search_type: 3, main_search_key: found.value };
    case 'msisdn':
      return { msisdn: found.value };
    case 'imsi':
      return undefined;
  }
}
