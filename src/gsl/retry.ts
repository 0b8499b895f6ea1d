/**
 * Retry policy for idempotent reads: capped exponential backoff with full jitter, and
 * Retry-After honoured on throttling. Mutations never come through here more than once.
 */
import { GslError } from './errors';

export interface RetryOptions {
  /** Total attempts including the first; default 4. */
  maxAttempts?: number;
  /** Backoff base; default 200 ms. */
  baseDelayMs?: number;
  /** Cap on one backoff wait; default 5 s. */
  maxDelayMs?: number;
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out; the error goes to the caller. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 5_000, maxRetryAfterMs: 30_000 };

export function retryPolicy(o: RetryOptions | undefined): RetryPolicy {
  const maxAttempts = Math.max(1, Math.floor(o?.maxAttempts ?? DEFAULT_RETRY.maxAttempts));
  const baseDelayMs = Math.max(0, o?.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs);
  const maxDelayMs = Math.max(baseDelayMs, o?.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs);
  return { maxAttempts, baseDelayMs, maxDelayMs, maxRetryAfterMs: Math.max(DEFAULT_RETRY.maxRetryAfterMs, maxDelayMs) };
}

/**
 * Full jitter: a uniform wait in [0, min(cap, base * 2^(attempt-1))], which spreads out
 * clients that failed together better than a fixed or "equal" jitter.
 * `attempt` is the number of the attempt that just failed, from 1.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Retry-After as seconds (delta form) or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, (at - nowMs) / 1000);
}

/**
 * How long to wait before the next attempt, or undefined to give up.
 * Only transient failures are retried; a timeout is not, since the caller already waited
 * the full request timeout and repeating it would multiply that wait.
 */
export function nextDelay(err: unknown, attempt: number, policy: RetryPolicy, random?: () => number): number | undefined {
  if (attempt >= policy.maxAttempts) return undefined;
  if (!(err instanceof GslError) || !err.retryable) return undefined;
  if (err.kind !== 'http' && err.kind !== 'network') return undefined;
  if (err.retryAfterSeconds !== undefined) {
    const ms = err.retryAfterSeconds * 1000;
    return ms > policy.maxRetryAfterMs ? undefined : Math.ceil(ms);
  }
  return backoffDelay(attempt, policy, random);
}

/** Wait, unless the signal aborts first (then reject with its reason). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
