/**
 * Messages between the panel hosts (extension side) and the panel webviews (browser side).
 * Shared by both bundles, so it must not import `vscode` and must not touch the DOM.
 *
 * Every value that came from the API travels inside these messages as plain data; the webview
 * sets it with `textContent`, never as markup.
 */
import type { CardAction } from '../../core/cardRules';
import { CARD_ACTIONS } from '../../core/cardRules';

// ---------------------------------------------------------------------------------------------
// View models (what the panels show). Built by cardDetailModel.ts / usageModel.ts on the host.
// ---------------------------------------------------------------------------------------------

/** The actions a page may ask for: the core's card actions, nothing else. */
export type CardActionName = CardAction;

/** One label/value line. `raw` is the API value behind a word, e.g. "20" behind "In use". */
export interface FieldRow {
  key: string;
  label: string;
  value: string;
  raw?: string;
  /** `value` is a word for an API code: show `raw` next to it, not only in the tooltip. */
  isEnum?: boolean;
  /** Offer a copy button for `value`. */
  copy?: boolean;
  /** The value as separate items (a card's tags), each possibly with a control that removes it. */
  chips?: Array<{ text: string; remove?: RowControl }>;
  /** Buttons next to the value that run a card action on this row's item (edit this attribute, add a tag). */
  controls?: RowControl[];
}

/** A button in a row: runs `action` on the card, about `arg` (a tag name, an attribute slot). */
export interface RowControl {
  action: CardActionName;
  arg?: string;
  label: string;
  ariaLabel: string;
}

/** Where an action's button sits: the header (lifecycle), the lifecycle section (network), beside tags, attributes or SMS. */
export type ActionGroup = 'lifecycle' | 'network' | 'tags' | 'attributes' | 'sms';

export interface UsageBar {
  usedMb: number;
  leftMb: number;
  totalMb: number;
  /** 0–100, clamped; 100 when the plan is overdrawn. */
  percentUsed: number;
  /** e.g. "1.20 GB used of 2.00 GB (60%)". */
  text: string;
  overdrawn: boolean;
}

export interface DetailSection {
  id: 'basic' | 'plan' | 'device' | 'lifecycle';
  title: string;
  rows: FieldRow[];
  bar?: UsageBar;
}

export interface ActionButton {
  action: CardActionName;
  group: ActionGroup;
  label: string;
  enabled: boolean;
  pending: boolean;
  /** Why the button is disabled, for its tooltip and for screen readers. */
  hint?: string;
}

export interface WorkOrderRow {
  workOrderId: string;
  action: string;
  status: string;
  rawStatus?: string;
  started: string;
  finished: string;
  failReason?: string;
}

/** One work order in the card's history from the API: the order, and the card's own line in it. */
export interface HistoryRow {
  workOrderId: string;
  type: string;
  /** Who started it: the console, operations staff, an automation rule, a scheduled stop, the API. */
  source: string;
  status: string;
  rawStatus?: string;
  /** How it went for this card. */
  line: string;
  created: string;
  finished: string;
  /** The service's words: why the card's line (or the order) failed. */
  reason?: string;
}

/** The card's whole history (every work order that touched it, any origin), as far as it was read. */
export interface HistoryView {
  state: 'loading' | 'error' | 'ready';
  rows: HistoryRow[];
  /** While loading, how far it got; on error, why. */
  message?: string;
}

/** One plan instance of the card (ListSimPricePlans): the main plan or an add-on pack. */
export interface PlanInstanceRow {
  name: string;
  /** "Main plan" or "Add-on". */
  kind: string;
  status: string;
  rawStatus?: string;
  /** From activation to stop, as far as known. */
  validity: string;
  used: string;
  left: string;
  total: string;
}

export interface PlanInstancesView {
  state: 'loading' | 'error' | 'ready';
  rows: PlanInstanceRow[];
  message?: string;
}

export interface CardDetailView {
  cardId: string;
  title: string;
  subtitle: string;
  status: { value: string; raw: string };
  sections: DetailSection[];
  actions: ActionButton[];
  /** A note shown next to the actions, e.g. why a suspended card cannot be resumed. */
  actionNote?: string;
  workOrders: WorkOrderRow[];
  /** Every work order that touched the card, from the API (absent where the panel does not read it). */
  history?: HistoryView;
  /** Every plan instance of the card (absent where the panel does not read them). */
  plans?: PlanInstancesView;
  /** The card's SMS history. */
  sms: SmsView;
  /** Whether the card is in its account's Pinned group. */
  pinned: boolean;
  /** This cycle's forecast of the card's data. */
  forecast?: ForecastState;
}

export interface SmsRow {
  sent: string;
  received: string;
  status: string;
  rawStatus?: string;
  content: string;
}

export interface SmsView {
  state: 'loading' | 'error' | 'ready';
  rows: SmsRow[];
  message?: string;
}

export type UsageSectionName = 'daily' | 'monthly' | 'plans';
export const USAGE_SECTIONS: readonly UsageSectionName[] = ['daily', 'monthly', 'plans'];

export interface UsageSeries {
  cardId: string;
  label: string;
  /** MB per period, aligned with the view's `periods`. */
  values: number[];
  total: number;
}

export interface SeriesView {
  /** Period keys: YYYY-MM-DD for days, YYYY-MM for months. */
  periods: string[];
  series: UsageSeries[];
}

export interface PlanRow {
  cardId: string;
  card: string;
  plan: string;
  usedMb: number;
  leftMb: number;
  totalMb: number;
  percentUsed: number;
  text: string;
}

export interface PlansView {
  rows: PlanRow[];
  /** Cards the plan lookup does not cover (e.g. non-physical cards in a batch query). */
  note?: string;
}

export type SectionState<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: T };

export interface UsageView {
  title: string;
  cards: { cardId: string; label: string }[];
  /** YYYYMM values the month picker offers: this month, then last month. */
  months: { value: string; label: string }[];
  month: string;
  daily: SectionState<SeriesView>;
  monthly: SectionState<SeriesView>;
  plans: SectionState<PlansView>;
  /** One card's forecast for this cycle (not shown for several cards). */
  forecast?: ForecastState;
  /** The sections the page shows (all when absent): a pool's usage shows only its billing cycles. */
  sections?: UsageSectionName[];
  /** What the list under the title names (default: "Cards"). */
  listLabel?: string;
  /** The monthly section's heading and caption, when they are not the cards' own. */
  monthlyTitle?: string;
  monthlyCaption?: string;
}

// ---------------------------------------------------------------------------------------------
// Host → webview
// ---------------------------------------------------------------------------------------------

/**
 * A card's forecast for this cycle (both panels): one entry per day of the cycle in every series;
 * null where a series has no point (used: after yesterday; projection: before the last day with data).
 */
export interface ForecastView {
  periods: string[];
  used: Array<number | null>;
  projection: Array<number | null>;
  low: Array<number | null>;
  high: Array<number | null>;
  totalMb: number;
  usedMb: number;
  projectedMb: number;
  /** Days of data left at the current pace (null: the pace is 0). */
  daysLeft: number | null;
  willRunOut: boolean;
  /** "runs out ~Dec 12", as the tree says it. */
  short?: string;
  pace: string;
  outcome: string;
  daysLeftText: string;
}

/** The forecast as a section: loading, failed, shown, or not applicable (and why). */
export type ForecastState = SectionState<ForecastView> | { status: 'none'; message: string };

export type PanelKind = 'cardDetail' | 'usage';
export type Strings = Record<string, string>;

/** Notification: the panel's words in the user's language; sent first, after every `ready`. */
export interface InitMessage {
  type: 'init';
  panel: PanelKind;
  strings: Strings;
  /** What the page keeps with `setState`, so a reload before the first data still restores the panel. */
  identity: CardDetailPanelState | UsagePanelState | PoolUsagePanelState;
}
/** Notification: the full view to render. */
export interface CardDetailStateMessage {
  type: 'state';
  panel: 'cardDetail';
  view: CardDetailView;
}
export interface UsageStateMessage {
  type: 'state';
  panel: 'usage';
  view: UsageView;
}
/** Notification: a section is (re)loading; `message` says why it waits (e.g. for sign-in). */
export interface LoadingMessage {
  type: 'loading';
  section: string;
  message: string;
}
/** Notification: a section failed; the webview shows `message` and a Retry button. */
export interface ErrorMessage {
  type: 'error';
  section: string;
  message: string;
}
/** Request (tests only): reply with a `snapshot` of what the panel shows. */
export interface SnapshotRequest {
  type: 'snapshot';
  requestId: number;
}

export type HostMessage = InitMessage | CardDetailStateMessage | UsageStateMessage | LoadingMessage | ErrorMessage | SnapshotRequest;

// ---------------------------------------------------------------------------------------------
// Webview → host
// ---------------------------------------------------------------------------------------------

export interface ReadyMessage { type: 'ready' }
/** `arg`: what the action is about when the page names it (a tag to remove, an attribute slot to edit). */
export interface RunActionMessage { type: 'runAction'; action: CardActionName; cardId: string; arg?: string }
export interface CopyMessage { type: 'copy'; text: string }
export interface OpenUsageMessage { type: 'openUsage'; cardId: string }
/** Pin (`pinned: true`) or unpin the panel's card. */
export interface PinMessage { type: 'pin'; cardId: string; pinned: boolean }
export interface SelectMonthMessage { type: 'selectMonth'; month: string }
export interface ExportCsvMessage { type: 'exportCsv' }
export interface RetryMessage { type: 'retry'; section: string }
export interface RefreshMessage { type: 'refresh' }
/** Reply to a SnapshotRequest. */
export interface SnapshotReply { type: 'snapshot'; requestId: number; text: string; html: string }

export type WebviewMessage =
  | ReadyMessage
  | RunActionMessage
  | CopyMessage
  | OpenUsageMessage
  | PinMessage
  | SelectMonthMessage
  | ExportCsvMessage
  | RetryMessage
  | RefreshMessage
  | SnapshotReply;

/**
 * What the webview keeps with `setState` so a reload can restore the panel: identity only. The
 * account is absent in panels saved before accounts had ids.
 */
export interface CardDetailPanelState { accountId?: string; cardId: string }
export interface UsagePanelState { accountId?: string; cardIds: string[] }
/** A pool's usage panel: its cycles are read again by the pool's name and id (ListSimPools / ListBackPools). */
export interface PoolUsagePanelState { accountId?: string; poolKind: 'flow' | 'back'; poolId: string; poolName: string }

// ---------------------------------------------------------------------------------------------
// Guards. The host runs every incoming message through `isWebviewMessage` before acting on it:
// a webview is a browser page and its messages are input like any other.
// ---------------------------------------------------------------------------------------------

const ID = /^[0-9]{1,20}$/;
/** `demo`, or `acct-` and 16 hex digits (host/secrets.ts accountIdOf). */
const ACCOUNT_ID = /^(demo|acct-[0-9a-f]{16})$/;
const MONTH = /^[0-9]{6}$/;
const SECTION = /^[a-zA-Z]{1,20}$/;
const MAX_COPY = 256;
const MAX_SNAPSHOT = 2_000_000;
const MAX_CARD_IDS = 5000;
/** A tag name (≤ 32) or an attribute slot; no control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const ACTION_ARG = /^[^\u0000-\u001f\u007f]{1,64}$/;

type Plain = Record<string, unknown>;

function isPlain(x: unknown): x is Plain {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** Exactly these keys, no others: extra fields are refused rather than ignored. */
function hasOnlyKeys(x: Plain, keys: readonly string[]): boolean {
  const own = Object.keys(x);
  return own.length === keys.length && own.every((k) => keys.includes(k));
}

export function isCardId(x: unknown): x is string {
  return typeof x === 'string' && ID.test(x);
}

export function isCardAction(x: unknown): x is CardActionName {
  return typeof x === 'string' && (CARD_ACTIONS as readonly string[]).includes(x);
}

export function isWebviewMessage(x: unknown): x is WebviewMessage {
  if (!isPlain(x) || typeof x.type !== 'string') return false;
  switch (x.type) {
    case 'ready':
    case 'exportCsv':
    case 'refresh':
      return hasOnlyKeys(x, ['type']);
    case 'runAction':
      if ('arg' in x) return hasOnlyKeys(x, ['type', 'action', 'cardId', 'arg']) && isCardAction(x.action) && isCardId(x.cardId) && typeof x.arg === 'string' && ACTION_ARG.test(x.arg);
      return hasOnlyKeys(x, ['type', 'action', 'cardId']) && isCardAction(x.action) && isCardId(x.cardId);
    case 'copy':
      return hasOnlyKeys(x, ['type', 'text']) && typeof x.text === 'string' && x.text.length > 0 && x.text.length <= MAX_COPY;
    case 'openUsage':
      return hasOnlyKeys(x, ['type', 'cardId']) && isCardId(x.cardId);
    case 'pin':
      return hasOnlyKeys(x, ['type', 'cardId', 'pinned']) && isCardId(x.cardId) && typeof x.pinned === 'boolean';
    case 'selectMonth':
      return hasOnlyKeys(x, ['type', 'month']) && typeof x.month === 'string' && MONTH.test(x.month);
    case 'retry':
      return hasOnlyKeys(x, ['type', 'section']) && typeof x.section === 'string' && SECTION.test(x.section);
    case 'snapshot':
      return (
        hasOnlyKeys(x, ['type', 'requestId', 'text', 'html']) &&
        Number.isSafeInteger(x.requestId) &&
        typeof x.text === 'string' &&
        typeof x.html === 'string' &&
        x.text.length <= MAX_SNAPSHOT &&
        x.html.length <= MAX_SNAPSHOT
      );
    default:
      return false;
  }
}

/** Light check on the webview side: the host is trusted, but a stray message must not crash the page. */
export function isHostMessage(x: unknown): x is HostMessage {
  if (!isPlain(x) || typeof x.type !== 'string') return false;
  switch (x.type) {
    case 'init':
      return (x.panel === 'cardDetail' || x.panel === 'usage') && isPlain(x.strings) && (isCardDetailPanelState(x.identity) || isUsagePanelState(x.identity) || isPoolUsagePanelState(x.identity));
    case 'state':
      return (x.panel === 'cardDetail' || x.panel === 'usage') && isPlain(x.view);
    case 'loading':
    case 'error':
      return typeof x.section === 'string' && typeof x.message === 'string';
    case 'snapshot':
      return Number.isSafeInteger(x.requestId);
    default:
      return false;
  }
}

export function isAccountId(x: unknown): x is string {
  return typeof x === 'string' && ACCOUNT_ID.test(x);
}

/** Exactly `keys`, plus an optional account id (absent in states saved by earlier versions). */
function hasKeysWithAccount(x: Plain, keys: readonly string[]): boolean {
  return 'accountId' in x ? isAccountId(x.accountId) && hasOnlyKeys(x, ['accountId', ...keys]) : hasOnlyKeys(x, keys);
}

export function isCardDetailPanelState(x: unknown): x is CardDetailPanelState {
  return isPlain(x) && hasKeysWithAccount(x, ['cardId']) && isCardId(x.cardId);
}

/** A pool's name as the API allows it (≤ 100 characters), with no control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const POOL_NAME = /^[^\u0000-\u001f\u007f]{1,100}$/;

export function isPoolUsagePanelState(x: unknown): x is PoolUsagePanelState {
  return (
    isPlain(x) &&
    hasKeysWithAccount(x, ['poolKind', 'poolId', 'poolName']) &&
    (x.poolKind === 'flow' || x.poolKind === 'back') &&
    typeof x.poolId === 'string' &&
    ID.test(x.poolId) &&
    typeof x.poolName === 'string' &&
    POOL_NAME.test(x.poolName)
  );
}

export function isUsagePanelState(x: unknown): x is UsagePanelState {
  return (
    isPlain(x) &&
    hasKeysWithAccount(x, ['cardIds']) &&
    Array.isArray(x.cardIds) &&
    x.cardIds.length > 0 &&
    x.cardIds.length <= MAX_CARD_IDS &&
    x.cardIds.every(isCardId)
  );
}
