/** The GSL client's public surface. Plain Node: no `vscode` here. */
export * from './api';
export type * from './models';
export { SIM_STATUSES, SORT_KEYS, FINAL_WORK_ORDER_STATUSES } from './models';
export { GslClient } from './client';
export type { GslClientOptions } from './client';
export { GslError, ERROR_EXPLANATIONS, explainError, isGslError, readErrorEnvelope, isRetryableStatus } from './errors';
export type { GslErrorKind, GslErrorInit, ErrorEnvelope } from './errors';
export { paginate, validateLimit, validateOffset, MIN_LIMIT, MAX_LIMIT, MAX_OFFSET } from './paging';
export type { PageFetcher, PageResult, PaginateOptions } from './paging';
export { DEFAULT_RETRY, backoffDelay, nextDelay, parseRetryAfter, retryPolicy, sleep } from './retry';
export type { RetryOptions, RetryPolicy } from './retry';
export { toQueryPairs, encodeQuery } from './query';
export type { QueryInput, QueryValue } from './query';
export { checkEndpoint, isLoopbackHost } from './endpoints';
export { parseJson, parseJsonBytes, stringifyJson } from './json';
