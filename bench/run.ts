/**
 * `npm run bench`: what users feel, against the simulator on 127.0.0.1 with a 100,000-card
 * fleet. Prints each figure as a median over several runs with min and max, beside its
 * physical limit and the ratio between them. `--json` prints the same as JSON.
 */
import { execFileSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { statSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { GslClient } from '../src/gsl/client';
import { DEFAULT_PAGE_CONCURRENCY } from '../src/gsl/paging';
import { SIM_STATUSES } from '../src/gsl/models';
import type { Id, SimDeviceVO } from '../src/gsl/models';
import { signRequest } from '../src/gsl/signer';
import type { FleetAccounts } from '../src/core/accounts';
import { cardHoverMarkdown } from '../src/core/cardHover';
import { Emitter } from '../src/core/events';
import type { CardIdentifier } from '../src/core/identifiers';
import { findIdentifiers } from '../src/core/identifiers';
import { luhnValid } from '../src/gsl/luhn';
import { formatOnly } from '../src/core/translate';
import { CardLookup, READ_CONCURRENCY } from '../src/fleet/cardLookup';
import { PoolList } from '../src/fleet/poolList';
import { WorkOrderList } from '../src/fleet/workOrderList';
import { listAllTags, planTagChange, sendBatchRequest, tagIndex } from '../src/core/batchPlans';
import { ACTION_CONCURRENCY, sendEach } from '../src/core/requestQueue';
import { dailyMonths } from '../src/panels/format';
import { loadDailyUsage } from '../src/panels/usageData';
import { SnapshotBuilder, compareSnapshots, decodeSnapshot, encodeSnapshot } from '../src/core/attention/index';
import { FleetStore } from '../src/simulator/store';
import { pastSnapshot } from '../test/unit/helpers/attention';
import { benchActivation } from './activation';
import { startSimulatorProcess, type SimulatorProcess } from './simulatorProcess';
import { renderTable, summarize, withVerdict, type Figure } from './stats';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const RUNS = Number(argValue('--runs') ?? 5);
const FLEET = Number(argValue('--cards') ?? 100_000);
const LATENCY_MS = 50;
const PAGE = 500;
// The client's configured default unless --concurrency says otherwise.
const CONCURRENCY = Number(argValue('--concurrency') ?? DEFAULT_PAGE_CONCURRENCY);
const ROOT = join(__dirname, '..', '..');
/**
 * `--only tree,scan,…` runs a subset: tree, workOrders, pools, scan, memory, throughput, usage, identifiers, tagging,
 * simulator, bundle, activation, attention, snapshot, million.
 */
const ONLY = argValue('--only')?.split(',');
const want = (section: string): boolean => !ONLY || ONLY.includes(section);

function argValue(name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function log(msg: string): void {
  if (!asJson) process.stderr.write(msg + '\n');
}

function clientFor(sim: SimulatorProcess, concurrency = CONCURRENCY): GslClient {
  const { endpoint, ak, sk, projectId } = sim.info;
  return new GslClient({ endpoints: { gsl: endpoint, iam: sim.info.iamEndpoint }, credentials: { get: async () => ({ kind: 'aksk', ak, sk, projectId }) }, concurrency });
}

/**
 * Collects garbage before a timed sample (`npm run bench` runs node with --expose-gc), so a
 * sample does not pay for the garbage the one before it left behind.
 */
function settle(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function timeRuns(runs: number, fn: () => Promise<void>): Promise<number[]> {
  await fn(); // warm-up: connections, JIT
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    settle();
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** The requests the tree makes on refresh: every group's count and the first page of one expanded group, in parallel. */
function treeFirstView(client: GslClient): () => Promise<void> {
  return async () => {
    await Promise.all([...SIM_STATUSES.map((s) => client.countSimCards({ sim_status: s })), client.listSimCards({ sim_status: 20, limit: 100, offset: 1 })]);
  };
}

async function benchTree(slow: SimulatorProcess, fast: SimulatorProcess): Promise<Figure> {
  const serverSamples = await timeRuns(RUNS, treeFirstView(clientFor(fast)));
  const samples = await timeRuns(RUNS, treeFirstView(clientFor(slow)));
  const serverMs = summarize(serverSamples).median;
  return {
    name: 'Tree first view (6 counts + first page, 50 ms latency)',
    unit: 'ms',
    ...summarize(samples),
    limit: LATENCY_MS + serverMs,
    limitNote: `1 round trip + ${serverMs.toFixed(1)} ms server`,
    goalRatio: 1.5,
  };
}

/** The Work Orders view's first look: a fresh list reads its first page and every pending order, at once. */
function workOrdersFirstView(client: GslClient): () => Promise<void> {
  return async () => {
    const list = new WorkOrderList(() => client, () => 100);
    await list.load();
    if (list.error !== undefined || list.rows().length === 0) throw new Error('the Work Orders view read nothing');
  };
}

/** The Pools view's first look: a fresh list reads the first page of flow pools and of back pools, at once. */
function poolsFirstView(client: GslClient): () => Promise<void> {
  return async () => {
    const list = new PoolList(() => client, () => 100);
    await list.load();
    if (list.pools('flow').error !== undefined || list.pools('flow').items.length === 0) throw new Error('the Pools view read nothing');
  };
}

async function benchFirstPage(name: string, view: (client: GslClient) => () => Promise<void>, slow: SimulatorProcess, fast: SimulatorProcess): Promise<Figure> {
  const serverSamples = await timeRuns(RUNS, view(clientFor(fast)));
  const samples = await timeRuns(RUNS, view(clientFor(slow)));
  const serverMs = summarize(serverSamples).median;
  return { name, unit: 'ms', ...summarize(samples), limit: LATENCY_MS + serverMs, limitNote: `1 round trip + ${serverMs.toFixed(1)} ms server`, goalRatio: 1.5 };
}

async function benchScan(slow: SimulatorProcess): Promise<Figure> {
  const client = clientFor(slow);
  let cards = 0;
  const samples = await timeRuns(Math.max(3, Math.ceil(RUNS / 2)), async () => {
    cards = 0;
    for await (const page of client.iterateSimCards({}, { pageSize: PAGE, concurrency: CONCURRENCY })) cards += page.length;
  });
  await client.dispose();
  const pages = Math.ceil(cards / PAGE);
  return {
    name: `Whole-fleet scan (${cards.toLocaleString('en-US')} cards, ${pages} pages, concurrency ${CONCURRENCY}, 50 ms latency)`,
    unit: 'ms',
    ...summarize(samples),
    limit: Math.ceil(pages / CONCURRENCY) * LATENCY_MS,
    limitNote: 'ceil(pages/concurrency) × latency',
    goalRatio: 1.25,
  };
}

/**
 * The same scan's pages fetched by bare undici with the bodies thrown away: what the round trips
 * and the loopback cost alone, so the scan's excess over its limit can be split into theirs and the
 * client's.
 */
async function benchScanFloor(slow: SimulatorProcess, pages: number): Promise<Figure> {
  const pool = new Pool(slow.info.endpoint, { connections: CONCURRENCY, pipelining: 1 });
  const samples = await timeRuns(Math.max(3, Math.ceil(RUNS / 2)), async () => {
    let next = 1;
    const worker = async (): Promise<void> => {
      while (next <= pages) {
        const offset = next++;
        const headers = signedHeaders(slow, '/v1/sim-cards', [['limit', String(PAGE)], ['offset', String(offset)]]);
        const res = await pool.request({ method: 'GET', path: `/v1/sim-cards?limit=${PAGE}&offset=${offset}`, headers });
        await res.body.dump({ limit: Infinity });
        if (res.statusCode !== 200) throw new Error(`simulator answered ${res.statusCode}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  });
  await pool.close();
  return {
    name: `Scan floor: the same ${pages} pages by bare undici, bodies discarded`,
    unit: 'ms',
    ...summarize(samples),
    limit: Math.ceil(pages / CONCURRENCY) * LATENCY_MS,
    limitNote: 'ceil(pages/concurrency) × latency',
    note: 'round trips and loopback alone; the scan above adds the client',
  };
}

interface ScanMemory {
  cards: number;
  pages: number;
  peakRssMb: number;
  peakHeapMb: number;
  peakLiveHeapMb: number;
  peakLiveBuffersMb: number;
  ms: number;
}

function scanMemory(sim: SimulatorProcess, exposeGc: boolean): ScanMemory {
  const { endpoint, ak, sk, projectId } = sim.info;
  const out = execFileSync(process.execPath, [...(exposeGc ? ['--expose-gc'] : []), join(__dirname, 'scanChild.js'), endpoint, ak, sk, projectId, String(CONCURRENCY)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as ScanMemory;
}

async function benchMemory(small: SimulatorProcess, fast: SimulatorProcess): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const [label, sim] of [['10,000', small], ['100,000', fast]] as const) {
    const runs = [0, 1, 2].map(() => scanMemory(sim, false));
    const live = [0, 1, 2].map(() => scanMemory(sim, true));
    figures.push({ name: `Scan peak RSS, streaming, ${label} cards`, unit: 'MB', ...summarize(runs.map((r) => r.peakRssMb)) });
    figures.push({ name: `Scan peak heap incl. garbage, streaming, ${label} cards`, unit: 'MB', ...summarize(runs.map((r) => r.peakHeapMb)) });
    figures.push({
      name: `Scan peak live heap (after GC), streaming, ${label} cards`,
      unit: 'MB',
      ...summarize(live.map((r) => r.peakLiveHeapMb)),
      note: label === '100,000' ? 'what the scan retains; flat from 10,000 to 100,000 cards means memory does not grow with the fleet' : undefined,
    });
  }
  return figures;
}

/** Sign one request the plain way, for the baseline loop and the simulator load. */
function signedHeaders(sim: SimulatorProcess, path: string, query: Array<[string, string]>): Record<string, string> {
  const url = new URL(sim.info.endpoint);
  const headers: Record<string, string> = { Host: url.host, 'X-Project-Id': sim.info.projectId };
  signRequest({ method: 'GET', path, query, headers, body: '' }, sim.info.ak, sim.info.sk);
  return headers;
}

async function benchThroughput(fast: SimulatorProcess): Promise<Figure[]> {
  const pagesPerRun = 100;
  const clientRate: number[] = [];
  const clientCpu: number[] = [];
  const plainRate: number[] = [];
  const plainCpu: number[] = [];
  const client = clientFor(fast);
  for (let run = 0; run <= RUNS; run++) {
    // The client: the paging iterator over the first 100 pages.
    settle();
    let cpu = process.cpuUsage();
    let t = performance.now();
    let pages = 0;
    for await (const _page of client.iterateSimCards({}, { pageSize: PAGE, concurrency: CONCURRENCY })) {
      if (++pages >= pagesPerRun) break;
    }
    let elapsed = performance.now() - t;
    let used = process.cpuUsage(cpu);
    if (run > 0) {
      clientRate.push((pages / elapsed) * 1000);
      clientCpu.push((used.user + used.system) / 1000 / pages);
    }
    // The baseline: a plain sequential fetch + JSON.parse loop over the same pages.
    settle();
    cpu = process.cpuUsage();
    t = performance.now();
    for (let p = 1; p <= pagesPerRun; p++) {
      const query: Array<[string, string]> = [['limit', String(PAGE)], ['offset', String(p)]];
      const res = await fetch(`${fast.info.endpoint}/v1/sim-cards?limit=${PAGE}&offset=${p}`, { headers: signedHeaders(fast, '/v1/sim-cards', query) });
      const body = JSON.parse(await res.text());
      if (!Array.isArray(body.sim_cards)) throw new Error('baseline page was not a card list');
    }
    elapsed = performance.now() - t;
    used = process.cpuUsage(cpu);
    if (run > 0) {
      plainRate.push((pagesPerRun / elapsed) * 1000);
      plainCpu.push((used.user + used.system) / 1000 / pagesPerRun);
    }
  }
  await client.dispose();
  const plain = summarize(plainRate);
  return [
    { name: 'Client throughput, 500-card pages, no latency', unit: 'pages/s', ...summarize(clientRate), limit: plain.median, limitNote: 'plain fetch + JSON.parse loop', goalRatio: 1, higherIsBetter: true },
    { name: 'Plain fetch + JSON.parse loop (baseline)', unit: 'pages/s', ...plain },
    { name: 'Client CPU per page', unit: 'ms', ...summarize(clientCpu), note: 'includes signing, lossless id parsing and response checks' },
    { name: 'Plain loop CPU per page', unit: 'ms', ...summarize(plainCpu) },
  ];
}

/** The first `n` card ids in use, read through the paging iterator. */
async function cardIds(client: GslClient, n: number): Promise<Id[]> {
  const ids: Id[] = [];
  for await (const page of client.iterateSimCards({ sim_status: 20 }, { pageSize: PAGE, concurrency: CONCURRENCY })) {
    ids.push(...page.map((c) => c.sim_card_id));
    if (ids.length >= n) break;
  }
  return ids.slice(0, n);
}

async function benchUsage(slow: SimulatorProcess, fast: SimulatorProcess): Promise<Figure[]> {
  // Both simulators generate the same fleet from the same seed, so the ids serve both.
  const slowClient = clientFor(slow);
  const fastClient = clientFor(fast);
  const ids = await cardIds(slowClient, 1000);
  // This month, as the usage panel asks for it.
  const [month] = dailyMonths(new Date());
  const figures: Figure[] = [];
  for (const n of [1, 100, 1000]) {
    const slice = ids.slice(0, n);
    const load = (client: GslClient) => async () => {
      await loadDailyUsage(client, slice, month);
    };
    // Server time: the same requests with no added latency.
    const serverMs = summarize(await timeRuns(RUNS, load(fastClient))).median;
    const samples = await timeRuns(RUNS, load(slowClient));
    const requests = Math.ceil(n / 100);
    figures.push({
      name: `Daily usage, one month, ${n.toLocaleString('en-US')} card${n > 1 ? 's' : ''} (${requests} request${requests > 1 ? 's' : ''}, 50 ms latency)`,
      unit: 'ms',
      ...summarize(samples),
      limit: LATENCY_MS + serverMs,
      limitNote: `batches of 100 in parallel: 1 round trip + ${serverMs.toFixed(1)} ms server`,
    });
  }
  await Promise.all([slowClient.dispose(), fastClient.dispose()]);
  return figures;
}

/** The signed-in accounts as the editor's surfaces see them: here one, the benchmark's client. */
function oneAccount(client: GslClient): FleetAccounts {
  const changed = new Emitter<void>();
  const account = { id: 'bench', kind: 'account' as const, label: 'bench', currentClient: () => client };
  return {
    all: () => [account],
    get: (id) => (id === 'bench' ? account : undefined),
    state: 'account',
    whenSignedIn: async () => account,
    onDidChange: changed.event,
  };
}

async function simRequests(sim: SimulatorProcess): Promise<number> {
  const res = await fetch(`${sim.info.endpoint}/__sim/stats`);
  return ((await res.json()) as { requests: number }).requests;
}
async function resetSimStats(sim: SimulatorProcess): Promise<void> {
  await (await fetch(`${sim.info.endpoint}/__sim/stats/reset`, { method: 'POST' })).text();
}

/** Cards spread over the whole fleet (both simulators hold the same one): every 97th of some pages. */
async function spreadCards(client: GslClient, n: number): Promise<SimDeviceVO[]> {
  const pages = Math.ceil(FLEET / PAGE);
  const step = Math.max(1, Math.floor(pages / 10));
  const cards: SimDeviceVO[] = [];
  for (let offset = 1; offset <= pages && cards.length < n * 3; offset += step) {
    const page = await client.listSimCards({ limit: PAGE, offset });
    cards.push(...page.sim_cards);
  }
  return cards.filter((_, i) => i % 3 === 0).slice(0, n);
}

/**
 * A device log of 1,000 lines, each naming a card by ICCID, IMSI, IMEI or MSISDN, ten of them
 * cards no account holds; what the editor's link provider hands the lookup.
 */
function deviceLog(cards: readonly SimDeviceVO[]): string {
  const withCheck = (body: string): string => body + [...'0123456789'].find((d) => luhnValid(body + d))!;
  const lines = cards.slice(0, 990).map((c, i) => {
    const id = [c.iccid, c.imsi, c.msisdn, c.imei || c.iccid][i % 4];
    return `2025-11-30T10:${String(i % 60).padStart(2, '0')}:00.000Z seq=${i} card=${id} rssi=-7${i % 10}`;
  });
  for (let i = 0; i < 10; i++) lines.push(`2025-11-30T11:00:00.000Z card=${withCheck(`89869${String(i).padStart(14, '0')}`)} unknown`);
  return lines.join('\n');
}

async function benchIdentifiers(slow: SimulatorProcess, fast: SimulatorProcess): Promise<Figure[]> {
  const slowClient = clientFor(slow);
  const fastClient = clientFor(fast);
  const cards = await spreadCards(fastClient, 1000);
  if (cards.length < 1000) throw new Error(`only ${cards.length} cards`);
  const figures: Figure[] = [];

  // A hover over an ICCID nothing has looked up yet: a fresh cache each time, a different card each time.
  let next = 0;
  const hover = (client: GslClient) => async () => {
    const card = cards[next++ % cards.length];
    const lookup = new CardLookup({ accounts: oneAccount(client), notFoundTtlMs: () => 600_000 });
    const id: CardIdentifier = { kind: 'iccid', value: card.iccid! };
    const r = await lookup.resolveOne(id, { urgent: true });
    if (r.state !== 'found') throw new Error(`hover: ${card.iccid} not found`);
    cardHoverMarkdown({ id, accountId: 'bench', card: r.found.card }, formatOnly);
    lookup.dispose();
  };
  const hoverServerMs = summarize(await timeRuns(RUNS, hover(fastClient))).median;
  figures.push({
    name: 'Hover on an identifier not yet cached (one search, 50 ms latency)',
    unit: 'ms',
    ...summarize(await timeRuns(RUNS, hover(slowClient))),
    limit: LATENCY_MS + hoverServerMs,
    limitNote: `1 round trip + ${hoverServerMs.toFixed(1)} ms server`,
    goalRatio: 1.5,
  });

  // A 1,000-identifier log resolved whole, as the link provider asks for it; a fresh cache each run.
  const text = deviceLog(cards);
  const ids = findIdentifiers(text);
  if (ids.length !== 1000) throw new Error(`the log holds ${ids.length} identifiers, not 1,000`);
  let requests = 0;
  let simSeen = 0;
  const samples = await timeRuns(Math.max(3, Math.ceil(RUNS / 2)), async () => {
    await resetSimStats(slow);
    const lookup = new CardLookup({ accounts: oneAccount(slowClient), notFoundTtlMs: () => 600_000 });
    const results = await lookup.resolve(findIdentifiers(text));
    const found = [...results.values()].filter((r) => r.state === 'found').length;
    const absent = [...results.values()].filter((r) => r.state === 'absent').length;
    if (found + absent !== results.size) throw new Error('the log was not fully resolved');
    requests = lookup.stats.requests;
    simSeen = await simRequests(slow);
    lookup.dispose();
  });
  if (simSeen !== requests) throw new Error(`the simulator saw ${simSeen} requests, the lookup counted ${requests}`);
  figures.push({
    name: `1,000-identifier log fully resolved (${requests} requests: one read of ${FLEET.toLocaleString('en-US')} cards, ${READ_CONCURRENCY} in flight, 50 ms latency)`,
    unit: 'ms',
    ...summarize(samples),
    limit: Math.ceil(requests / READ_CONCURRENCY) * LATENCY_MS,
    limitNote: `ceil(${requests} requests / ${READ_CONCURRENCY}) × latency`,
    goalRatio: 1.5,
    note: `${requests} requests for 1,000 identifiers (the simulator counted ${simSeen}); the first page tells the fleet's size, so ceil((requests - 1) / ${READ_CONCURRENCY}) + 1 round trips at best`,
  });
  await Promise.all([slowClient.dispose(), fastClient.dispose()]);
  return figures;
}

/**
 * Tagging 10,000 cards as *Add Tags* does it: the cards grouped by the tag set each will have (here
 * one set, as none had a tag), 20 BatchSetTags requests of 500 sent a few at a time, each once.
 */
async function benchTagging(slow: SimulatorProcess): Promise<Figure> {
  const client = clientFor(slow);
  const cards = [];
  for await (const page of client.iterateSimCards({}, { pageSize: PAGE, concurrency: CONCURRENCY })) {
    cards.push(...page.filter((c) => !c.tag_names));
    if (cards.length >= 10_000) break;
  }
  const selection = cards.slice(0, 10_000);
  const tags = await listAllTags(client);
  const tag = tags.find((t) => t.tag_name === 'bench-tag') ?? (await client.createTag('bench-tag'));
  const index = tagIndex([...tags, tag]);
  let requests = 0;
  const samples = await timeRuns(RUNS, async () => {
    const plan = planTagChange(selection, { add: ['bench-tag'] }, index);
    requests = plan.requests.length;
    const outcomes = await sendEach(plan.requests, (r) => sendBatchRequest(client, r), { concurrency: ACTION_CONCURRENCY });
    if (outcomes.some((o) => !o?.ok)) throw new Error('a tagging request failed');
  });
  await client.dispose();
  return {
    name: `Tagging ${selection.length.toLocaleString('en-US')} cards (${requests} requests of 500, concurrency ${ACTION_CONCURRENCY}, 50 ms latency)`,
    unit: 'ms',
    ...summarize(samples),
    limit: Math.ceil(requests / ACTION_CONCURRENCY) * LATENCY_MS,
    limitNote: 'ceil(requests/concurrency) × latency',
    goalRatio: 1.25,
  };
}

async function benchSimulator(fast: SimulatorProcess): Promise<Figure> {
  const pool = new Pool(fast.info.endpoint, { connections: 8, pipelining: 1 });
  const headers = signedHeaders(fast, '/v1/sim-cards', [['limit', String(PAGE)], ['offset', '7']]);
  const samples: number[] = [];
  for (let run = 0; run < Math.max(3, Math.ceil(RUNS / 2)); run++) {
    let done = 0;
    const until = performance.now() + 2000;
    const worker = async () => {
      while (performance.now() < until) {
        const res = await pool.request({ method: 'GET', path: `/v1/sim-cards?limit=${PAGE}&offset=7`, headers });
        await res.body.text();
        if (res.statusCode !== 200) throw new Error(`simulator answered ${res.statusCode}`);
        done++;
      }
    };
    const t = performance.now();
    await Promise.all(Array.from({ length: 8 }, worker));
    samples.push((done / (performance.now() - t)) * 1000);
  }
  await pool.close();
  return { name: 'Simulator, 500-card page, 8 connections', unit: 'req/s', ...summarize(samples), note: 'against the client scan rate above: the simulator is never the bottleneck' };
}

function benchBundle(): Figure[] {
  const dir = mkdtempSync(join(tmpdir(), 'sim-fleet-bench-'));
  try {
    // Built as the package builds them: minified, test hooks off, the runtime bundle kept apart.
    const common = { bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', define: { SIM_FLEET_TEST_HOOKS: 'false' } } as const;
    const entry = join(dir, 'extension.js');
    const runtime = join(dir, 'runtime.js');
    buildSync({ ...common, entryPoints: [join(ROOT, 'src', 'extension.ts')], outfile: entry, external: ['vscode', './runtime.js'] });
    buildSync({ ...common, entryPoints: [join(ROOT, 'src', 'runtime.ts')], outfile: runtime, external: ['vscode'] });
    const kib = (f: string): number => statSync(f).size / 1024;
    const one = (name: string, kb: number, note?: string): Figure => ({ name, unit: 'KiB', median: kb, min: kb, max: kb, runs: 1, note });
    return [
      one('Extension entry bundle (minified; what activation parses)', kib(entry)),
      one('Runtime bundle (minified; client, undici, simulator; loaded on first use)', kib(runtime)),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The seed every benchmark simulator runs with (startSimulatorProcess's default). */
const BENCH_SEED = 42;
const HISTORY_DAYS = 10;

interface AttentionRun {
  ms: number;
  cards: number;
  historyMs: number;
  historyDays: number;
  stats: { usageRequests: { thisMonth: number; lastMonth: number }; poolRequests: number; candidates: { any: number } };
  peakLiveHeapMb: number;
  peakLiveBuffersMb: number;
}

function attentionRun(sim: SimulatorProcess, exposeGc: boolean, historyDir?: string): AttentionRun {
  const { endpoint, ak, sk, projectId } = sim.info;
  const args = [...(exposeGc ? ['--expose-gc'] : []), join(__dirname, 'attentionChild.js'), endpoint, ak, sk, projectId, String(CONCURRENCY), ...(historyDir ? [historyDir] : [])];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as AttentionRun;
}

/**
 * The snapshots the extension would have taken on the days before today, of the fleet the
 * benchmark's simulators serve (same seed, size and day, so the same cards), as files.
 */
function writeHistory(dir: string): void {
  const store = new FleetStore({ seed: BENCH_SEED, size: FLEET, nowMs: Date.now() });
  const cards = store.allCards();
  for (let k = 1; k <= HISTORY_DAYS; k++) writeFileSync(join(dir, `day-${String(k).padStart(2, '0')}.sfs`), encodeSnapshot(pastSnapshot(store, k, cards)));
}

/**
 * Needs attention on the 100,000-card fleet with 50 ms latency, each run in a fresh process,
 * interleaved with whole-fleet scans in the same kind of process so the two are compared in
 * one run on the same machine state.
 */
async function benchAttention(slow: SimulatorProcess): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sim-fleet-history-'));
  try {
    log('  writing 10 days of snapshots…');
    writeHistory(dir);
    const runs = Math.max(3, Math.ceil(RUNS / 2));
    const scan: number[] = [];
    const first: AttentionRun[] = [];
    const again: AttentionRun[] = [];
    for (let r = 0; r < runs; r++) {
      log(`  run ${r + 1}/${runs}: scan, first run, run with history…`);
      scan.push(scanMemory(slow, false).ms);
      first.push(attentionRun(slow, false));
      again.push(attentionRun(slow, false, dir));
    }
    log('  live heap: scan, first run, run with history…');
    const scanLive = [0, 1].map(() => scanMemory(slow, true));
    const firstLive = [0, 1].map(() => attentionRun(slow, true));
    const againLive = [0, 1].map(() => attentionRun(slow, true, dir));
    const scanMs = summarize(scan).median;
    const requests = (r: AttentionRun) => r.stats.usageRequests.thisMonth + r.stats.usageRequests.lastMonth;
    const liveHeap = (xs: Array<{ peakLiveHeapMb: number }>) => summarize(xs.map((x) => x.peakLiveHeapMb));
    const liveAll = (xs: Array<{ peakLiveHeapMb: number; peakLiveBuffersMb: number }>) => summarize(xs.map((x) => x.peakLiveHeapMb + x.peakLiveBuffersMb));
    const scanHeap = liveHeap(scanLive).median;
    const scanAll = liveAll(scanLive).median;
    return [
      { name: `Whole-fleet scan, ${FLEET.toLocaleString('en-US')} cards, 50 ms latency (fresh process, beside the runs below)`, unit: 'ms', ...summarize(scan) },
      {
        name: `Needs attention complete, first run (no history)`,
        unit: 'ms',
        ...summarize(first.map((r) => r.ms)),
        limit: scanMs,
        limitNote: 'the scan above',
        note: `${requests(first[0])} daily-usage requests for ${first[0].stats.candidates.any.toLocaleString('en-US')} candidates (every card in use), ${first[0].stats.poolRequests} pool requests; no goal: the first run reads every card's days`,
      },
      {
        name: `Needs attention complete, with ${again[0].historyDays} days of history`,
        unit: 'ms',
        ...summarize(again.map((r) => r.ms)),
        limit: scanMs,
        limitNote: 'the scan above',
        goalRatio: 1.5,
        note: `${requests(again[0])} daily-usage requests for ${again[0].stats.candidates.any.toLocaleString('en-US')} candidates, ${again[0].stats.poolRequests} pool requests`,
      },
      { name: `History: read ${HISTORY_DAYS} snapshot files and build the usage history`, unit: 'ms', ...summarize(again.map((r) => r.historyMs)), note: 'before the run; not in its time' },
      { name: 'Scan peak live heap (after GC), same run', unit: 'MB', ...liveHeap(scanLive) },
      { name: 'Needs attention peak live heap (after GC), with history', unit: 'MB', ...liveHeap(againLive), limit: scanHeap, limitNote: 'the scan\'s', goalRatio: 1.5 },
      { name: 'Needs attention peak live heap (after GC), first run', unit: 'MB', ...liveHeap(firstLive), limit: scanHeap, limitNote: 'the scan\'s' },
      {
        name: 'Needs attention peak live heap + array buffers, with history',
        unit: 'MB',
        ...liveAll(againLive),
        limit: scanAll,
        limitNote: 'the scan\'s, same measure',
        goalRatio: 1.5,
        note: 'the engine keeps its per-card columns (the snapshot it builds, the history) in typed arrays, outside the JS heap: this counts them',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One snapshot of the 100,000-card fleet: its size on disk, encoding and writing it, comparing two. */
async function benchSnapshot(): Promise<Figure[]> {
  const store = new FleetStore({ seed: BENCH_SEED, size: FLEET, nowMs: Date.now() });
  const cards = store.allCards();
  const builder = new SnapshotBuilder(cards.length);
  for (const c of cards) builder.add(c.vo);
  const today = builder.finish(Date.now());
  const yesterday = pastSnapshot(store, 1, cards);
  const dir = mkdtempSync(join(tmpdir(), 'sim-fleet-snapshot-'));
  try {
    const file = join(dir, 'today.sfs');
    const write = await timeRuns(RUNS, async () => writeFileSync(file, encodeSnapshot(today)));
    const mb = statSync(file).size / 2 ** 20;
    const read = await timeRuns(RUNS, async () => void decodeSnapshot(readFileSync(file)));
    const older = encodeSnapshot(yesterday);
    const newer = readFileSync(file);
    // Each comparison gets freshly decoded snapshots, so it pays for sorting their ids.
    const compare: number[] = [];
    for (let r = 0; r <= RUNS; r++) {
      const a = decodeSnapshot(older);
      const b = decodeSnapshot(newer);
      settle();
      const t = performance.now();
      compareSnapshots(a, b);
      if (r > 0) compare.push(performance.now() - t);
    }
    const n = FLEET.toLocaleString('en-US');
    return [
      { name: `Snapshot of ${n} cards, size on disk`, unit: 'MB', median: mb, min: mb, max: mb, runs: 1, limit: 2, limitNote: 'the issue\'s budget', goalRatio: 1 },
      { name: `Snapshot of ${n} cards, encode + write`, unit: 'ms', ...summarize(write), limit: 1000, limitNote: '1 s', goalRatio: 1 },
      { name: `Snapshot of ${n} cards, read + decode`, unit: 'ms', ...summarize(read) },
      { name: `Compare two snapshots of ${n} cards (what changed)`, unit: 'ms', ...summarize(compare), limit: 1000, limitNote: '1 s', goalRatio: 1 },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A 1,000,000-card fleet against the 100,000-card one, both without added latency, scanned in turns. */
async function benchMillion(fast: SimulatorProcess): Promise<Figure[]> {
  log('  starting a 1,000,000-card simulator…');
  const big = await startSimulatorProcess(1_000_000, 0);
  try {
    const rssStart = big.rssMb();
    const runs = 3;
    const rate = (r: ScanMemory) => (r.pages / r.ms) * 1000;
    const small: number[] = [];
    const large: number[] = [];
    for (let r = 0; r < runs; r++) {
      log(`  scan ${r + 1}/${runs}: 100,000 then 1,000,000 cards…`);
      small.push(rate(scanMemory(fast, false)));
      large.push(rate(scanMemory(big, false)));
    }
    log('  live heap at both sizes…');
    const smallLive = scanMemory(fast, true).peakLiveHeapMb;
    const largeLive = scanMemory(big, true).peakLiveHeapMb;
    const rssAfter = big.rssMb();
    const smallRate = summarize(small).median;
    const one = (name: string, unit: string, v: number, extra: Partial<Figure> = {}): Figure => ({ name, unit, median: v, min: v, max: v, runs: 1, ...extra });
    return [
      one('Simulator start-up with 1,000,000 cards (ready line)', 'ms', big.startupMs, { limit: 30_000, limitNote: '30 s', goalRatio: 1 }),
      { name: 'Scan, 100,000 cards, no latency', unit: 'pages/s', ...summarize(small) },
      { name: 'Scan, 1,000,000 cards, no latency', unit: 'pages/s', ...summarize(large), limit: smallRate, limitNote: 'the 100,000-card scan above', goalRatio: 0.8, higherIsBetter: true },
      one('Client peak live heap, 1,000,000-card scan', 'MB', largeLive, { limit: smallLive, limitNote: 'the 100,000-card scan\'s', goalRatio: 1.25, note: 'flat: the client holds one window of pages whatever the fleet' }),
      one('Simulator resident memory, 1,000,000 cards, after start', 'MB', rssStart, { limit: 1024, limitNote: '1 GB', goalRatio: 1 }),
      one('Simulator resident memory, 1,000,000 cards, after the scans', 'MB', rssAfter, { limit: 1024, limitNote: '1 GB', goalRatio: 1 }),
      one('Simulator resident memory, 100,000 cards, after its scans', 'MB', fast.rssMb()),
    ];
  } finally {
    await big.stop();
  }
}

async function main(): Promise<void> {
  log(`SIM Fleet benchmark: ${FLEET.toLocaleString('en-US')} cards, ${RUNS} runs per figure, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  log('starting simulators…');
  // The service with latency stands for a real one, which answers a page far faster than this
  // 2-core machine can build it while the client runs beside it: it keeps every page it served
  // (about 100 MB for 100,000 cards), as the simulator did before its default became a fixed
  // budget. The services without latency keep that default, so the million-card comparison
  // measures what a page costs at each size.
  const [slow, fast, small] = await Promise.all([startSimulatorProcess(FLEET, LATENCY_MS, 42, 256), startSimulatorProcess(FLEET, 0), startSimulatorProcess(10_000, 0)]);
  const figures: Figure[] = [];
  try {
    figures.push({ name: `Simulator start-up with ${FLEET.toLocaleString('en-US')} cards`, unit: 'ms', median: fast.startupMs, min: fast.startupMs, max: fast.startupMs, runs: 1 });
    if (want('tree')) {
      log('tree first view…');
      figures.push(await benchTree(slow, fast));
    }
    if (want('workOrders')) {
      log('Work Orders first page…');
      figures.push(await benchFirstPage('Work Orders first page (first page + pending orders, 50 ms latency)', workOrdersFirstView, slow, fast));
    }
    if (want('pools')) {
      log('Pools first page…');
      figures.push(await benchFirstPage('Pools first page (flow + back pools, 50 ms latency)', poolsFirstView, slow, fast));
    }
    if (want('scan')) {
      log('whole-fleet scan…');
      figures.push(await benchScan(slow), await benchScanFloor(slow, Math.ceil(FLEET / PAGE)));
    }
    if (want('memory')) {
      log('scan memory…');
      figures.push(...(await benchMemory(small, fast)));
    }
    if (want('throughput')) {
      log('raw client throughput…');
      figures.push(...(await benchThroughput(fast)));
    }
    if (want('usage')) {
      log('usage for many cards…');
      figures.push(...(await benchUsage(slow, fast)));
    }
    if (want('identifiers')) {
      log('identifiers in files…');
      figures.push(...(await benchIdentifiers(slow, fast)));
    }
    if (want('tagging')) {
      log('tagging 10,000 cards…');
      figures.push(await benchTagging(slow));
    }
    if (want('simulator')) {
      log('simulator throughput…');
      figures.push(await benchSimulator(fast));
    }
    if (want('attention')) {
      log('Needs attention against the scan…');
      figures.push(...(await benchAttention(slow)));
    }
    if (want('snapshot')) {
      log('snapshots…');
      figures.push(...(await benchSnapshot()));
    }
    if (want('million')) {
      log('a million cards…');
      figures.push(...(await benchMillion(fast)));
    }
    if (want('bundle')) figures.push(...benchBundle());
  } finally {
    await Promise.all([slow.stop(), fast.stop(), small.stop()]);
  }
  // In a fresh VS Code per run, after the simulators are gone so they take no CPU from it.
  if (want('activation')) {
    log('activate() in VS Code…');
    figures.push(...(await benchActivation(3)));
  }
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString() };
  if (asJson) process.stdout.write(JSON.stringify({ machine, figures: figures.map(withVerdict) }, null, 2) + '\n');
  else process.stdout.write('\n' + renderTable(figures) + '\n');
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + '\n');
  process.exit(1);
});
