/**
 * Every GSL error as a sentence a person can act on. Pure (the caller passes `vscode.l10n.t`), so
 * the mapping is unit-tested without VS Code. It reads the client's `GslError` by shape, so any
 * error (including plain `Error`s) can be passed.
 */
import type { GslErrorKind } from '../gsl/errors';
import type { Translate } from './translate';
import { formatTime } from './dateText';

export interface GslErrorShape {
  status?: number;
  code?: string;
  errorMsg?: string;
  requestId?: string;
  kind?: GslErrorKind;
  message?: string;
}

export interface ErrorContext {
  /** When the same operation may run again on the card (the 5-minute rule), if known. */
  retryAt?: Date;
  /** Formats `retryAt`; defaults to the local HH:MM. */
  formatTime?: (d: Date) => string;
  /**
   * The failed request changes a card (resume, stop, …). When its answer is lost on the way
   * back, the service may well have carried it out, and it is never resent automatically:
   * the person must be told to look before trying again, not that the service was unreachable.
   */
  mutation?: boolean;
}

export const SAME_OPERATION_WINDOW_MS = 5 * 60 * 1000;

export function errorMessage(err: unknown, t: Translate, ctx: ErrorContext = {}): string {
  const e: GslErrorShape = typeof err === 'object' && err !== null ? (err as GslErrorShape) : { message: String(err) };
  const code = e.code ?? '';
  const detail = e.errorMsg ?? '';
  switch (code) {
    case 'GSL.00016016':
      return ctx.retryAt
        ? t('Same operation not allowed again within 5 minutes; try again after {0}.', (ctx.formatTime ?? formatTime)(ctx.retryAt))
        : t('Same operation not allowed again within 5 minutes; try again in about 5 minutes.');
    case 'GSL.00016010':
      return t('The card still has an unfinished suspend work order; wait until it ends, then try again.');
    case 'GSL.00016015':
      return t('The card still has an unfinished activation work order; wait until it ends, then try again.');
    case 'GSL.00011001':
    case 'GSL.00011011':
      return t('The card does not exist or this account cannot access it; refresh the fleet and check the card.');
    case 'GSL.00016051':
      return t('Select between 1 and 500 cards for one operation.');
    case 'GSL.00011010':
      return t('Too many cards in one request; SIM Fleet sends at most 500 a request, so refresh and try again.');
    case 'GSL.00010002':
      return t('What the request names no longer exists; refresh and try again.');
    case 'GSL.00011016':
      return t('The carrier does not accept this speed limit for the card; choose one of the values its carrier offers.');
    case 'GSL.00022001':
      return t('The service refused the tag name; use 1 to 32 characters, without commas or line breaks.');
    case 'GSL.00022002':
      return t('A tag with this name already exists; choose another name, or add the existing tag.');
    case 'GSL.00022003':
      return t('The account already holds 10,000 tags, the most allowed; delete unused tags first.');
    case 'GSL.00022004':
      return t('The tag does not exist or this account cannot use it; refresh the tag list and try again.');
    case 'GSL.00027001':
      return t('The service refused the custom attribute name; use 1 to 32 characters on one line.');
    case 'GSL.00027002':
      return t('A custom attribute with this name already exists; choose another name.');
    case 'GSL.00027003':
      return t('This name belongs to a built-in column of the SIM list (such as ICCID or Status); choose another name.');
    case 'GSL.00027004':
      return t('The account already has 6 custom attributes, the most allowed; rename one instead.');
    case 'GSL.00027005':
      return t('The custom attribute does not exist or this account cannot change it; refresh and try again.');
    case 'GSL.00010004':
    case 'GSL.00020004':
      // The service also uses this code for a card in the wrong state, so its own text is shown.
      return detail ? t('The service refused the request: {0}', detail) : t('The service refused a parameter of the request; check the filter or input.');
    case 'GSL.00010003':
    case 'GSL.00020003':
      return t('The service is busy; try again in a minute.');
    case 'APIGW.0301':
    case 'APIGW.0305':
      if (/limit|forbidden/i.test(detail)) {
        return t('This access key is locked for 5 minutes after repeated failed sign-ins; wait, then check the keys and sign in again.');
      }
      return t('The service did not accept your credentials; check your access key and secret key (or IAM user and password) and sign in again.');
    case 'APIGW.0307':
      return t('Your sign-in has expired; sign in again.');
    case 'APIGW.0302':
    case 'APIGW.0306':
      return t('Your IAM user may not use this API; ask your administrator for the GSL permission (GSL FullAccess).');
    case 'APIGW.0308':
      return t('Too many requests; slow down and try again in a minute.');
    case 'APIGW.0101':
      return t('The endpoint does not offer this API; check the GSL endpoint setting (simFleet.endpoint).');
  }
  if (ctx.mutation && isLostAnswer(err)) {
    return t('The answer to this request was lost, so it may have been carried out; refresh the card and check its work orders before trying again.');
  }
  switch (e.kind) {
    case 'network':
      return t('Could not reach the service; check the endpoint settings and your proxy (http.proxy).');
    case 'timeout':
      return t('The service did not answer in time; check your network and proxy, then try again.');
    case 'aborted':
      return t('Cancelled.');
    case 'malformed':
      return t('The service sent an answer SIM Fleet cannot read; check that the endpoint points at GSL.');
    case 'auth':
      return e.message
        ? t('Sign-in failed: {0}. Check the account name, IAM user, password and project, then sign in again.', e.message)
        : t('Sign-in failed. Check the account name, IAM user, password and project, then sign in again.');
    case 'http':
    case 'config':
    case undefined:
      // Read from the status and the service's words below.
      break;
  }
  if (e.status === 429) return t('Too many requests; slow down and try again in a minute.');
  if (e.status === 401) return t('The service did not accept your credentials; check your access key and secret key (or IAM user and password) and sign in again.');
  if (e.status !== undefined && e.status >= 500) return t('The service is busy; try again in a minute.');
  if (e.status === 403 || e.status === 400) {
    // A business refusal the table above does not know (for example "only cards in use can be suspended").
    return detail ? t('The service refused the operation: {0}', detail) : t('The service refused the operation ({0}).', code || e.status);
  }
  return e.message || detail || String(err);
}

/**
 * The request may have reached the service and been carried out although no answer came back (a
 * dropped connection, a time-out, an unreadable body): a mutation is then never sent again, and
 * the person is told to look before trying.
 */
export function isLostAnswer(err: unknown): boolean {
  const kind = typeof err === 'object' && err !== null ? (err as GslErrorShape).kind : undefined;
  return kind === 'network' || kind === 'timeout' || kind === 'malformed';
}

/** The code and request id, for the output channel and "Show details". */
export function errorDetails(err: unknown): string {
  const e: GslErrorShape = typeof err === 'object' && err !== null ? (err as GslErrorShape) : {};
  const parts = [e.code, e.status !== undefined ? `HTTP ${e.status}` : undefined, e.errorMsg, e.requestId ? `request ${e.requestId}` : undefined];
  const text = parts.filter(Boolean).join(' · ');
  return text || (err instanceof Error ? err.message : String(err));
}
