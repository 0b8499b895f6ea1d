/**
 * One error type for everything the GSL client can fail with, plus plain-English
 * explanations of every documented GSL and API-gateway code (gsl-api.md section 4),
 * so the extension can show users what went wrong and what to do.
 */

export type GslErrorKind = 'http' | 'network' | 'timeout' | 'aborted' | 'malformed' | 'config' | 'auth';

export interface GslErrorInit {
  kind: GslErrorKind;
  operation: string;
  status?: number;
  code?: string;
  errorMsg?: string;
  requestId?: string;
  retryable?: boolean;
  /** Overrides the explanation derived from code and status. */
  explanation?: string;
  /** Seconds from a Retry-After header, when the service sent one. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class GslError extends Error {
  override readonly name = 'GslError';
  readonly kind: GslErrorKind;
  readonly operation: string;
  readonly status?: number;
  readonly code?: string;
  readonly errorMsg?: string;
  readonly requestId?: string;
  readonly retryable: boolean;
  readonly explanation: string;
  readonly retryAfterSeconds?: number;

  constructor(init: GslErrorInit) {
    const explanation = init.explanation ?? explainError(init.code, init.status, init.errorMsg);
    super(composeMessage(init, explanation), init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.operation = init.operation;
    this.status = init.status;
    this.code = init.code;
    this.errorMsg = init.errorMsg;
    this.requestId = init.requestId;
    this.retryable = init.retryable ?? false;
    this.explanation = explanation;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

function composeMessage(init: GslErrorInit, explanation: string): string {
  const facts: string[] = [];
  if (init.code) facts.push(init.code);
  if (init.status !== undefined) facts.push(`HTTP ${init.status}`);
  if (init.requestId) facts.push(`request id ${init.requestId}`);
  const said = init.errorMsg && init.errorMsg !== explanation ? ` The service said: "${init.errorMsg}".` : '';
  return `${init.operation}: ${explanation}${said}${facts.length ? ` (${facts.join(', ')})` : ''}`;
}

export function isGslError(e: unknown): e is GslError {
  return e instanceof GslError;
}

/** Plain-English meaning and advice for each documented code. */
export const ERROR_EXPLANATIONS: Readonly<Record<string, string>> = {
  // 4.1 GSL business codes
  'GSL.00010002': 'The requested item does not exist.',
  'GSL.00010003': 'The GSL service is busy. Try again in a moment.',
  'GSL.00010004': 'A request parameter is missing, malformed or out of range.',
  'GSL.00011001': 'The SIM card does not exist, or this account has no access to it. Check the card id or ICCID.',
  'GSL.00011004': 'The billing cycle is invalid. Use YYYY-MM for the current month or one of the five before it; future months are not allowed.',
  'GSL.00011010': 'Too many ICCIDs in one request. Split the cards into smaller batches.',
  'GSL.00011011': 'An ICCID in the request does not exist. Check the ICCID.',
  'GSL.00011016': "The speed limit value is not supported by this card's carrier. Choose one of the carrier's allowed speeds.",
  'GSL.00011063': 'The target carrier is not supported by this three-network card.',
  'GSL.00012002': 'The price plan id is invalid or the plan does not exist.',
  'GSL.00012016': 'The uploaded SIM card file does not exist or has expired.',
  'GSL.00013012': "The order's SIM card does not exist, so the plan cannot be renewed.",
  'GSL.00015028': 'The network switch policy does not exist.',
  'GSL.00015032': 'The preferred and least-preferred carriers of a switch policy must differ.',
  'GSL.00015033': 'A switch policy needs weak-signal switching or connection-delay switching turned on.',
  'GSL.00016010': 'This card still has an unfinished suspend work order. Wait for it to finish before stopping or resuming the card again.',
  'GSL.00016015': 'This card still has an unfinished activation work order. Wait for it to finish before activating again.',
  'GSL.00016016': 'The same operation was requested on this card less than 5 minutes ago. Wait 5 minutes and try again.',
  'GSL.00016051': 'A batch operation must name between 1 and 500 SIM cards.',
  'GSL.00020003': 'The GSL tag and attribute service is busy. Try again in a moment.',
  'GSL.00020004': 'A tag or attribute parameter is missing, malformed or out of range.',
  'GSL.00022001': 'The tag name is invalid.',
  'GSL.00022002': 'A tag with this name already exists.',
  'GSL.00022003': 'The limit of 10,000 tags for this account has been reached. Delete unused tags first.',
  'GSL.00022004': 'This account has no access to the tag.',
  'GSL.00027001': 'The custom attribute name is invalid.',
  'GSL.00027002': 'A custom attribute with this name already exists.',
  'GSL.00027003': 'The custom attribute name clashes with a built-in SIM list column. Choose another name.',
  'GSL.00027004': 'The limit of 6 custom attributes for this account has been reached.',
  'GSL.00027005': 'This account has no access to the custom attribute.',
  // 4.2 API gateway codes
  'APIGW.0101': 'The API does not exist at this address. Check the GSL endpoint setting.',
  'APIGW.0201': 'The API gateway rejected the request as malformed.',
  'APIGW.0301': 'Huawei Cloud did not accept the credentials. Sign in again and check the access key, secret key, user name or password.',
  'APIGW.0302': 'This IAM user is not allowed to call the GSL API. Ask an administrator to grant a GSL policy such as GSL FullAccess.',
  'APIGW.0303': 'The app authentication information is incorrect.',
  'APIGW.0305': 'The authentication information is incorrect. Sign in again.',
  'APIGW.0306': 'Access to this API was denied.',
  'APIGW.0307': 'The sign-in token has expired and must be renewed. Sign in again if this persists.',
  'APIGW.0308': 'Too many requests: the API throttling limit was reached. Wait a little and try again.',
};

/** APIGW.0201 means different things depending on the HTTP status it comes with. */
const APIGW_0201_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'The API gateway rejected the request as malformed.',
  413: 'The request body is too large (over 12 MB).',
  414: 'The request address is too long. Filter by fewer ids at once.',
  494: 'The request headers are too large.',
  502: 'The GSL backend is unavailable right now. Try again shortly.',
  504: 'The GSL backend timed out. Try again shortly.',
};

/** APIGW.0301 carries its real cause in the message text. */
const APIGW_0301_VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/decrypt token fail/i, 'The sign-in token is invalid or expired. Sign in again.'],
  [/verify aksk signature fail/i, "The AK/SK signature was rejected: check the secret key, and that this computer's clock is within 15 minutes of the real time."],
  [/ak not exist|get secretkey failed/i, 'The access key (AK) does not exist. Check the access key.'],
  [/reach the limit|forbidden/i, 'The access key is locked for 5 minutes after too many failed sign-ins. Wait, then check the secret key.'],
];

function byStatusClass(status: number | undefined): string {
  if (status === undefined) return 'The request to the GSL service failed.';
  switch (status) {
    case 400: return 'The service rejected the request as invalid.';
    case 401: return 'Huawei Cloud did not accept the credentials. Sign in again.';
    case 403: return 'The service refused this operation.';
    case 404: return 'The requested item or API was not found.';
    case 408: return 'The service timed out waiting for the request. Try again.';
    case 409: return 'The operation conflicts with the current state of the item.';
    case 429: return 'Too many requests. Wait a little and try again.';
  }
  if (status >= 500) return `The service had an internal problem (HTTP ${status}). Try again shortly.`;
  if (status >= 400) return `The service rejected the request (HTTP ${status}).`;
  if (status >= 300) return `The service answered with an unexpected redirect (HTTP ${status}); redirects are not followed, so credentials stay with the configured endpoint.`;
  return `The service gave an unexpected answer (HTTP ${status}).`;
}

/**
 * Explain a code in plain English. Unknown codes fall back to what their HTTP status means,
 * so every error has something readable to show.
 */
export function explainError(code: string | undefined, status?: number, message?: string): string {
  if (code === 'APIGW.0201' && status !== undefined && APIGW_0201_BY_STATUS[status]) return APIGW_0201_BY_STATUS[status];
  if (code === 'APIGW.0301' && message) {
    for (const [re, text] of APIGW_0301_VARIANTS) if (re.test(message)) return text;
  }
  // Docs label some 500s with GSL.00010004 ("system busy"); the status is the better guide.
  if (code === 'GSL.00010004' && status !== undefined && status >= 500) return ERROR_EXPLANATIONS['GSL.00010003'];
  if (code && Object.prototype.hasOwnProperty.call(ERROR_EXPLANATIONS, code)) return ERROR_EXPLANATIONS[code];
  const general = byStatusClass(status);
  return code ? `${general} (unrecognised code ${code})` : general;
}

export interface ErrorEnvelope {
  code?: string;
  message?: string;
  requestId?: string;
}

/**
 * Read `error_code/error_msg`, `code/message`, or either pair nested one level deep
 * (IAM answers `{"error":{"code":401,"message":...}}`).
 */
export function readErrorEnvelope(body: unknown): ErrorEnvelope {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const top = body as Record<string, unknown>;
  const requestId = str(top.request_id);
  const direct = pair(top);
  if (direct.code !== undefined || direct.message !== undefined) return { ...direct, requestId };
  for (const v of Object.values(top)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const nested = pair(v as Record<string, unknown>);
      if (nested.code !== undefined || nested.message !== undefined) {
        return { ...nested, requestId: requestId ?? str((v as Record<string, unknown>).request_id) };
      }
    }
  }
  return { requestId };
}

function pair(o: Record<string, unknown>): { code?: string; message?: string } {
  const code = str(o.error_code) ?? str(o.code);
  const message = str(o.error_msg) ?? str(o.message);
  return { code, message };
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Statuses worth another try for an idempotent read. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}
