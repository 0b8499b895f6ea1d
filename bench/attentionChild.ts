/**
 * One Needs attention run in a fresh process, so its memory belongs to it alone (as
 * scanChild.ts does for the scan). Arguments: endpoint ak sk projectId concurrency [historyDir].
 * With a history folder, the snapshots in it are read one file at a time and turned into the
 * usage history before the run (timed apart: `historyMs`).
 * Prints one JSON line: { ms, cards, historyMs, stats, counts, peakLiveHeapMb, peakLiveBuffersMb }.
 * With --expose-gc it collects every 10 pages and every 10 extra requests and records what is
 * still in use after it: the JS heap, and the typed arrays' buffers outside it, which hold the
 * engine's per-card columns. Without it, only the times are meaningful.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GslClient } from '../src/gsl/client';
import type { FleetSnapshot } from '../src/core/attention/index';
import { attentionSettings, buildUsageHistory, clockAt, decodeSnapshot, runAttention } from '../src/core/attention/index';

async function main(): Promise<void> {
  const [endpoint, ak, sk, projectId, concurrency, historyDir] = process.argv.slice(2);
  const client = new GslClient({ endpoints: { gsl: endpoint, iam: endpoint }, credentials: { get: async () => ({ kind: 'aksk', ak, sk, projectId }) }, concurrency: Number(concurrency) });
  const gc = (globalThis as { gc?: () => void }).gc;
  let peakHeap = 0;
  let peakBuffers = 0;
  const sample = (): void => {
    if (!gc) return;
    gc();
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakBuffers = Math.max(peakBuffers, m.arrayBuffers);
  };
  const now = Date.now();
  let historyMs = 0;
  let history;
  if (historyDir) {
    const t = performance.now();
    const files = readdirSync(historyDir).filter((f) => f.endsWith('.sfs'));
    // Decoded one file at a time; buildUsageHistory keeps only the days it needs.
    function* snapshots(): Generator<FleetSnapshot> {
      for (const f of files) yield decodeSnapshot(readFileSync(join(historyDir, f)));
    }
    history = buildUsageHistory(snapshots(), clockAt(now).yesterday, attentionSettings());
    historyMs = performance.now() - t;
  }
  // The history's snapshot files are garbage now; their buffers go back only after a collection
  // or two and a turn of the event loop. The peaks count from the run's start.
  for (let i = 0; i < 3 && gc; i++) {
    gc();
    await new Promise((r) => setImmediate(r));
  }
  sample();
  peakHeap = 0;
  peakBuffers = 0;
  let pages = 0;
  let requests = 0;
  const started = performance.now();
  const result = await runAttention(client, {
    now: () => now,
    history,
    onProgress: (p) => {
      if (p.phase === 'scan' && ++pages % 10 === 0) sample();
      if (p.phase === 'usage' && ++requests % 10 === 0) sample();
    },
  });
  const ms = performance.now() - started;
  sample();
  await client.dispose();
  process.stdout.write(
    JSON.stringify({ ms, cards: result.stats.cards, historyMs, historyDays: history?.days ?? 0, stats: result.stats, counts: result.counts, peakLiveHeapMb: peakHeap / 2 ** 20, peakLiveBuffersMb: peakBuffers / 2 ** 20 }) + '\n',
  );
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + '\n');
  process.exit(1);
});
