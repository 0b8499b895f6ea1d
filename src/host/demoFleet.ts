/**
 * The demo fleet: the embedded GSL simulator, started inside the extension host on 127.0.0.1,
 * signed in to with its AK/SK through the same client a real account uses.
 */
import type { Credentials, GslEndpoints } from '../gsl/api';
import { startSimulator } from '../simulator/index';

export interface DemoOptions {
  cards?: number;
  seed?: number;
  /** How long a demo work order takes to end. */
  workOrderMs?: number;
}

export interface DemoFleet {
  readonly endpoints: GslEndpoints;
  readonly credentials: Credentials;
  readonly cards: number;
  readonly simulator: Awaited<ReturnType<typeof startSimulator>>;
  close(): Promise<void>;
}

/** Fixed, so every demo shows the same fleet and screenshots and tests can be repeated. */
export const DEMO_SEED = 20240115;
export const DEMO_WORK_ORDER_MS = 4000;

export async function startDemoFleet(options: DemoOptions & { cards: number }): Promise<DemoFleet> {
  const simulator = await startSimulator({
    port: 0,
    cards: options.cards,
    seed: options.seed ?? DEMO_SEED,
    workOrderMs: options.workOrderMs ?? DEMO_WORK_ORDER_MS,
  });
  const { info } = simulator;
  return {
    endpoints: { gsl: info.endpoint, iam: info.iamEndpoint },
    credentials: { kind: 'aksk', ak: info.ak, sk: info.sk, projectId: info.projectId },
    cards: info.cards,
    simulator,
    close: () => Promise.resolve(simulator.close()),
  };
}
