/**
 * AK/SK request signing, `SDK-HMAC-SHA256` (gsl-api.md 1.3.2).
 *
 * The canonical-request builder is shared by the client (to sign) and the simulator
 * (to verify), so both sides agree byte for byte.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const ALGORITHM = 'SDK-HMAC-SHA256';
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Percent-encode per rule 5: unreserved bytes stay, everything else is %XY upper case. */
export function encodeRfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

export function canonicalUri(path: string): string {
  const encoded = path
    .split('/')
    .map((seg) => encodeRfc3986(safeDecode(seg)))
    .join('/');
  return encoded.endsWith('/') ? encoded : encoded + '/';
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Query pairs, unencoded. Arrays are repeated pairs. */
export type QueryPairs = ReadonlyArray<readonly [string, string]>;

export function canonicalQuery(pairs: QueryPairs): string {
  // Sort the unencoded names, then values, as strings (so "12" < "7"), like the SDK signers.
  return [...pairs]
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([n, v]) => `${encodeRfc3986(n)}=${encodeRfc3986(v)}`)
    .join('&');
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface SignInput {
  method: string;
  /** Path without query, as sent. */
  path: string;
  query: QueryPairs;
  /** Header names in any case; values as sent. Must include x-sdk-date. */
  headers: Record<string, string | string[]>;
  /** Lowercase names to sign. */
  signedHeaders: string[];
  body: string | Uint8Array;
}

export function canonicalRequest(input: SignInput): string {
  const lower: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(input.headers)) {
    lower[name.toLowerCase()] = Array.isArray(value) ? value : [value];
  }
  const names = [...input.signedHeaders].map((n) => n.toLowerCase()).sort();
  const canonicalHeaders = names
    .map((n) => (lower[n] ?? ['']).map((v) => `${n}:${v.trim()}\n`).sort().join(''))
    .join('');
  const payloadHash = lower['x-sdk-content-sha256']?.[0] ?? sha256Hex(input.body);
  return [
    input.method.toUpperCase(),
    canonicalUri(input.path),
    canonicalQuery(input.query),
    canonicalHeaders,
    names.join(';'),
    payloadHash,
  ].join('\n');
}

export function stringToSign(canonical: string, sdkDate: string): string {
  return `${ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`;
}

export function signature(sk: string, toSign: string): string {
  return createHmac('sha256', Buffer.from(sk, 'utf8')).update(toSign).digest('hex');
}

/** `YYYYMMDDTHHMMSSZ` for a date. */
export function sdkDate(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Parse `YYYYMMDDTHHMMSSZ`; undefined when malformed. */
export function parseSdkDate(s: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return undefined;
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  return Number.isNaN(t) ? undefined : new Date(t);
}

export function authorizationHeader(ak: string, signedHeaders: string[], sig: string): string {
  return `${ALGORITHM} Access=${ak}, SignedHeaders=${[...signedHeaders].map((n) => n.toLowerCase()).sort().join(';')}, Signature=${sig}`;
}

/**
 * Sign a request: sets `X-Sdk-Date` (unless present) and `Authorization` on `headers`,
 * signing every header given (the Node SDK habit), `host` included.
 */
export function signRequest(
  req: { method: string; path: string; query: QueryPairs; headers: Record<string, string>; body: string },
  ak: string,
  sk: string,
  now: Date = new Date(),
): void {
  const dateKey = Object.keys(req.headers).find((k) => k.toLowerCase() === 'x-sdk-date');
  const date = dateKey ? req.headers[dateKey] : sdkDate(now);
  if (!dateKey) req.headers['X-Sdk-Date'] = date;
  const signed = Object.keys(req.headers)
    .map((k) => k.toLowerCase())
    .filter((k) => k !== 'authorization' && k !== 'content-length' && !k.startsWith('content-type') && !k.includes('_'));
  const canonical = canonicalRequest({ ...req, signedHeaders: signed });
  req.headers['Authorization'] = authorizationHeader(ak, signed, signature(sk, stringToSign(canonical, date)));
}

export interface ParsedAuthorization {
  access: string;
  signedHeaders: string[];
  signature: string;
}

export function parseAuthorization(value: string): ParsedAuthorization | undefined {
  const m = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)$/.exec(value.trim());
  if (!m) return undefined;
  return { access: m[1], signedHeaders: m[2].split(';').filter(Boolean), signature: m[3].toLowerCase() };
}

export function signaturesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
