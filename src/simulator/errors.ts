/** Errors the simulator answers with, in the service's envelope (gsl-api.md 1.4, section 4). */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
  /** Gateway errors carry the request id in the body too. */
  get isGateway(): boolean {
    return this.code.startsWith('APIGW.');
  }
}

export const badParam = (msg: string): ApiError => new ApiError(400, 'GSL.00010004', `Parameter error: ${msg}`);
/** The tag and attribute module uses its own parameter-error code. */
export const badTagParam = (msg: string): ApiError => new ApiError(400, 'GSL.00020004', `Parameter error: ${msg}`);
export const noSuchCard = (id: string): ApiError =>
  new ApiError(400, 'GSL.00011001', `The SIM card does not exist or you have no access to it: ${id}`);
export const noSuchIccid = (iccid: string): ApiError => new ApiError(400, 'GSL.00011011', `ICCID [${iccid}] does not exist`);
export const tooManyIccids = (max: number): ApiError => new ApiError(400, 'GSL.00011010', `Too many ICCIDs: at most ${max}`);
export const batchSize = (max: number): ApiError =>
  new ApiError(400, 'GSL.00016051', `The number of SIM cards must be between 1 and ${max}`);
export const badBillingCycle = (msg: string): ApiError => new ApiError(403, 'GSL.00011004', `Billing cycle invalid: ${msg}`);
export const notFound = (what: string): ApiError => new ApiError(400, 'GSL.00010002', `The requested content does not exist: ${what}`);
export const systemBusy = (): ApiError => new ApiError(500, 'GSL.00010003', 'System busy, please retry later');

export const noApi = (): ApiError =>
  new ApiError(404, 'APIGW.0101', 'The API does not exist or has not been published in the environment');
export const authFailed = (detail: string): ApiError =>
  new ApiError(401, 'APIGW.0301', `Incorrect IAM authentication information: ${detail}`);
export const tokenExpired = (): ApiError => new ApiError(401, 'APIGW.0307', 'The token must be updated');
export const throttled = (retryAfterSeconds: number): ApiError =>
  new ApiError(429, 'APIGW.0308', 'The throttling threshold has been reached: policy user, limit 100, time 1 minute', {
    'Retry-After': String(retryAfterSeconds),
  });
