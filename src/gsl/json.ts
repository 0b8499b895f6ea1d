/**
 * JSON with int64 ids kept exact.
 *
 * GSL ids are int64 and real ones can exceed 2^53, where `JSON.parse` silently rounds.
 * We carry ids as decimal strings: on parse, an integer literal under an id key (`id`,
 * `*_id`) or inside an id-array key (`*_ids`) becomes a string before `JSON.parse` sees it;
 * on stringify, a decimal string under such a key is written back as a bare number.
 *
 * Rewriting the text is safe for valid JSON: a raw `"` always delimits a string, so
 * `"name":123` with real quotes can only be a key followed by its value.
 */

const ID_KEY = /^(?:id|[a-z0-9_]*_id)$/;
const ID_ARRAY_KEY = /^[a-z0-9_]*_ids$/;

export function isIdKey(key: string): boolean {
  return ID_KEY.test(key);
}

// Anchored on the literal `_id"` / `"id"` so the engine can skip ahead fast: on a 500-card
// page this costs about a third of `JSON.parse` itself, where a general key pattern cost more
// than the parse. A `"` followed by `:` can only close a key, never a value.
const SCALAR_ID = /(_id|"id)"(\s*:\s*)(-?\d+)(?![\d.eE])/g;
const ARRAY_ID = /"([a-z0-9_]*_ids)"(\s*:\s*)\[([-\d\s,]*)\]/g;

/** Parse JSON text, turning id integers into decimal strings. Throws SyntaxError on bad JSON. */
export function parseJson(text: string): unknown {
  let quoted = text.replace(SCALAR_ID, (_m, key: string, sep: string, num: string) => `${key}"${sep}"${num}"`);
  // Id arrays appear in request bodies, rarely in responses: skip the second scan when absent.
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
    if (DECIMAL.test(v) && (inArray ? ID_ARRAY_KEY.test(key) : ID_KEY.test(key))) return v;
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
