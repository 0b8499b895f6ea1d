/** Request counters, so tests can prove what a client sent (for example, a mutation exactly once). */

export interface SimulatorStats {
  /** GSL and IAM requests received (admin calls excluded). */
  requests: number;
  /** Per operation, keyed like `POST /v1/sim-cards/{id}/reset`; unknown paths under `UNKNOWN`. */
  operations: Record<string, number>;
  /** Per card id (or the ICCID/cid given when the card is unknown): mutating requests received. */
  cardMutations: Record<string, number>;
  /** Per card id, per operation key. */
  cardOperations: Record<string, Record<string, number>>;
  /** Per HTTP status sent. */
  statuses: Record<string, number>;
  faults: { errors: number; throttles: number; resets: number; malformed: number };
  authFailures: number;
  /** Work orders created through the API. */
  workOrders: number;
}

export class StatsRecorder {
  private s: SimulatorStats = StatsRecorder.empty();

  private static empty(): SimulatorStats {
    return { requests: 0, operations: {}, cardMutations: {}, cardOperations: {}, statuses: {}, faults: { errors: 0, throttles: 0, resets: 0, malformed: 0 }, authFailures: 0, workOrders: 0 };
  }

  request(op: string): void {
    this.s.requests++;
    this.s.operations[op] = (this.s.operations[op] ?? 0) + 1;
  }

  mutation(card: string, op: string): void {
    this.s.cardMutations[card] = (this.s.cardMutations[card] ?? 0) + 1;
    const per = (this.s.cardOperations[card] ??= {});
    per[op] = (per[op] ?? 0) + 1;
  }

  status(code: number): void {
    this.s.statuses[code] = (this.s.statuses[code] ?? 0) + 1;
  }

  fault(kind: keyof SimulatorStats['faults']): void {
    this.s.faults[kind]++;
  }

  authFailure(): void {
    this.s.authFailures++;
  }

  workOrder(): void {
    this.s.workOrders++;
  }

  snapshot(): SimulatorStats {
    return structuredClone(this.s);
  }

  reset(): void {
    this.s = StatsRecorder.empty();
  }
}
