/**
 * JSON with int64 ids kept exact.
 *
 * GSL ids are int64 and real ones can exceed 2^53, where `JSON.parse` silently rounds.
 * We carry ids as decimal strings: on parse, an integer under an id key (`id`, `*_id`) or
 * inside an id-array key (`*_ids`) becomes a string with every digit it had in the text;
 * on stringify, a decimal string under such a key is written back as a bare number.
 */
import { isAscii } from 'node:buffer';

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
// Only numbers that can reach 2^53: 16 digits starting with 9, or 17 and more. Shorter
// ids are exact as doubles, and skipping them here keeps the match count to the long ones.
const LONG_ID = /(?:_id|"id)"\s*:\s*(-?(?:9\d{15}|[1-9]\d{16,}))(?![\d.eE])/g;
const ARRAY_ID = /"([a-z0-9_]*_ids)"(\s*:\s*)\[([-\d\s,]*)\]/g;
const EXACT_LIMIT = 2 ** 53;

/**
 * Parse JSON text, turning id integers into decimal strings. Throws SyntaxError on bad JSON.
 *
 * The fast way, for responses: `JSON.parse` the text as it is, then turn id numbers into
 * strings. Ids below 2^53 are exact as numbers. Only when the walk meets a longer one is the
 * text read for its digits, found again by the double they round to. Rewriting the text
 * instead (quoting every id before parsing) costs about twice `JSON.parse` on a 500-card
 * page. The rewrite remains for what the fast way cannot tell apart: long ids inside id
 * arrays, and two long ids that round to the same double.
 */
export function parseJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== 'object') return value;
  const digits: LongIds = { text, exact: undefined, rewrite: false };
  stringifyIds(value as Record<string, unknown>, digits);
  return digits.rewrite ? parseRewritten(text) : value;
}

/** What the walk knows of the text's long ids; `rewrite` when only the rewrite is exact. */
interface LongIds {
  readonly text: string;
  exact: Map<number, string> | undefined;
  rewrite: boolean;
}

function stringifyIds(o: Record<string, unknown> | unknown[], digits: LongIds): void {
  if (Array.isArray(o)) {
    for (const x of o) if (x !== null && typeof x === 'object') stringifyIds(x as Record<string, unknown>, digits);
    return;
  }
  for (const k in o) {
    const x = o[k];
    if (typeof x === 'number') {
      if (Number.isInteger(x) && isIdKey(k)) o[k] = Math.abs(x) < EXACT_LIMIT ? String(x) : longId(x, digits);
    } else if (x !== null && typeof x === 'object') {
      if (Array.isArray(x) && isIdArrayKey(k)) stringifyIdArray(x, digits);
      else stringifyIds(x as Record<string, unknown>, digits);
    }
  }
}

function stringifyIdArray(a: unknown[], digits: LongIds): void {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (typeof x === 'number') {
      if (!Number.isInteger(x)) continue;
      // An array's long ids cannot be told apart by key; only the rewrite keeps them exact.
      if (Math.abs(x) < EXACT_LIMIT) a[i] = String(x);
      else digits.rewrite = true;
    } else if (x !== null && typeof x === 'object') {
      stringifyIds(x as Record<string, unknown>, digits);
    }
  }
}

/** The digits of a long id, read from the text the first time one is met. */
function longId(rounded: number, digits: LongIds): string {
  if (digits.exact === undefined) {
    const exact = new Map<number, string>();
    LONG_ID.lastIndex = 0;
    for (let m = LONG_ID.exec(digits.text); m !== null; m = LONG_ID.exec(digits.text)) {
      const key = Number(m[1]);
      if (Math.abs(key) < EXACT_LIMIT) continue;
      const seen = exact.get(key);
      if (seen !== undefined && seen !== m[1]) digits.rewrite = true;
      exact.set(key, m[1]);
    }
    digits.exact = exact;
  }
  return digits.exact.get(rounded) ?? String(rounded);
}

/** `parseJson` of a UTF-8 body, as it came off the wire. */
export function parseJsonBytes(bytes: Buffer): unknown {
  return parseJson(jsonText(bytes));
}

/** A body that may be empty or not JSON at all, as error and token answers can be. */
export type JsonBody = { valid: true; value: unknown } | { valid: false };

/** Read a body as JSON without throwing: an empty one is valid and has no value. */
export function readJsonBody(bytes: Buffer): JsonBody {
  if (bytes.length === 0) return { valid: true, value: undefined };
  try {
    return { valid: true, value: parseJsonBytes(bytes) };
  } catch {
    return { valid: false };
  }
}

const BLOCK = 1024;
/**
 * Escapes allowed per KiB of body. One escape costs about what a KiB of two-byte text costs
 * to decode and parse; past this, escaping would cost more than it saves.
 */
const ESCAPES_PER_KIB = 1;
const BACKSLASH = 0x5c;

/**
 * The text of a UTF-8 JSON body, kept to one byte per character where it can be.
 *
 * A single non-ASCII character makes a decoded string two bytes per character, and both
 * decoding and `JSON.parse` of such a string cost about twice as much. In JSON, characters
 * beyond ASCII can stand only inside strings, where `\uXXXX` means the same thing; so the
 * few there are get escaped and the rest of the body is taken byte for byte. A body with many
 * of them, or that is not JSON where they stand, is decoded as it is.
 */
export function jsonText(bytes: Buffer): string {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const end = bytes.length;
  if (isAscii(bytes)) return bytes.toString('latin1', bom, end);
  let out = '';
  let from = bom;
  let escapesLeft = Math.max(16, ((end - bom) / 1024) * ESCAPES_PER_KIB);
  for (let block = bom; block < end; block += BLOCK) {
    const blockEnd = Math.min(end, block + BLOCK);
    const start = Math.max(block, from);
    // isAscii is vectorised: whole blocks are cleared at memory speed.
    if (start >= blockEnd || isAscii(bytes.subarray(start, blockEnd))) continue;
    for (let i = start; i < blockEnd; i++) {
      if (bytes[i] < 0x80) continue;
      // A UTF-8 sequence is all bytes >= 0x80, so a run of them holds whole characters.
      let j = i + 1;
      while (j < end && bytes[j] >= 0x80) j++;
      // After an odd run of backslashes, the escape would make a wrong escape look right.
      let slashes = 0;
      while (i - slashes - 1 >= from && bytes[i - slashes - 1] === BACKSLASH) slashes++;
      const chars = bytes.toString('utf8', i, j);
      escapesLeft -= chars.length;
      if (escapesLeft < 0 || slashes % 2 === 1) return bytes.toString('utf8', bom, end);
      out += bytes.toString('latin1', from, i);
      for (let k = 0; k < chars.length; k++) out += `\\u${chars.charCodeAt(k).toString(16).padStart(4, '0')}`;
      from = j;
      i = j - 1;
    }
  }
  return out + bytes.toString('latin1', from, end);
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

/**
 * Stringify, writing decimal-string ids back as JSON integers, every digit as it was. Without
 * `indent` the output has no spaces (request bodies); with it, it is laid out for reading, as
 * `JSON.stringify(value, null, indent)` would (a card shown as a document).
 */
export function stringifyJson(value: unknown, indent?: number): string {
  return write(value, '', false, indent ? ' '.repeat(indent) : '', '\n') ?? 'null';
}

function write(v: unknown, key: string, inArray: boolean, step: string, nl: string): string | undefined {
  if (typeof v === 'string') {
    if (DECIMAL.test(v) && (inArray ? isIdArrayKey(key) : isIdKey(key))) return v;
    return JSON.stringify(v);
  }
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  const inner = step ? nl + step : '';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    const items = v.map((x) => write(x, key, true, step, inner) ?? 'null');
    return step ? `[${inner}${items.join(`,${inner}`)}${nl}]` : `[${items.join(',')}]`;
  }
  if (typeof v === 'object') {
    const parts: string[] = [];
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const w = write(x, k, false, step, inner);
      if (w !== undefined) parts.push(`${JSON.stringify(k)}:${step ? ' ' : ''}${w}`);
    }
    if (parts.length === 0) return '{}';
    return step ? `{${inner}${parts.join(`,${inner}`)}${nl}}` : `{${parts.join(',')}}`;
  }
  return undefined;
}
