/** A tiny signed-request helper for simulator tests: real HTTP, real AK/SK signing. */
import { parseJson, stringifyJson } from '../../../src/gsl/json';
import { encodeRfc3986, signRequest } from '../../../src/gsl/signer';
import type { Card, RunningSimulator, SimulatorInfo } from '../../../src/simulator/index';

export interface SimResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed with the id-preserving parser; undefined when the body is not JSON. */
  json: unknown;
}

export interface CallOptions {
  query?: Array<[string, string | number | boolean]>;
  body?: unknown;
  /** Send this text as the body instead of serialising `body`. */
  rawBody?: string;
  /** Use this IAM token instead of signing. */
  token?: string;
  /** Send no credentials at all. */
  anonymous?: boolean;
  ak?: string;
  sk?: string;
  /** Signing time; default now. */
  date?: Date;
  headers?: Record<string, string>;
}

export function queryString(query: CallOptions['query']): string {
  return (query ?? []).map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(String(v))}`).join('&');
}

export async function call(info: SimulatorInfo, method: string, path: string, opts: CallOptions = {}): Promise<SimResponse> {
  const url = new URL(info.endpoint + path);
  const qs = queryString(opts.query);
  const body = opts.rawBody ?? (opts.body === undefined ? '' : stringifyJson(opts.body));
  const headers: Record<string, string> = { Host: url.host, ...(body ? { 'Content-Type': 'application/json' } : {}), ...opts.headers };
  if (opts.token) headers['X-Auth-Token'] = opts.token;
  else if (!opts.anonymous) {
    signRequest({ method, path, query: (opts.query ?? []).map(([k, v]) => [k, String(v)] as const), headers, body }, opts.ak ?? info.ak, opts.sk ?? info.sk, opts.date ?? new Date());
  }
  const { Host: _host, ...sent } = headers;
  const res = await fetch(`${info.endpoint}${path}${qs ? '?' + qs : ''}`, { method, headers: sent, body: body || undefined });
  const text = await res.text();
  let json: unknown;
  try {
    json = parseJson(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export async function admin(info: SimulatorInfo, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(info.adminEndpoint + path, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
  return res.json();
}

/** Get an IAM token from the simulator's IAM endpoint. */
export async function iamToken(info: SimulatorInfo, overrides: { user?: string; password?: string; domain?: string; project?: { name?: string; id?: string } } = {}): Promise<SimResponse> {
  const body = {
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name: overrides.user ?? info.user, password: overrides.password ?? info.password, domain: { name: overrides.domain ?? info.domain } } },
      },
      scope: { project: overrides.project ?? { name: info.projectName } },
    },
  };
  return call(info, 'POST', '/v3/auth/tokens', { body, anonymous: true });
}

/** Hands out a fresh card matching each test's needs, so tests do not share cards. */
export function cardPicker(sim: () => RunningSimulator): (pred: (c: Card) => boolean) => Card {
  const used = new Set<string>();
  return (pred) => {
    const c = sim().store.allCards().find((x) => !used.has(x.vo.sim_card_id) && pred(x));
    if (!c) throw new Error('The fleet has no unused card matching the test.');
    used.add(c.vo.sim_card_id);
    return c;
  };
}
