/**
 * The gateway's two ways in (gsl-api.md 1.3): AK/SK signatures, verified from the request as
 * received with the shared canonical-request builder, and IAM tokens this simulator issued.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { canonicalRequest, parseAuthorization, parseSdkDate, signature, signaturesEqual, stringToSign } from '../gsl/signer';
import type { QueryPairs } from '../gsl/signer';
import type { ApiError } from './errors';
import { authFailed, tokenExpired } from './errors';

const SKEW_MS = 15 * 60_000;
const LOCK_MS = 5 * 60_000;
/** Locked after more than this many consecutive failures. */
const MAX_FAILURES = 5;

export interface ReceivedRequest {
  method: string;
  path: string;
  query: QueryPairs;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface IssuedToken {
  token: string;
  issuedAt: number;
  expiresAt: number;
  scope: 'project' | 'domain';
}

export class Authenticator {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly keys: ReadonlyMap<string, string>,
    private readonly now: () => number,
    private readonly tokenTtlMs: number,
  ) {}

  /** Throws an APIGW error unless the request carries valid credentials. */
  check(req: ReceivedRequest): void {
    const token = header(req.headers, 'x-auth-token');
    if (token !== undefined) return this.checkToken(token);
    const authorization = header(req.headers, 'authorization');
    if (authorization === undefined) throw authFailed('no authentication information in the request');
    this.checkSignature(req, authorization);
  }

  private checkToken(token: string): void {
    const t = this.tokens.get(token);
    if (!t) throw authFailed('decrypt token fail');
    if (this.now() >= t.expiresAt) throw tokenExpired();
  }

  private checkSignature(req: ReceivedRequest, authorization: string): void {
    const parsed = parseAuthorization(authorization);
    if (!parsed) throw authFailed('verify aksk signature fail');
    const ak = parsed.access;
    const state = this.failures.get(ak);
    const now = this.now();
    if (state && state.lockedUntil > now) throw authFailed('AK access failed to reach the limit, forbidden');
    if (state && state.lockedUntil && state.lockedUntil <= now) this.failures.delete(ak);

    const problem = this.verify(req, parsed, now);
    if (problem) {
      const s = this.failures.get(ak) ?? { count: 0, lockedUntil: 0 };
      s.count++;
      if (s.count > MAX_FAILURES) s.lockedUntil = now + LOCK_MS;
      this.failures.set(ak, s);
      throw problem;
    }
    this.failures.delete(ak);
  }

  private verify(req: ReceivedRequest, auth: { access: string; signedHeaders: string[]; signature: string }, now: number): ApiError | undefined {
    const sk = this.keys.get(auth.access);
    if (sk === undefined) return authFailed(`Get secretKey failed: ak not exist (${auth.access})`);
    const date = header(req.headers, 'x-sdk-date');
    const when = date === undefined ? undefined : parseSdkDate(date);
    if (date === undefined || when === undefined || !auth.signedHeaders.includes('x-sdk-date')) return authFailed('verify aksk signature fail');
    // The gateway refuses timestamps more than 15 minutes from its clock, either way.
    if (Math.abs(when.getTime() - now) > SKEW_MS) return authFailed('verify aksk signature fail');
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = v;
    const canonical = canonicalRequest({ method: req.method, path: req.path, query: req.query, headers, signedHeaders: auth.signedHeaders, body: req.body });
    const expected = signature(sk, stringToSign(canonical, date));
    return signaturesEqual(expected, auth.signature) ? undefined : authFailed('verify aksk signature fail');
  }

  issueToken(scope: 'project' | 'domain'): IssuedToken {
    const issuedAt = this.now();
    // Real tokens are long opaque strings; the prefix mimics their look.
    const token: IssuedToken = { token: 'MIIDsim' + randomBytes(48).toString('base64url'), issuedAt, expiresAt: issuedAt + this.tokenTtlMs, scope };
    this.tokens.set(token.token, token);
    return token;
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}
