/**
 * Fault injection for tests and demos of the client's resilience.
 *
 * Errors and throttling answer before the operation runs (as a gateway or busy backend
 * would). Connection resets and malformed bodies happen after it ran: the change is made but
 * the answer is lost, which is the case that proves a client never retries a mutation.
 */
import { Rng } from './rng';

export interface FaultConfig {
  latencyMs?: number;
  errorRate?: number;
  errorStatus?: number;
  errorCode?: string;
  /** The service's words in the injected error (`error_msg`); a default otherwise. */
  errorMessage?: string;
  throttleRate?: number;
  retryAfterSeconds?: number;
  resetRate?: number;
  malformedRate?: number;
  /** Regular expression tested against the request path; default: every GSL and IAM path. */
  pathPattern?: string;
  /** Only this HTTP method (any case); default: all. */
  method?: string;
  /** Apply to this many matching requests, then switch off. */
  times?: number;
}

export type FaultAction = 'error' | 'throttle' | 'reset' | 'malformed';

export interface FaultDecision {
  latencyMs: number;
  action?: FaultAction;
  config?: FaultConfig;
}

const RATE_KEYS = ['errorRate', 'throttleRate', 'resetRate', 'malformedRate'] as const;

/** Checks a config from options or the admin endpoint; returns a message when it is wrong. */
export function faultConfigProblem(f: unknown): string | undefined {
  if (f === undefined || f === null) return undefined;
  if (typeof f !== 'object' || Array.isArray(f)) return 'faults must be an object';
  const c = f as Record<string, unknown>;
  const known = new Set(['latencyMs', 'errorRate', 'errorStatus', 'errorCode', 'errorMessage', 'throttleRate', 'retryAfterSeconds', 'resetRate', 'malformedRate', 'pathPattern', 'method', 'times']);
  for (const k of Object.keys(c)) if (!known.has(k)) return `unknown fault setting ${k}`;
  for (const k of RATE_KEYS) {
    const v = c[k];
    if (v !== undefined && (typeof v !== 'number' || !(v >= 0 && v <= 1))) return `${k} must be a number from 0 to 1`;
  }
  for (const k of ['latencyMs', 'retryAfterSeconds', 'times']) {
    const v = c[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0)) return `${k} must be a non-negative integer`;
  }
  if (c.errorStatus !== undefined && (typeof c.errorStatus !== 'number' || !Number.isInteger(c.errorStatus) || c.errorStatus < 400 || c.errorStatus > 599)) {
    return 'errorStatus must be an HTTP error status (400–599)';
  }
  if (c.errorCode !== undefined && typeof c.errorCode !== 'string') return 'errorCode must be a string';
  if (c.errorMessage !== undefined && typeof c.errorMessage !== 'string') return 'errorMessage must be a string';
  if (c.method !== undefined && typeof c.method !== 'string') return 'method must be a string';
  if (c.pathPattern !== undefined) {
    if (typeof c.pathPattern !== 'string') return 'pathPattern must be a string';
    try {
      new RegExp(c.pathPattern);
    } catch {
      return 'pathPattern must be a regular expression';
    }
  }
  return undefined;
}

export class FaultInjector {
  private config: FaultConfig | undefined;
  private pattern: RegExp | undefined;
  private remaining: number | undefined;
  private readonly rng: Rng;

  constructor(seed: number, config?: FaultConfig) {
    this.rng = new Rng(seed ^ 0x5eed);
    this.set(config);
  }

  set(config: FaultConfig | undefined): void {
    this.config = config && Object.keys(config).length > 0 ? { ...config } : undefined;
    this.pattern = this.config?.pathPattern ? new RegExp(this.config.pathPattern) : undefined;
    this.remaining = this.config?.times;
  }

  get current(): FaultConfig | undefined {
    return this.config ? { ...this.config, times: this.remaining } : undefined;
  }

  decide(method: string, path: string): FaultDecision {
    const c = this.config;
    if (!c) return { latencyMs: 0 };
    if (c.method && c.method.toUpperCase() !== method.toUpperCase()) return { latencyMs: 0 };
    if (this.pattern && !this.pattern.test(path)) return { latencyMs: 0 };
    let action: FaultAction | undefined;
    if (this.roll(c.throttleRate)) action = 'throttle';
    else if (this.roll(c.errorRate)) action = 'error';
    else if (this.roll(c.resetRate)) action = 'reset';
    else if (this.roll(c.malformedRate)) action = 'malformed';
    const onlyLatency = RATE_KEYS.every((k) => !c[k]);
    if (action || onlyLatency) this.consume();
    return { latencyMs: c.latencyMs ?? 0, action, config: c };
  }

  private roll(rate: number | undefined): boolean {
    return !!rate && this.rng.next() < rate;
  }

  private consume(): void {
    if (this.remaining === undefined) return;
    this.remaining--;
    if (this.remaining <= 0) this.set(undefined);
  }
}
