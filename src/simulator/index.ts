/**
 * The embedded GSL + IAM simulator: a real HTTP server on 127.0.0.1 serving the 39 GSL
 * operations and IAM token issue over a deterministic fleet.
 */
import type { AddressInfo, Socket } from 'node:net';
import { Authenticator } from './auth';
import { ACCOUNT } from './catalog';
import type { SimContext } from './context';
import { SYSTEM_POLICIES, seedHistory, seedMultiply, seedSms } from './extras';
import type { FaultConfig } from './faults';
import { FaultInjector, faultConfigProblem } from './faults';
import { Router } from './http';
import { cardOpRoutes } from './routes/cardOps';
import { cardRoutes } from './routes/cards';
import { iamRoutes } from './routes/iam';
import { multiplyRoutes } from './routes/multiply';
import { planRoutes } from './routes/plans';
import { poolRoutes } from './routes/pools';
import { smsRoutes } from './routes/sms';
import { tagRoutes } from './routes/tags';
import { usageRoutes } from './routes/usage';
import { workOrderRoutes } from './routes/workOrders';
import { createSimulatorServer } from './server';
import type { SimulatorStats } from './stats';
import { StatsRecorder } from './stats';
import { FleetStore } from './store';
import type { PlantedTruth } from './planted';
import { plantedTruth } from './planted';
import { WorkOrderBook } from './workOrders';

export type { FaultConfig } from './faults';
export type { SimulatorStats } from './stats';
export type { Card } from './generator';
export type { FleetStore } from './store';
export type { PlantedReason, PlantedTruth } from './planted';
export { PLANTED_REASONS } from './planted';

export interface SimulatorOptions {
  /** 0 or absent: any free port. */
  port?: number;
  /** Fleet size; default 1000. */
  cards?: number;
  /** Default 1. */
  seed?: number;
  /** Added to every GSL/IAM response. */
  latencyMs?: number;
  /** How long a work order stays "processing" on the simulator clock; default 4000. */
  workOrderMs?: number;
  /** IAM token lifetime; default 86400 (24 h). */
  tokenTtlSeconds?: number;
  /**
   * Memory for list pages asked for again, MB; default 32, so a page costs the same at any fleet
   * size. A benchmark of the client gives it room for the whole fleet, so the server is never the
   * bottleneck of what is measured.
   */
  pageCacheMb?: number;
  faults?: FaultConfig;
  /** The simulator clock (ms since epoch); default `Date.now`. */
  now?: () => number;
}

export interface SimulatorInfo {
  endpoint: string;
  iamEndpoint: string;
  adminEndpoint: string;
  ak: string;
  sk: string;
  projectId: string;
  projectName: string;
  domain: string;
  user: string;
  password: string;
  cards: number;
  seed: number;
}

export interface RunningSimulator {
  readonly info: SimulatorInfo;
  setFaults(f: FaultConfig | undefined): void;
  stats(): SimulatorStats;
  resetStats(): void;
  close(): Promise<void>;
  /** The fleet, for tests that need to look behind the API (or set up states quickly). */
  readonly store: FleetStore;
  /** Complete every pending work order now; returns how many. */
  settleWorkOrders(): number;
  /** The cards and pools planted to need attention (planted.ts); also `GET /__sim/planted`. */
  planted(): PlantedTruth;
}

export const DEFAULT_CARDS = 1000;
export const DEFAULT_WORK_ORDER_MS = 4000;
export const DEFAULT_TOKEN_TTL_SECONDS = 86_400;

/** Checks options; returns a message naming the first bad one. */
export function optionsProblem(o: SimulatorOptions): string | undefined {
  const int = (v: unknown, min: number, max: number) => v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max);
  if (!int(o.port, 0, 65535)) return 'port must be an integer from 0 to 65535';
  if (!int(o.cards, 0, 5_000_000)) return 'cards must be an integer from 0 to 5000000';
  if (!int(o.seed, 0, 4294967295)) return 'seed must be an integer from 0 to 4294967295';
  if (!int(o.latencyMs, 0, 600_000)) return 'latencyMs must be an integer from 0 to 600000';
  if (!int(o.workOrderMs, 0, 7 * 86_400_000)) return 'workOrderMs must be a non-negative integer';
  if (!int(o.tokenTtlSeconds, 1, 10 * 365 * 86_400)) return 'tokenTtlSeconds must be a positive integer';
  if (!int(o.pageCacheMb, 0, 16_384)) return 'pageCacheMb must be an integer from 0 to 16384';
  return faultConfigProblem(o.faults);
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const problem = optionsProblem(opts);
  if (problem) throw new Error(`Invalid simulator options: ${problem}`);
  const now = opts.now ?? Date.now;
  const seed = opts.seed ?? 1;
  const size = opts.cards ?? DEFAULT_CARDS;
  const store = new FleetStore({ seed, size, nowMs: now(), pageCacheBytes: opts.pageCacheMb === undefined ? undefined : opts.pageCacheMb * 1024 * 1024 });
  const book = new WorkOrderBook(now, opts.workOrderMs ?? DEFAULT_WORK_ORDER_MS, () => store.invalidate());
  seedHistory(store, book, seed, now());
  const auth = new Authenticator(new Map([[ACCOUNT.ak, ACCOUNT.sk]]), now, (opts.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS) * 1000);
  const policies = SYSTEM_POLICIES(now());
  let endpoint = '';
  const sim: SimContext = {
    store,
    book,
    auth,
    account: ACCOUNT,
    now,
    sms: seedSms(store, seed, now()),
    multiply: seedMultiply(store, policies, seed),
    policies,
    endpoint: () => endpoint,
    nextPolicyId: 3300000000000101n,
  };
  const router = new Router();
  // Literal paths before parameterised ones, so `/v1/sim-cards/month-usages` is not read as a card id.
  router.add(...usageRoutes, ...tagRoutes, ...cardRoutes, ...cardOpRoutes, ...planRoutes, ...poolRoutes, ...smsRoutes, ...workOrderRoutes, ...multiplyRoutes, ...iamRoutes);
  const faults = new FaultInjector(seed, opts.faults);
  const stats = new StatsRecorder();
  // Known only once the port is bound; the admin endpoint reads it through this holder.
  const infoRef: { current?: SimulatorInfo } = {};
  const server = createSimulatorServer({ router, sim, auth, faults, stats, baseLatencyMs: opts.latencyMs ?? 0, info: () => infoRef.current });

  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  endpoint = `http://127.0.0.1:${port}`;
  const info: SimulatorInfo = {
    endpoint,
    iamEndpoint: endpoint,
    adminEndpoint: `${endpoint}/__sim`,
    ak: ACCOUNT.ak,
    sk: ACCOUNT.sk,
    projectId: ACCOUNT.projectId,
    projectName: ACCOUNT.projectName,
    domain: ACCOUNT.domain,
    user: ACCOUNT.user,
    password: ACCOUNT.password,
    cards: size,
    seed,
  };
  const frozen = Object.freeze({ ...info });
  infoRef.current = frozen;

  let closing: Promise<void> | undefined;
  return {
    info: frozen,
    store,
    setFaults: (f) => {
      const p = faultConfigProblem(f);
      if (p) throw new Error(`Invalid fault config: ${p}`);
      faults.set(f);
    },
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    settleWorkOrders: () => book.settleAll(),
    planted: () => plantedTruth(store, now()),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        book.close();
        server.close(() => resolve());
        // Idle keep-alive sockets would hold close() open; drop every connection now.
        server.closeAllConnections();
        for (const s of sockets) s.destroy();
      });
      return closing;
    },
  };
}
