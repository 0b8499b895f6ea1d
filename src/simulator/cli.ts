/**
 * `node dist/simulator.js --port 0 --cards N --seed S [--latency MS] [--work-order-ms MS]
 * [--token-ttl SECONDS] [--page-cache-mb MB]`: prints one JSON line with the endpoints and credentials when ready,
 * then serves until SIGINT/SIGTERM. Bad arguments: a message on stderr and exit code 2.
 */
import type { SimulatorOptions } from './index';
import { optionsProblem, startSimulator } from './index';

const FLAGS: Record<string, keyof SimulatorOptions> = {
  '--port': 'port',
  '--cards': 'cards',
  '--seed': 'seed',
  '--latency': 'latencyMs',
  '--work-order-ms': 'workOrderMs',
  '--token-ttl': 'tokenTtlSeconds',
  '--page-cache-mb': 'pageCacheMb',
};

const USAGE = 'usage: simulator [--port N] [--cards N] [--seed N] [--latency MS] [--work-order-ms MS] [--token-ttl SECONDS] [--page-cache-mb MB]';

export function parseArgs(argv: readonly string[]): SimulatorOptions | string {
  const opts: Record<string, number> = {};
  for (let i = 0; i < argv.length; i++) {
    let flag = argv[i];
    let value: string | undefined;
    const eq = flag.indexOf('=');
    if (flag.startsWith('--') && eq > 0) {
      value = flag.slice(eq + 1);
      flag = flag.slice(0, eq);
    }
    if (flag === '--help' || flag === '-h') return USAGE;
    const key = FLAGS[flag];
    if (!key) return `unknown argument ${flag}\n${USAGE}`;
    if (value === undefined) value = argv[++i];
    if (value === undefined || !/^\d+$/.test(value)) return `${flag} needs a non-negative integer value\n${USAGE}`;
    opts[key] = Number(value);
  }
  const problem = optionsProblem(opts);
  return problem ? `${problem}\n${USAGE}` : (opts as SimulatorOptions);
}

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === 'string') {
    process.stderr.write(parsed + '\n');
    process.exit(2);
  }
  const sim = await startSimulator(parsed);
  process.stdout.write(JSON.stringify(sim.info) + '\n');
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`simulator: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
