/**
 * Parameter checks against the limits in gsl-api.md (sections 2 and 5.4). Every failure
 * throws an `ApiError` in the module's own parameter-error code (`GSL.00010004` for card
 * APIs, `GSL.00020004` for tags and attributes).
 */
import type { ApiError } from './errors';
import { badParam } from './errors';

type Fail = (msg: string) => ApiError;

const INT = /^-?\d+$/;
const ID = /^\d+$/;
const INT64_MAX = 9223372036854775807n;

export function isId(v: unknown): v is string {
  return typeof v === 'string' && ID.test(v) && v.length <= 19 && BigInt(v) <= INT64_MAX;
}

/** Up to 15 digits without a leading zero: below 2^53, so already in the form lookups use. */
const PLAIN_ID = /^(0|[1-9]\d{0,14})$/;

/** Normalise an id as the JSON layer may hand it over: a decimal string, or a safe integer. */
export function asId(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  // Most ids take the fast path: a 500-card batch names 500 of them.
  if (typeof v === 'string' && PLAIN_ID.test(v)) return v;
  if (isId(v)) return String(BigInt(v)); // drop leading zeros so lookups match
  return undefined;
}

export function isIccid(v: unknown): v is string {
  return typeof v === 'string' && v.length >= 19 && v.length <= 20;
}

/** Query-string access over the decoded pairs, keeping repeated keys. */
export class Query {
  private readonly map = new Map<string, string[]>();
  constructor(
    pairs: ReadonlyArray<readonly [string, string]>,
    private readonly fail: Fail = badParam,
  ) {
    for (const [k, v] of pairs) {
      const list = this.map.get(k);
      if (list) list.push(v);
      else this.map.set(k, [v]);
    }
  }

  has(name: string): boolean {
    return this.map.has(name);
  }

  private one(name: string): string | undefined {
    const v = this.map.get(name);
    if (!v) return undefined;
    if (v.length > 1) throw this.fail(`${name} may be given only once`);
    return v[0];
  }

  int(name: string, min: number, max: number): number | undefined;
  int(name: string, min: number, max: number, def: number): number;
  int(name: string, min: number, max: number, def?: number): number | undefined {
    const s = this.one(name);
    if (s === undefined || s === '') return def;
    const n = Number(s);
    if (!INT.test(s) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw this.fail(`${name} must be an integer from ${min} to ${max}`);
    }
    return n;
  }

  oneOf<T extends number | string>(name: string, values: readonly T[]): T | undefined {
    const s = this.one(name);
    if (s === undefined || s === '') return undefined;
    const hit = values.find((v) => String(v) === s);
    if (hit === undefined) throw this.fail(`${name} must be one of ${values.join(', ')}`);
    return hit;
  }

  str(name: string, maxLen: number, minLen = 0): string | undefined {
    const s = this.one(name);
    if (s === undefined) return undefined;
    if (s.length > maxLen || s.length < minLen) throw this.fail(`${name} must be ${minLen}–${maxLen} characters`);
    return s;
  }

  bool(name: string): boolean | undefined {
    const s = this.one(name);
    if (s === undefined || s === '') return undefined;
    if (s !== 'true' && s !== 'false') throw this.fail(`${name} must be true or false`);
    return s === 'true';
  }

  id(name: string, max: bigint = INT64_MAX): string | undefined {
    const s = this.one(name);
    if (s === undefined || s === '') return undefined;
    const id = asId(s);
    if (id === undefined || BigInt(id) > max) throw this.fail(`${name} must be an integer id from 0 to ${max}`);
    return id;
  }

  ids(name: string, maxCount: number): string[] | undefined {
    const list = this.map.get(name);
    if (!list) return undefined;
    if (list.length > maxCount) throw this.fail(`${name} accepts at most ${maxCount} values`);
    return list.map((s) => {
      const id = asId(s);
      if (id === undefined) throw this.fail(`${name} must hold integer ids`);
      return id;
    });
  }

  ints(name: string, min: number, max: number, maxCount: number): number[] | undefined {
    const list = this.map.get(name);
    if (!list) return undefined;
    if (list.length > maxCount) throw this.fail(`${name} accepts at most ${maxCount} values`);
    return list.map((s) => {
      const n = Number(s);
      if (!INT.test(s) || n < min || n > max) throw this.fail(`${name} must hold integers from ${min} to ${max}`);
      return n;
    });
  }

  strs(name: string, maxCount: number, maxLen: number): string[] | undefined {
    const list = this.map.get(name);
    if (!list) return undefined;
    if (list.length > maxCount) throw this.fail(`${name} accepts at most ${maxCount} values`);
    for (const s of list) if (s.length > maxLen) throw this.fail(`${name} values must be at most ${maxLen} characters`);
    return list;
  }

  /** Standard paging (gsl-api.md 1.5): limit 10–500 default 10, offset page 1–1,000,000 default 1. */
  paging(): { limit: number; offset: number } {
    return { limit: this.int('limit', 10, 500, 10), offset: this.int('offset', 1, 1_000_000, 1) };
  }
}

/** Typed access to a JSON request body object. */
export class Body {
  readonly raw: Record<string, unknown>;
  constructor(
    value: unknown,
    private readonly fail: Fail = badParam,
  ) {
    if (value === undefined || value === null) value = {};
    if (typeof value !== 'object' || Array.isArray(value)) throw fail('the request body must be a JSON object');
    this.raw = value as Record<string, unknown>;
  }

  has(name: string): boolean {
    return this.raw[name] !== undefined && this.raw[name] !== null;
  }

  int(name: string, min: number, max: number, required = false): number | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) {
      if (required) throw this.fail(`${name} is required`);
      return undefined;
    }
    // The JSON layer turns integers under `*_id` keys into strings; accept those too.
    const n = typeof v === 'string' && INT.test(v) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
      throw this.fail(`${name} must be an integer from ${min} to ${max}`);
    }
    return n;
  }

  str(name: string, maxLen: number, opts: { required?: boolean; minLen?: number } = {}): string | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) {
      if (opts.required) throw this.fail(`${name} is required`);
      return undefined;
    }
    if (typeof v !== 'string') throw this.fail(`${name} must be a string`);
    if (v.length > maxLen || v.length < (opts.minLen ?? 0)) {
      throw this.fail(`${name} must be ${opts.minLen ?? 0}–${maxLen} characters`);
    }
    return v;
  }

  bool(name: string): boolean | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') throw this.fail(`${name} must be true or false`);
    return v;
  }

  id(name: string, required = false): string | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) {
      if (required) throw this.fail(`${name} is required`);
      return undefined;
    }
    const id = asId(v);
    if (id === undefined) throw this.fail(`${name} must be an integer id`);
    return id;
  }

  /** An array field; `tooMany` is the error when it exceeds `maxCount`. */
  array(name: string, maxCount: number, tooMany: () => ApiError): unknown[] {
    const v = this.raw[name];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw this.fail(`${name} must be an array`);
    if (v.length > maxCount) throw tooMany();
    return v;
  }

  ids(name: string, maxCount: number, tooMany: () => ApiError): string[] {
    return this.array(name, maxCount, tooMany).map((x) => {
      const id = asId(x);
      if (id === undefined) throw this.fail(`${name} must hold integer ids`);
      return id;
    });
  }

  iccids(name: string, maxCount: number, tooMany: () => ApiError): string[] {
    return this.array(name, maxCount, tooMany).map((x) => {
      if (!isIccid(x)) throw this.fail(`${name} must hold ICCIDs of 19–20 characters`);
      return x;
    });
  }
}
