/**
 * Authentication: IAM password tokens (fetched, cached, shared, renewed ahead of expiry)
 * and AK/SK request signing. Secrets are only ever placed in request headers/bodies bound
 * for the configured endpoints; nothing here logs.
 */
import { createHash } from 'node:crypto';
import type { Credentials } from './api';
import { GslError, readErrorEnvelope } from './errors';
import type { Transport } from './http';
import { joinUrl } from './endpoints';
import { readJsonBody } from './json';
import type { QueryPairs } from './signer';
import { signRequest } from './signer';

export type IamCredentials = Extract<Credentials, { kind: 'iam' }>;
export type AkSkCredentials = Extract<Credentials, { kind: 'aksk' }>;

export const TOKEN_OPERATION = 'Sign in (IAM token)';
/** Renew when less than this much of the token's life remains… */
const RENEW_MARGIN_MS = 60 * 60 * 1000;
/** …or less than this share of it, so short-lived tokens are not renewed on every call. */
const RENEW_MARGIN_SHARE = 0.1;

interface CachedToken {
  key: string;
  token: string;
  /** Local-clock time after which the token is renewed before use. */
  renewAt: number;
}

export interface TokenSourceOptions {
  transport: Transport;
  iam: () => URL;
  now: () => number;
  userAgent: string;
}

/**
 * Caches one project-scoped IAM token. Concurrent callers share one in-flight token
 * request, so a burst of page loads after sign-in costs a single IAM call.
 */
export class TokenSource {
  private cached?: CachedToken;
  private pending?: { key: string; promise: Promise<CachedToken> };

  constructor(private readonly o: TokenSourceOptions) {}

  async token(creds: IamCredentials, signal?: AbortSignal): Promise<string> {
    const key = credentialKey(creds, this.o.iam().href);
    const c = this.cached;
    if (c && c.key === key && this.o.now() < c.renewAt) return c.token;
    if (!this.pending || this.pending.key !== key) {
      const promise = this.fetch(creds, key).then(
        (t) => {
          if (this.pending?.promise === promise) this.pending = undefined;
          this.cached = t;
          return t;
        },
        (e: unknown) => {
          if (this.pending?.promise === promise) this.pending = undefined;
          throw e;
        },
      );
      this.pending = { key, promise };
    }
    const t = await raceSignal(this.pending.promise, signal, TOKEN_OPERATION);
    return t.token;
  }

  /** Drop the cached token; with an argument, only if it is still that token. */
  invalidate(token?: string): void {
    if (token === undefined || this.cached?.token === token) this.cached = undefined;
  }

  private async fetch(creds: IamCredentials, key: string): Promise<CachedToken> {
    const url = joinUrl(this.o.iam(), '/v3/auth/tokens', 'nocatalog=true');
    const body = JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: creds.user, password: creds.password, domain: { name: creds.domain } } },
        },
        scope: { project: { name: creds.project } },
      },
    });
    const headers = {
      Host: url.host,
      'User-Agent': this.o.userAgent,
      'Content-Type': 'application/json;charset=utf8',
    };
    // Not retried on HTTP errors (a wrong password must not lock the account faster);
    // one more try only when the connection itself failed.
    let res;
    try {
      res = await this.o.transport.send({ operation: TOKEN_OPERATION, method: 'POST', url, headers, body });
    } catch (e) {
      if (!(e instanceof GslError) || e.kind !== 'network') throw e;
      res = await this.o.transport.send({ operation: TOKEN_OPERATION, method: 'POST', url, headers, body });
    }
    const answer = readJsonBody(res.body);
    const parsed = answer.valid ? answer.value : undefined;
    if (res.status < 200 || res.status >= 300) {
      const env = readErrorEnvelope(parsed);
      const auth = res.status === 400 || res.status === 401 || res.status === 403;
      throw new GslError({
        kind: auth ? 'auth' : 'http',
        operation: TOKEN_OPERATION,
        status: res.status,
        code: env.code,
        errorMsg: env.message,
        requestId: res.requestId ?? env.requestId,
        retryable: res.status >= 500 || res.status === 429,
        explanation: auth
          ? 'IAM did not accept the sign-in. Check the account (domain) name, IAM user name, password and project.'
          : undefined,
      });
    }
    const token = res.headers['x-subject-token'];
    if (!token) {
      throw new GslError({
        kind: 'malformed',
        operation: TOKEN_OPERATION,
        status: res.status,
        requestId: res.requestId,
        explanation: 'IAM answered without a token (no X-Subject-Token header). Check the IAM endpoint setting.',
      });
    }
    if (!answer.valid) {
      throw new GslError({ kind: 'malformed', operation: TOKEN_OPERATION, status: res.status, requestId: res.requestId, explanation: 'IAM returned a response that is not valid JSON.' });
    }
    const receivedAt = this.o.now();
    return { key, token, renewAt: renewTime(parsed, receivedAt) };
  }
}

/**
 * When to renew. The lifetime is `expires_at - issued_at` from the server, measured from
 * when we received the token on our own clock, so a skewed local clock cannot make us
 * use an expired token or renew on every call.
 */
export function renewTime(body: unknown, receivedAt: number): number {
  const t = (body as { token?: { expires_at?: unknown; issued_at?: unknown } } | undefined)?.token;
  const expires = parseIamTime(t?.expires_at);
  const issued = parseIamTime(t?.issued_at);
  // Without usable times, assume the documented 24 h lifetime.
  const lifetime = expires !== undefined && issued !== undefined && expires > issued ? expires - issued : 24 * 3600 * 1000;
  const margin = Math.min(RENEW_MARGIN_MS, lifetime * RENEW_MARGIN_SHARE);
  return receivedAt + lifetime - margin;
}

/** `2020-01-04T09:05:22.701000Z`: trims microseconds so every engine parses it. */
export function parseIamTime(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const t = Date.parse(v.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(t) ? undefined : t;
}

function credentialKey(c: IamCredentials, iam: string): string {
  // A hash, so the password itself is not kept alongside the token.
  return createHash('sha256').update(JSON.stringify([iam, c.domain, c.user, c.project, c.password])).digest('hex');
}

function raceSignal<T>(p: Promise<T>, signal: AbortSignal | undefined, operation: string): Promise<T> {
  if (!signal) return p;
  const aborted = (): GslError => new GslError({ kind: 'aborted', operation, explanation: 'The request was cancelled.' });
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/**
 * Headers for an AK/SK-signed GSL request. Every header set here is signed (Host included,
 * equal to the URL's host:port, and sent explicitly so what is signed is what is sent).
 * Content-Type is added after signing and never signed, like the official SDKs.
 */
export function signedHeaders(
  creds: AkSkCredentials,
  req: { method: string; url: URL; query: QueryPairs; body: string | undefined },
  userAgent: string,
  now: Date,
): Record<string, string> {
  const headers: Record<string, string> = { Host: req.url.host, 'User-Agent': userAgent };
  if (creds.projectId) headers['X-Project-Id'] = creds.projectId;
  if (creds.securityToken) headers['X-Security-Token'] = creds.securityToken;
  signRequest({ method: req.method, path: req.url.pathname, query: req.query, headers, body: req.body ?? '' }, creds.ak, creds.sk, now);
  if (req.body !== undefined) headers['Content-Type'] = 'application/json';
  return headers;
}
