/**
 * Query strings the way the GSL API and the signer expect them: arrays as repeated keys,
 * booleans as true/false, undefined and null left out, and the same percent-encoding
 * the signer canonicalises with (space is %20, never +).
 */
import { encodeRfc3986 } from './signer';
import type { QueryPairs } from './signer';

export type QueryValue = string | number | boolean | bigint | null | undefined;
export type QueryInput = Readonly<Record<string, QueryValue | readonly QueryValue[]>>;

export function toQueryPairs(query: QueryInput | undefined): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (!query) return pairs;
  for (const [name, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? (value as readonly QueryValue[]) : [value as QueryValue];
    for (const v of values) {
      const s = render(v);
      if (s !== undefined) pairs.push([name, s]);
    }
  }
  return pairs;
}

function render(v: QueryValue): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  return String(v);
}

/** `a=1&b=x%20y`, in the given order; empty string when there are no pairs. */
export function encodeQuery(pairs: QueryPairs): string {
  return pairs.map(([n, v]) => `${encodeRfc3986(n)}=${encodeRfc3986(v)}`).join('&');
}
