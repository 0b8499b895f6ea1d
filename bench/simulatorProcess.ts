/**
 * The simulator in its own process, so the benchmark's client and the server do not share
 * one event loop (as in real use, where the service is elsewhere).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

export interface SimulatorProcess {
  info: { endpoint: string; iamEndpoint: string; ak: string; sk: string; projectId: string; domain: string; user: string; password: string };
  startupMs: number;
  /** Resident memory of the simulator's process now, MB (Linux: /proc/<pid>/status). */
  rssMb(): number;
  stop(): Promise<void>;
}

const SIMULATOR_JS = join(__dirname, '..', '..', 'dist', 'simulator.js');

/** `pageCacheMb`: the simulator's memory for pages asked for again (its default when absent). */
export async function startSimulatorProcess(cards: number, latencyMs: number, seed = 42, pageCacheMb?: number): Promise<SimulatorProcess> {
  const started = performance.now();
  const cache = pageCacheMb === undefined ? [] : ['--page-cache-mb', String(pageCacheMb)];
  const child: ChildProcess = spawn(process.execPath, [SIMULATOR_JS, '--port', '0', '--cards', String(cards), '--seed', String(seed), '--latency', String(latencyMs), ...cache], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', (l) => resolve(l));
    child.once('exit', (code) => reject(new Error(`simulator exited with code ${code} before it was ready`)));
  });
  const info = JSON.parse(line) as SimulatorProcess['info'];
  return {
    info,
    startupMs: performance.now() - started,
    rssMb: () => {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (!m) throw new Error('no VmRSS for the simulator process');
      return Number(m[1]) / 1024;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
