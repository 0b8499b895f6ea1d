/**
 * The HTTP front: gateway behaviour (routing, authentication, request ids, error envelope,
 * faults) around the route handlers, plus the unauthenticated admin endpoints under `/__sim/`
 * (info, stats, faults, settling work orders, and the planted truth: planted.ts).
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { parseJson, stringifyJson } from '../gsl/json';
import type { Authenticator } from './auth';
import type { SimContext } from './context';
import { ApiError, badParam, noApi, systemBusy, throttled } from './errors';
import type { FaultConfig, FaultDecision, FaultInjector } from './faults';
import { faultConfigProblem } from './faults';
import type { Reply, RequestCtx, Route, Router } from './http';
import { operationKey, parseQuery } from './http';
import type { StatsRecorder } from './stats';
import { Query, asId } from './validate';
import { plantedTruth } from './planted';

const MAX_BODY = 12 * 1024 * 1024;

export interface ServerDeps {
  router: Router;
  sim: SimContext;
  auth: Authenticator;
  faults: FaultInjector;
  stats: StatsRecorder;
  baseLatencyMs: number;
  /** The admin `info` document. */
  info: () => unknown;
}

function errorBody(e: ApiError, requestId: string): unknown {
  return e.isGateway ? { error_code: e.code, error_msg: e.message, request_id: requestId } : { error_code: e.code, error_msg: e.message };
}

function errorReply(e: unknown, requestId: string): Reply {
  if (e instanceof ApiError) return { status: e.status, body: errorBody(e, requestId), headers: e.headers };
  process.stderr.write(`simulator: unexpected error: ${e instanceof Error ? e.stack : String(e)}\n`);
  const busy = systemBusy();
  return { status: busy.status, body: errorBody(busy, requestId) };
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        req.resume();
        return;
      }
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Which card a mutating request names, for the per-card counters: id, else the ICCID or cid given. */
function mutationTarget(sim: SimContext, params: Record<string, string>, pairs: Array<[string, string]>, body: Buffer): string {
  const id = asId(params.sim_card_id) ?? params.sim_card_id;
  if (id !== '0') return id;
  let ref = pairs.find(([k]) => k === 'iccid')?.[1];
  if (!ref && body.length) {
    try {
      const b = parseJson(body.toString('utf8')) as Record<string, unknown>;
      ref = typeof b.iccid === 'string' ? b.iccid : typeof b.cid === 'string' ? b.cid : undefined;
    } catch {
      // an unreadable body is refused later; count it under the raw id
    }
  }
  if (!ref) return id;
  return sim.store.byCardIccid(ref)?.vo.sim_card_id ?? sim.multiply.find((c) => c.cid === ref)?.sim_card_id ?? ref;
}

export function createSimulatorServer(deps: ServerDeps): Server {
  const { router, sim, auth, faults, stats } = deps;

  function send(res: ServerResponse, reply: Reply, fault?: FaultDecision['action']): void {
    if (res.destroyed) return;
    const status = reply.status ?? 200;
    let payload = Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(typeof reply.body === 'string' ? reply.body : stringifyJson(reply.body), 'utf8');
    stats.status(status);
    const headers: Record<string, string | number> = { 'Content-Type': 'application/json;charset=UTF-8', ...reply.headers };
    if (fault === 'malformed') {
      stats.fault('malformed');
      // Half of the real body: never valid JSON for the objects, arrays and booleans we send.
      let cut = payload.subarray(0, Math.ceil(payload.length / 2));
      if (isJson(cut.toString('utf8'))) cut = Buffer.from('<html>Bad Gateway', 'utf8');
      payload = cut;
    }
    if (fault === 'reset') {
      stats.fault('resets');
      res.writeHead(status, { ...headers, 'Content-Length': payload.length });
      // Send the headers and part of the body, then drop the connection.
      res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.socket?.destroy());
      return;
    }
    res.writeHead(status, { ...headers, 'Content-Length': payload.length });
    res.end(payload);
  }

  async function handleAdmin(req: IncomingMessage, res: ServerResponse, path: string, body: Buffer): Promise<void> {
    const m = req.method ?? 'GET';
    const json = (status: number, value: unknown) => send(res, { status, body: value });
    if (m === 'GET' && path === '/__sim/info') return json(200, deps.info());
    if (m === 'GET' && path === '/__sim/stats') return json(200, stats.snapshot());
    if (m === 'POST' && path === '/__sim/stats/reset') {
      stats.reset();
      return json(200, true);
    }
    if (m === 'GET' && path === '/__sim/faults') return json(200, faults.current ?? null);
    if ((m === 'POST' || m === 'PUT') && path === '/__sim/faults') {
      let cfg: unknown;
      try {
        cfg = body.length ? JSON.parse(body.toString('utf8')) : undefined;
      } catch {
        return json(400, { error_code: 'SIM.0001', error_msg: 'faults must be JSON' });
      }
      const problem = faultConfigProblem(cfg);
      if (problem) return json(400, { error_code: 'SIM.0001', error_msg: problem });
      faults.set((cfg ?? undefined) as FaultConfig | undefined);
      return json(200, faults.current ?? null);
    }
    if (m === 'DELETE' && path === '/__sim/faults') {
      faults.set(undefined);
      return json(200, null);
    }
    if (m === 'POST' && path === '/__sim/work-orders/settle') return json(200, { completed: sim.book.settleAll() });
    // Ids as strings (plain JSON.stringify): card ids exceed 2^53, and this is no GSL payload.
    if (m === 'GET' && path === '/__sim/planted') return send(res, { status: 200, body: JSON.stringify(plantedTruth(sim.store, sim.now())) });
    return json(404, { error_code: 'SIM.0404', error_msg: `no admin endpoint ${m} ${path}` });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID().replace(/-/g, '');
    res.setHeader('X-Request-Id', requestId);
    const method = (req.method ?? 'GET').toUpperCase();
    const url = req.url ?? '/';
    const qi = url.indexOf('?');
    const path = qi < 0 ? url : url.slice(0, qi);
    const pairs = parseQuery(qi < 0 ? '' : url.slice(qi + 1));
    const body = await readBody(req);
    if (body === undefined) {
      return send(res, errorReply(new ApiError(413, 'APIGW.0201', 'Request body too large'), requestId));
    }
    if (path.startsWith('/__sim/')) return handleAdmin(req, res, path, body);

    const match = router.match(method, path);
    if (!match) {
      stats.request('UNKNOWN');
      return send(res, errorReply(noApi(), requestId));
    }
    const { route, params } = match;
    const key = operationKey(route);
    stats.request(key);
    if (route.cardMutation) stats.mutation(mutationTarget(sim, params, pairs, body), key);

    const decision = faults.decide(method, path);
    const latency = deps.baseLatencyMs + decision.latencyMs;
    if (latency > 0) await sleep(latency);
    if (decision.action === 'throttle') {
      stats.fault('throttles');
      return send(res, errorReply(throttled(decision.config?.retryAfterSeconds ?? 1), requestId));
    }
    if (decision.action === 'error') {
      stats.fault('errors');
      const status = decision.config?.errorStatus ?? 500;
      const code = decision.config?.errorCode ?? (status >= 500 ? 'GSL.00010003' : 'GSL.00010004');
      const message = decision.config?.errorMessage ?? (status >= 500 ? 'System busy, please retry later (injected fault)' : 'Injected fault');
      return send(res, errorReply(new ApiError(status, code, message), requestId));
    }

    sim.book.settleDue();
    let reply: Reply;
    try {
      reply = run(route, { method, path, params, pairs, headers: req.headers, requestId, body, sim });
    } catch (e) {
      reply = errorReply(e, requestId);
    }
    if ((reply.status ?? 200) < 300 && reply.body && typeof reply.body === 'object' && 'work_order_id' in reply.body) stats.workOrder();
    send(res, reply, decision.action);
  }

  function run(route: Route, r: { method: string; path: string; params: Record<string, string>; pairs: Array<[string, string]>; headers: IncomingMessage['headers']; requestId: string; body: Buffer; sim: SimContext }): Reply {
    if (route.auth === 'gsl') {
      try {
        auth.check({ method: r.method, path: r.path, query: r.pairs, headers: r.headers, body: r.body });
      } catch (e) {
        stats.authFailure();
        throw e;
      }
    }
    let parsed: unknown;
    if (r.body.length > 0) {
      try {
        parsed = parseJson(r.body.toString('utf8'));
      } catch {
        if (route.auth === 'none') return { status: 400, body: { error: { code: 400, message: 'The request body is not valid JSON', title: 'Bad Request' }, error_code: 'IAM.0003', error_msg: 'The request body is not valid JSON' } };
        throw badParam('the request body is not valid JSON');
      }
    }
    const ctx: RequestCtx = { method: r.method, path: r.path, params: r.params, pairs: r.pairs, query: new Query(r.pairs), body: parsed, headers: r.headers, sim: r.sim, requestId: r.requestId };
    return route.handler(ctx);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, errorReply(e, String(res.getHeader('X-Request-Id') ?? '')));
      else res.destroy();
    });
  });
  // Idle connections stay open longer than any client keeps them (SIM Fleet's client: 10 s), as
  // API gateways do: a server closing an idle connection just as the client reuses it would reset
  // a request that never reached it, which a client cannot tell from a lost answer.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}
