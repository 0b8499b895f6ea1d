/**
 * JSON with int64 ids kept exact.
 *
 * GSL ids are int64 and real ones can exceed 2^53, where `JSON.parse` silently rounds.
 * We carry ids as decimal strings: on parse, an integer under an id key (`id`, `*_id`) or
 * inside an id-array key (`*_ids`) becomes a string with every digit it had in the text;
 * on stringify, a decimal string under such a key is written back as a bare number.
 */

/** The one definition of an id key, shared by parse and stringify. */
function isIdKey(key: string): boolean {
  return key === 'id' || key.endsWith('_id');
}

function isIdArrayKey(key: string): boolean {
  return key.endsWith('_ids');
}

// Anchored on the literal `_id"` / `"id"` so the engine can skip ahead fast. A `"` followed
// by `:` can only close a key, never a value, so text inside strings is never touched.
const SCALAR_ID = /(_id|"id)"(\s*:\s*)(-?\d+)(?![\d.eE])/g;
const LONG_ID = /(?:_id|"id)"\s*:\s*(-?\d{16,})(?![\d.eE])/g;
const ARRAY_ID = /"([a-z0-9_]*_ids)"(\s*:\s*)\[([-\d\s,]*)\]/g;
const EXACT_LIMIT = 2 ** 53;

/**
 * Parse JSON text, turning id integers into decimal strings. Throws SyntaxError on bad JSON.
 *
 * The fast way, for responses: `JSON.parse` the text as it is, then turn id numbers into
 * strings. Ids below 2^53 are exact as numbers; the digits of longer ones are read from the
 * text beforehand and found again by the double they round to. Rewriting the text instead
 * (quoting every id before parsing) costs about twice `JSON.parse` on a 500-card page.
 * The rewrite remains for what the fast way cannot tell apart: id arrays, and two long ids
 * that round to the same double.
 */
export function parseJson(text: string): unknown {
  if (text.includes('_ids"')) return parseRewritten(text);
  let exact: Map<number, string> | undefined;
  LONG_ID.lastIndex = 0;
  for (let m = LONG_ID.exec(text); m !== null; m = LONG_ID.exec(text)) {
    const rounded = Number(m[1]);
    if (Math.abs(rounded) < EXACT_LIMIT) continue;
    exact ??= new Map();
    const seen = exact.get(rounded);
    if (seen !== undefined && seen !== m[1]) return parseRewritten(text);
    exact.set(rounded, m[1]);
  }
  const value: unknown = JSON.parse(text);
  if (value !== null && typeof value === 'object') stringifyIds(value as Record<string, unknown>, exact);
  return value;
}

function stringifyIds(o: Record<string, unknown> | unknown[], exact: Map<number, string> | undefined): void {
  if (Array.isArray(o)) {
    for (const x of o) if (x !== null && typeof x === 'object') stringifyIds(x as Record<string, unknown>, exact);
    return;
  }
  for (const k in o) {
    const x = o[k];
    if (typeof x === 'number') {
      if (Number.isInteger(x) && isIdKey(k)) {
        o[k] = Math.abs(x) < EXACT_LIMIT ? String(x) : (exact?.get(x) ?? String(x));
      }
    } else if (x !== null && typeof x === 'object') {
      stringifyIds(x as Record<string, unknown>, exact);
    }
  }
}

/** Quote every id in the text, then parse: exact in every case, and slower. */
function parseRewritten(text: string): unknown {
  let quoted = text.replace(SCALAR_ID, (_m, key: string, sep: string, num: string) => `${key}"${sep}"${num}"`);
  if (quoted.includes('_ids"')) {
    quoted = quoted.replace(ARRAY_ID, (_m, key: string, sep: string, items: string) => {
      const inner = items.trim() === '' ? '' : items.split(',').map((s) => `"${s.trim()}"`).join(',');
      return `"${key}"${sep}[${inner}]`;
    });
  }
  return JSON.parse(quoted);
}

const DECIMAL = /^-?\d+$/;

/** Stringify, writing decimal-string ids back as JSON integers. Output has no spaces. */
export function stringifyJson(value: unknown): string {
  return write(value, '', false) ?? 'null';
}

function write(v: unknown, key: string, inArray: boolean): string | undefined {
  if (typeof v === 'string') {
    if (DECIMAL.test(v) && (inArray ? isIdArrayKey(key) : isIdKey(key))) return v;
    return JSON.stringify(v);
  }
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return `[${v.map((x) => write(x, key, true) ?? 'null').join(',')}]`;
  if (typeof v === 'object') {
    const parts: string[] = [];
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const w = write(x, k, false);
      if (w !== undefined) parts.push(`${JSON.stringify(k)}:${w}`);
    }
    return `{${parts.join(',')}}`;
  }
  return undefined;
}
