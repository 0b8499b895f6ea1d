/**
 * What counts as a card identifier, in text a person typed (Find Card) or in any file (hovers,
 * links, the inline status, the language-model tools): the one home of these rules. Pure.
 *
 * The readings, chosen so a real device log survives them (long timestamps, hex dumps, decimals
 * and request ids are not taken for cards):
 *
 * - **ICCID**: 19 or 20 digits starting with 89 (ITU-T E.118: the telecom industry identifier)
 *   whose last digit is a valid Luhn check digit. A 20th character `F` (either case) is the
 *   filler some systems write after a 19-digit ICCID (the BCD padding of EF_ICCID); it is kept,
 *   upper-cased, and the 19 digits before it must pass the check. No other letter is accepted.
 * - **IMSI**: 15 digits starting with a mobile country code of the regions GSL serves: mainland
 *   China (460) and the eleven regions of its plans' `country_type` (gsl-api.md 2.3.1). IMSIs
 *   carry no check digit. These prefixes never start a device IMEI in practice (Chinese TACs
 *   start with 86, most others with 35, 01 or 99), so a number starting with one is an IMSI even
 *   when its last digit happens to pass the Luhn check.
 * - **IMEI**: any other 15 digits with a valid Luhn check digit.
 * - **MSISDN** (a candidate only: the fleet confirms it): a mainland number, 11 digits
 *   `1[3-9]…` (mobile) or 13 digits starting `14` or `1064` (IoT ranges), optionally written
 *   `+86…`. In a file nothing else is taken for one: 13-digit millisecond timestamps start with
 *   16 or 17, and 10-digit second timestamps are too short. Typed into Find Card, any 5–14
 *   digits (optionally after `+`) search the server, which matches them as part of a number.
 *
 * In a file an identifier stands on its own: no letter, digit, `_` or `+` directly before it, no
 * letter, digit or `_` directly after it, and no decimal point joining it to other digits.
 * Spaces or dashes inside a number are accepted only where a person types one (Find Card).
 */
import { luhnValid } from '../gsl/luhn';


export type IdentifierKind = 'iccid' | 'imsi' | 'imei' | 'msisdn';
export const IDENTIFIER_KINDS: readonly IdentifierKind[] = ['iccid', 'imsi', 'imei', 'msisdn'];

/** A recognised identifier, its value normalised (ICCID filler upper-cased, MSISDN national). */
export interface CardIdentifier {
  readonly kind: IdentifierKind;
  readonly value: string;
}

/** An identifier found in text: where it stands (UTF-16 offsets, end exclusive). */
export interface IdentifierMatch extends CardIdentifier {
  readonly start: number;
  readonly end: number;
}

/** Names of the kinds, as labels show them (English source text for `t`). */
export const IDENTIFIER_WORDS: Record<IdentifierKind, string> = { iccid: 'ICCID', imsi: 'IMSI', imei: 'IMEI', msisdn: 'MSISDN' };

/**
 * Mobile country codes of the regions GSL serves: mainland China (460) and its plans'
 * `country_type` regions: Hong Kong 454, Macao 455, Thailand 520, Japan 440/441, Cambodia 456,
 * Indonesia 510, Malaysia 502, Singapore 525, Sri Lanka 413, Taiwan 466, Bangladesh 470.
 */
export const IMSI_COUNTRY_CODES: readonly string[] = ['460', '454', '455', '520', '440', '441', '456', '510', '502', '525', '413', '466', '470'];


/** The ICCID in `s` (already without spaces), normalised; undefined when it is not one. */
export function iccidValue(s: string): string | undefined {
  if (!/^89\d{17,18}[Ff]?$/.test(s)) return undefined;
  const filler = /[Ff]$/.test(s);
  const digits = filler ? s.slice(0, -1) : s;
  // With the filler the ICCID has 19 digits; without it, 19 or 20.
  if (filler && digits.length !== 19) return undefined;
  return luhnValid(digits) ? (filler ? `${digits}F` : digits) : undefined;
}

export function isImsi(s: string): boolean {
  return /^\d{15}$/.test(s) && IMSI_COUNTRY_CODES.includes(s.slice(0, 3));
}

export function isImei(s: string): boolean {
  return /^\d{15}$/.test(s) && !isImsi(s) && luhnValid(s);
}

const MAINLAND_MSISDN = /^(?:1[3-9]\d{9}|14\d{11}|1064\d{9})$/;

/** A mainland MSISDN as the fleet keeps it (national, no country code); undefined when not one. */
export function msisdnValue(s: string): string | undefined {
  const national = s.startsWith('+86') ? s.slice(3) : s;
  return MAINLAND_MSISDN.test(national) ? national : undefined;
}

/**
 * One identifier standing alone (a hover's word, a tool's argument, a document's token): its
 * kind and normalised value, or undefined. Strict: MSISDNs only in the mainland shapes above.
 */
export function classifyIdentifier(text: string): CardIdentifier | undefined {
  const s = text.trim();
  const iccid = iccidValue(s);
  if (iccid) return { kind: 'iccid', value: iccid };
  if (isImsi(s)) return { kind: 'imsi', value: s };
  if (isImei(s)) return { kind: 'imei', value: s };
  const msisdn = msisdnValue(s);
  if (msisdn) return { kind: 'msisdn', value: msisdn };
  return undefined;
}

/** What Find Card does with typed text: an identifier, a partial MSISDN to search for, or nothing. */
export type TypedIdentifier = CardIdentifier | { kind: 'msisdn'; value: string; partial: true };

/**
 * Typed text (Find Card, the card picker): spaces and dashes from spreadsheets and labels are
 * dropped, then the rules above apply; anything else of 5–14 digits (optionally after `+`) is
 * taken as (part of) an MSISDN for the server to match.
 */
export function classifyTypedIdentifier(input: string): TypedIdentifier | undefined {
  const s = input.trim().replace(/[\s-]/g, '');
  const strict = classifyIdentifier(s);
  if (strict) return strict;
  if (/^\+?\d{5,14}$/.test(s)) return { kind: 'msisdn', value: s, partial: true };
  return undefined;
}

// Candidates: 11 to 20 digits, optionally after `+` and before an `F` filler, standing alone.
const CANDIDATE = /(?<![\p{L}\p{N}_+]|\d\.)\+?\d{11,20}[Ff]?(?![\p{L}\p{N}_]|\.\d)/gu;

/**
 * Every identifier in `text`, in order, at most `limit` of them (a huge file is read only up to
 * there; the rest is left unmarked rather than making the editor wait).
 */
export function findIdentifiers(text: string, limit = Number.POSITIVE_INFINITY): IdentifierMatch[] {
  const out: IdentifierMatch[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null && out.length < limit; m = CANDIDATE.exec(text)) {
    const id = classifyIdentifier(m[0]);
    if (id) out.push({ ...id, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** A stable key for caches and maps: the kind and the normalised value. */
export function identifierKey(id: CardIdentifier): string {
  return `${id.kind}:${id.value}`;
}

/** The fields of a card that can carry each kind of identifier. */
interface IdentifiedCard {
  iccid?: string | null;
  cid?: string | null;
  imsi?: string | null;
  imei?: string | null;
  msisdn?: string | null;
}

/** Whether `card` is the card `id` names: exact equality, never "contains" as the server's search matches. */
export function cardHasIdentifier(card: IdentifiedCard, id: CardIdentifier): boolean {
  switch (id.kind) {
    case 'iccid':
      // eSIM and vSIM cards are also known by their container id (EID or CID).
      return [card.iccid, card.cid].some((v) => typeof v === 'string' && v.toUpperCase() === id.value);
    case 'imsi':
      return card.imsi === id.value;
    case 'imei':
      return card.imei === id.value;
    case 'msisdn': {
      if (typeof card.msisdn !== 'string' || card.msisdn === '') return false;
      const own = card.msisdn.replace(/[\s-]/g, '');
      return own === id.value || msisdnValue(own) === id.value || (own.startsWith('86') && own.slice(2) === id.value);
    }
  }
}

/** Where and how identifiers in files are marked (the `simFleet.identifiers.*` settings). */
export interface IdentifierSettings {
  /** Hovers, links and the inline status at all. */
  enabled: boolean;
  /** Only in files of these language ids (empty: every language). */
  languages: readonly string[];
  /** Only in files matching one of these glob patterns (empty: every file, and the Output panel). */
  filePatterns: readonly string[];
  /** The card's status after each identifier in the line. */
  inlineStatus: boolean;
  /** How long an identifier no account holds is remembered as such, in milliseconds. */
  notFoundTtlMs: number;
}
