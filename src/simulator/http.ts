/** The small routing layer: route table, request context and replies. */
import type { QueryPairs } from '../gsl/signer';
import type { SimContext } from './context';
import type { Query } from './validate';

export interface RequestCtx {
  method: string;
  path: string;
  params: Record<string, string>;
  pairs: QueryPairs;
  query: Query;
  /** Parsed JSON body (ids as decimal strings), or undefined when empty. */
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  sim: SimContext;
  requestId: string;
}

export interface Reply {
  status?: number;
  /** Serialised with `stringifyJson`; a string or an encoded Buffer is sent as is. */
  body: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: RequestCtx) => Reply;

export interface Route {
  method: string;
  /** e.g. `/v1/sim-cards/{sim_card_id}/stop` */
  pattern: string;
  /** `gsl`: gateway authentication required; `none`: IAM itself. */
  auth: 'gsl' | 'none';
  /** The path names one card that the call changes (counted in stats). */
  cardMutation?: boolean;
  handler: Handler;
}

export function ok(body: unknown, status = 200): Reply {
  return { status, body };
}

/** Operation key used in stats: method plus pattern with every parameter written `{id}`. */
export function operationKey(route: Route): string {
  return `${route.method} ${route.pattern.replace(/\{[^}]+\}/g, '{id}')}`;
}

export class Router {
  private readonly routes: Array<{ route: Route; segments: string[] }> = [];

  add(...routes: Route[]): void {
    for (const route of routes) this.routes.push({ route, segments: route.pattern.split('/') });
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    const parts = path.split('/');
    for (const { route, segments } of this.routes) {
      if (route.method !== method || segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let hit = true;
      for (let i = 0; i < segments.length && hit; i++) {
        const s = segments[i];
        if (s.startsWith('{')) {
          if (parts[i] === '') hit = false;
          else params[s.slice(1, -1)] = safeDecode(parts[i]);
        } else if (s !== parts[i]) hit = false;
      }
      if (hit) return { route, params };
    }
    return undefined;
  }

  get all(): readonly Route[] {
    return this.routes.map((r) => r.route);
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Decode a raw query string into pairs, `%XY` only: `+` stays `+`, as the signer encodes it. */
export function parseQuery(raw: string): Array<[string, string]> {
  if (!raw) return [];
  return raw
    .split('&')
    .filter(Boolean)
    .map((p) => {
      const i = p.indexOf('=');
      return i < 0 ? [safeDecode(p), ''] : [safeDecode(p.slice(0, i)), safeDecode(p.slice(i + 1))];
    });
}
