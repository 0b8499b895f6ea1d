/**
 * One whole-fleet scan in a fresh process, so its peak RSS and heap belong to the scan alone.
 * The caller streams: each page is counted and dropped, as an export or fleet-wide check does.
 * Prints one JSON line: { cards, pages, ms, peakRssMb, peakHeapMb, peakLiveHeapMb, peakLiveBuffersMb }.
 * With --expose-gc it also collects every 10 pages and records the heap still in use after
 * it (`peakLiveHeapMb`): what the scan retains, apart from garbage not yet collected; and the
 * array buffers outside the heap (`peakLiveBuffersMb`: response bodies in flight).
 */
import { GslClient } from '../src/gsl/client';

async function main(): Promise<void> {
  const [endpoint, ak, sk, projectId, concurrency] = process.argv.slice(2);
  const client = new GslClient({
    endpoints: { gsl: endpoint, iam: endpoint },
    credentials: { get: async () => ({ kind: 'aksk', ak, sk, projectId }) },
    concurrency: Number(concurrency),
  });
  const gc = (globalThis as { gc?: () => void }).gc;
  let peakHeap = 0;
  let peakLive = 0;
  let peakBuffers = 0;
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 5);
  const started = performance.now();
  let cards = 0;
  let pages = 0;
  for await (const page of client.iterateSimCards({}, { pageSize: 500, concurrency: Number(concurrency) })) {
    cards += page.length;
    pages++;
    sample();
    if (gc && pages % 10 === 0) {
      gc();
      const m = process.memoryUsage();
      peakLive = Math.max(peakLive, m.heapUsed);
      peakBuffers = Math.max(peakBuffers, m.arrayBuffers);
    }
  }
  const ms = performance.now() - started;
  clearInterval(timer);
  await client.dispose();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ cards, pages, ms, peakRssMb, peakHeapMb: peakHeap / 1024 / 1024, peakLiveHeapMb: peakLive / 1024 / 1024, peakLiveBuffersMb: peakBuffers / 1024 / 1024 }) + '\n');
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + '\n');
  process.exit(1);
});
