/** Starting the simulator and building clients against it, for the client tests. */
import { GslClient } from '../../../src/gsl/index';
import type { CredentialStore, Credentials, GslClientOptions } from '../../../src/gsl/index';
import { startSimulator } from '../../../src/simulator/index';
import type { RunningSimulator, SimulatorOptions } from '../../../src/simulator/index';

export type AuthMode = 'aksk' | 'iam';

export function credentialsFor(sim: RunningSimulator, mode: AuthMode): Credentials {
  const i = sim.info;
  return mode === 'aksk'
    ? { kind: 'aksk', ak: i.ak, sk: i.sk, projectId: i.projectId }
    : { kind: 'iam', domain: i.domain, user: i.user, password: i.password, project: i.projectName };
}

export interface TestClient {
  client: GslClient;
  lines: string[];
}

export function clientFor(sim: RunningSimulator, mode: AuthMode, extra: Partial<GslClientOptions> = {}): TestClient {
  const lines: string[] = [];
  const creds = credentialsFor(sim, mode);
  const credentials: CredentialStore = { get: async () => creds };
  const client = new GslClient({
    endpoints: { gsl: sim.info.endpoint, iam: sim.info.iamEndpoint },
    credentials,
    log: (l) => lines.push(l),
    // Fast retries keep the tests quick; the policy itself is the same.
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...extra,
  });
  return { client, lines };
}

/** Run `fn` with a fresh simulator, closing it however `fn` ends. */
export async function withSim(opts: SimulatorOptions, fn: (sim: RunningSimulator) => Promise<void>): Promise<void> {
  const sim = await startSimulator({ port: 0, ...opts });
  try {
    await fn(sim);
  } finally {
    await sim.close();
  }
}

/** Requests the simulator saw for one operation key, e.g. `POST /v1/sim-cards/{id}/reset`. */
export function seen(sim: RunningSimulator, key: string): number {
  return sim.stats().operations[key] ?? 0;
}
