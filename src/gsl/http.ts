/**
 * The HTTP layer: one undici dispatcher for every call, timeouts,
 * cancellation, and one log line per exchange. It knows nothing about GSL operations;
 * it turns every failure below HTTP into a `GslError` of the right kind.
 */
import { Agent, ProxyAgent, request } from 'undici';
import type { Dispatcher } from 'undici';
import { GslError } from './errors';

export interface TransportOptions {
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  proxyUrl?: string;
  log?: (line: string) => void;
  now: () => number;
}

export interface HttpExchange {
  operation: string;
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** Exact bytes to send; they must be the bytes that were signed. */
  body?: string;
  signal?: AbortSignal;
  /** Called when a 2xx answer's headers are in, before its body is read. */
  onAnswered?: () => void;
}

export interface HttpResult {
  status: number;
  headers: Record<string, string | undefined>;
  /** The body as it came, undecoded: JSON is decoded by `parseJsonBytes`, which does it faster. */
  body: Buffer;
  requestId?: string;
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

export class Transport {
  private readonly dispatcher: Dispatcher;
  private closed = false;

  constructor(private readonly options: TransportOptions) {
    const common = {
      connect: { timeout: options.connectTimeoutMs },
      headersTimeout: options.requestTimeoutMs,
      bodyTimeout: options.requestTimeoutMs,
      keepAliveTimeout: 10_000,
      keepAliveMaxTimeout: 60_000,
    };
    // One dispatcher for every call keeps connections alive across calls. With a proxy
    // (VS Code's http.proxy) everything goes through it, as VS Code itself does.
    this.dispatcher = options.proxyUrl ? new ProxyAgent({ ...common, uri: options.proxyUrl }) : new Agent(common);
  }

  async send(x: HttpExchange): Promise<HttpResult> {
    if (this.closed) {
      throw new GslError({ kind: 'config', operation: x.operation, explanation: 'The client has been disposed; sign in again.' });
    }
    const started = this.options.now();
    const path = x.url.pathname;
    // One controller per exchange: it fires on the caller's abort and on the overall
    // timeout, and we remember which, so the error says the right thing.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('request timeout'));
    }, this.options.requestTimeoutMs);
    const onAbort = (): void => controller.abort(x.signal?.reason);
    if (x.signal?.aborted) onAbort();
    else x.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const res = await request(x.url, {
        method: x.method as Dispatcher.HttpMethod,
        headers: x.headers,
        body: x.body === undefined ? undefined : Buffer.from(x.body, 'utf8'),
        signal: controller.signal,
        dispatcher: this.dispatcher,
      });
      // Only a success frees the caller's slot: a failed read may be retried, and its retry
      // must still count against the caller's concurrency.
      if (res.statusCode >= 200 && res.statusCode < 300) x.onAnswered?.();
      const body = Buffer.from(await res.body.arrayBuffer());
      const headers = flattenHeaders(res.headers);
      const requestId = headers['x-request-id'];
      this.log(`${x.method} ${path} ${res.statusCode} ${this.options.now() - started}ms${requestId ? ` request-id=${requestId}` : ''}`);
      return { status: res.statusCode, headers, body, requestId };
    } catch (e) {
      const err = this.classify(e, x, timedOut);
      this.log(`${x.method} ${path} failed (${err.kind}${networkCode(e) ? ` ${networkCode(e)}` : ''}) ${this.options.now() - started}ms`);
      throw err;
    } finally {
      clearTimeout(timer);
      x.signal?.removeEventListener('abort', onAbort);
    }
  }

  private classify(e: unknown, x: HttpExchange, timedOut: boolean): GslError {
    if (e instanceof GslError) return e;
    const operation = x.operation;
    if (x.signal?.aborted) {
      return new GslError({ kind: 'aborted', operation, explanation: 'The request was cancelled.', cause: e });
    }
    const code = networkCode(e);
    if (timedOut || (code && TIMEOUT_CODES.has(code))) {
      const secs = Math.round(this.options.requestTimeoutMs) / 1000;
      const explanation = code === 'UND_ERR_CONNECT_TIMEOUT'
        ? `Could not connect to ${x.url.host} in time. Check the network, proxy and endpoint settings.`
        : `The service did not answer within ${secs} s.`;
      return new GslError({ kind: 'timeout', operation, explanation, retryable: true, cause: e });
    }
    const detail = code ? ` (${code})` : '';
    return new GslError({
      kind: 'network',
      operation,
      explanation: `Could not reach ${x.url.host}${detail}. Check the network, proxy and endpoint settings.`,
      retryable: true,
      cause: e,
    });
  }

  private log(line: string): void {
    try {
      this.options.log?.(line);
    } catch {
      // A failing logger must never fail a request.
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.dispatcher.close();
  }
}

function networkCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
