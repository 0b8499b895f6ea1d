/**
 * The one GSL client: every operation of gsl-api.md section 2 as a typed method, over one
 * shared undici dispatcher, with IAM-token or AK/SK authentication, retries for reads only,
 * and every failure surfaced as a `GslError`.
 */
import type { CallOptions, CredentialStore, Credentials, GslApi, GslEndpoints, PageIteratorOptions } from './api';
import { TOKEN_OPERATION, TokenSource, signedHeaders } from './auth';
import { GslError, isRetryableStatus, readErrorEnvelope } from './errors';
import { Transport } from './http';
import { checkEndpoint, joinUrl } from './endpoints';
import type { HttpResult } from './http';
import { parseJsonBytes, readJsonBody, stringifyJson } from './json';
import type * as m from './models';
import { DAILY_USAGE_MAX_CARDS, MONTH_USAGE_MAX_CARDS, PLAN_USAGE_MAX_CARDS } from './limits';
import { DEFAULT_PAGE_CONCURRENCY, paginate, validateLimit, validateOffset } from './paging';
import { encodeQuery, toQueryPairs } from './query';
import type { QueryInput } from './query';
import { nextDelay, parseRetryAfter, retryPolicy, sleep } from './retry';
import type { RetryOptions, RetryPolicy } from './retry';

export interface GslClientOptions {
  /** GSL and IAM base URLs. */
  endpoints: GslEndpoints;
  credentials: CredentialStore;
  userAgent?: string;
  /** Default 10 000 ms. */
  connectTimeoutMs?: number;
  /** Whole exchange, headers and body; default 30 000 ms. */
  requestTimeoutMs?: number;
  /** Applies to reads only; default 4 attempts, 200 ms base, 5 s cap. */
  retry?: RetryOptions;
  /** When set, every request goes through this proxy (VS Code's http.proxy). */
  proxyUrl?: string;
  /** One line per request: method, path, status, duration, request id. Never secrets. */
  log?: (line: string) => void;
  /** Clock for signing dates and token renewal. */
  now?: () => number;
  /** Pages in flight while iterating; default 4. */
  concurrency?: number;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** How to read a 2xx body. */
type Expect =
  | { kind: 'object'; arrayKey?: string; paged?: boolean }
  | { kind: 'array' }
  /** Boolean "OK" or an opaque string: whatever came back. */
  | { kind: 'opaque' };

interface Call {
  operation: string;
  method: Method;
  path: string;
  query?: QueryInput;
  /** undefined: send no body at all. */
  body?: unknown;
  /** Idempotent: may be retried automatically. */
  read: boolean;
  expect: Expect;
}

const ID = /^\d{1,19}$/;
const USER_AGENT = 'sim-fleet-gsl-client';
const TOKEN_REJECTED = new Set(['APIGW.0301', 'APIGW.0307']);
/** Bodies from this size up are parsed after pending I/O (a 500-card page is about 500 KB). */
const LARGE_BODY_BYTES = 64 * 1024;

/** What the paging helpers pass down besides the public options. */
interface InternalCallOptions extends CallOptions {
  /** The server has answered (headers in); see `PageFetcher`. */
  onAnswered?: () => void;
}

export class GslClient implements GslApi {
  private readonly transport: Transport;
  private readonly tokens: TokenSource;
  private readonly policy: RetryPolicy;
  private readonly now: () => number;
  private readonly userAgent: string;
  private readonly gsl: URL | string;
  private readonly iam: URL | string;

  constructor(private readonly options: GslClientOptions) {
    this.now = options.now ?? Date.now;
    this.userAgent = options.userAgent ?? USER_AGENT;
    this.policy = retryPolicy(options.retry);
    // Checked now, reported on first use: a bad setting should fail calls clearly, not
    // throw while the extension is starting.
    this.gsl = checkEndpoint('GSL', options.endpoints.gsl);
    this.iam = checkEndpoint('IAM', options.endpoints.iam);
    this.transport = new Transport({
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      proxyUrl: options.proxyUrl,
      log: options.log,
      now: this.now,
    });
    this.tokens = new TokenSource({
      transport: this.transport,
      iam: () => this.endpoint(this.iam, TOKEN_OPERATION),
      now: this.now,
      userAgent: this.userAgent,
    });
  }

  /** Close the dispatcher and its kept-alive connections. */
  async dispose(): Promise<void> {
    this.tokens.invalidate();
    await this.transport.close();
  }

  /** Forget the cached IAM token; the next call signs in again. */
  invalidateToken(): void {
    this.tokens.invalidate();
  }

  signOut(): void {
    this.tokens.invalidate();
  }

  // ---- SIM cards ----

  async listSimCards(query: m.ListSimCardsQuery, opts?: CallOptions): Promise<m.ListSimCardsResponse> {
    const operation = 'List SIM cards';
    checkPage(query, operation);
    checkMax(query.tag_id, 10, 'tag_id', operation);
    checkIds(query.tag_id, 'tag_id', operation);
    checkIds(query.order_ids, 'order_ids', operation);
    checkIds(query.order_id === undefined ? undefined : [query.order_id], 'order_id', operation);
    checkMax(query.price_plan_id, 30, 'price_plan_id', operation);
    checkLength(query.main_search_key, 128, 'main_search_key', operation);
    checkLength(query.msisdn, 32, 'msisdn', operation);
    return this.execute({ operation, method: 'GET', path: '/v1/sim-cards', query: { ...query }, read: true, expect: paged('sim_cards') }, opts);
  }

  async showSimCard(card: m.CardRef, opts?: CallOptions): Promise<m.SimDeviceVO> {
    const operation = 'Show SIM card';
    const t = cardTarget(card, operation);
    return this.execute({ operation, method: 'GET', path: `/v1/sim-cards/${t.id}`, query: { iccid: t.iccid }, read: true, expect: { kind: 'object' } }, opts);
  }

  async stopSimCard(card: m.CardRef, body?: m.DownUpTimeForSimCardReq, opts?: CallOptions): Promise<m.WorkOrderResponse> {
    return this.cardAction('Stop SIM card', 'stop', card, { down_up_switch: 1, ...body }, opts);
  }

  async resetSimCard(card: m.CardRef, body?: m.DownUpTimeForSimCardReq, opts?: CallOptions): Promise<m.WorkOrderResponse> {
    return this.cardAction('Resume SIM card', 'reset', card, { down_up_switch: 2, ...body }, opts);
  }

  async enableSimCard(card: m.CardRef, opts?: CallOptions): Promise<m.WorkOrderResponse> {
    const operation = 'Activate SIM card';
    const t = cardTarget(card, operation);
    return this.execute({ operation, method: 'POST', path: `/v1/sim-cards/${t.id}/enable`, query: { iccid: t.iccid }, read: false, expect: workOrder }, opts);
  }

  async showMonthUsages(body: m.ShowMonthUsageReq, opts?: CallOptions): Promise<m.ShowMonthUsagesResponse> {
    const operation = 'Show monthly usage';
    checkCardLists(body.sim_card_ids, body.iccids, MONTH_USAGE_MAX_CARDS, operation);
    if (!Array.isArray(body.billing_cycles) || body.billing_cycles.length === 0 || body.billing_cycles.length > 6) {
      throw config(operation, 'Give from 1 to 6 billing cycles (YYYY-MM): the current month and up to five before it.');
    }
    return this.execute({ operation, method: 'POST', path: '/v1/sim-cards/month-usages', body, read: true, expect: { kind: 'object', arrayKey: 'month_usages' } }, opts);
  }

  async listSimCardFlowPerDay(body: m.SimCardFlowPerDayReq, opts?: CallOptions): Promise<m.SimCardFlowPerDayRsp[]> {
    const operation = 'List daily usage';
    checkCardLists(body.sim_card_ids, body.iccids, DAILY_USAGE_MAX_CARDS, operation);
    if (nonEmpty(body.sim_card_ids) && nonEmpty(body.iccids)) throw config(operation, 'Give either sim_card_ids or iccids, not both.');
    if (body.month !== undefined && body.date !== undefined) throw config(operation, 'Give either month (YYYYMM) or date (YYYYMMDD), not both.');
    if (body.month !== undefined && !/^\d{6}$/.test(body.month)) throw config(operation, `month must be YYYYMM; got "${body.month}".`);
    if (body.date !== undefined && !/^\d{8}$/.test(body.date)) throw config(operation, `date must be YYYYMMDD; got "${body.date}".`);
    return this.execute({ operation, method: 'POST', path: '/v1/sim-cards/batch-daily-flow', body, read: true, expect: { kind: 'array' } }, opts);
  }

  async showRealNamed(card: m.CardRef, opts?: CallOptions): Promise<m.ShowRealNamedResponse> {
    const operation = 'Show real-name status';
    const t = cardTarget(card, operation);
    return this.execute({ operation, method: 'GET', path: `/v1/sim-cards/${t.id}/real-named`, query: { iccid: t.iccid }, read: true, expect: { kind: 'object' } }, opts);
  }

  async deleteRealName(card: m.CardRef, opts?: CallOptions): Promise<m.WorkOrderResponse> {
    const operation = 'Clear real-name registration';
    const t = cardTarget(card, operation);
    return this.execute({ operation, method: 'POST', path: `/v1/sim-cards/${t.id}/clear-real-name`, query: { iccid: t.iccid }, read: false, expect: workOrder }, opts);
  }

  async startStopNet(card: m.CardRef, body: m.CutNetReq, opts?: CallOptions): Promise<m.WorkOrderResponse> {
    if (body?.action !== 'ADD' && body?.action !== 'DEL') throw config('Cut or restore network', 'action must be "ADD" (cut the network) or "DEL" (restore it).');
    return this.cardAction('Cut or restore network', 'cut-net', card, body, opts);
  }

  async setExceedCutNet(card: m.CardRef, body: m.ExceedCutNetReq, opts?: CallOptions): Promise<m.WorkOrderResponse> {
    if (body?.action !== 1 && body?.action !== 2) throw config('Set usage threshold cut', 'action must be 1 (set the threshold) or 2 (cancel it).');
    return this.cardAction('Set usage threshold cut', 'exceed-cut-net', card, body, opts);
  }

  async registerImei(card: m.CardRef, body: m.RegisterImeiReq, opts?: CallOptions): Promise<m.WorkOrderResponse> {
    if (body?.bind_type !== 1 && body?.bind_type !== 2) throw config('Rebind device', 'bind_type must be 1 (normal rebind) or 2 (fixed rebind to an IMEI).');
    return this.cardAction('Rebind device', 'bind-device', card, body, opts);
  }

  async setSpeedValue(card: m.CardRef, body: m.SetSpeedValueReq, opts?: CallOptions): Promise<m.WorkOrderResponse> {
    if (!Number.isInteger(body?.speed_value) || body.speed_value < -1) throw config('Set speed limit', 'speed_value must be a whole number of Kbps, or -1 for no limit.');
    return this.cardAction('Set speed limit', 'speed-limit', card, body, opts);
  }

  // ---- Price plans ----

  async listProPricePlans(query: m.ListProPricePlansQuery, opts?: CallOptions): Promise<m.ListProPricePlansResponse> {
    const operation = 'List price plans';
    checkPage(query, operation);
    return this.execute({ operation, method: 'GET', path: '/v1/price-plans', query: { ...query }, read: true, expect: paged('price_plans') }, opts);
  }

  async listSimPricePlans(query: m.ListSimPricePlansQuery, opts?: CallOptions): Promise<m.SimPricePlanVO[]> {
    const operation = 'List card plans';
    checkPage(query, operation);
    const q = { ...query };
    if (q.iccid !== undefined) {
      checkIccid(q.iccid, operation);
      if (q.sim_card_id === undefined || q.sim_card_id === '') q.sim_card_id = '0';
    }
    checkId(q.sim_card_id, 'sim_card_id', operation);
    return this.execute({ operation, method: 'GET', path: '/v1/sim-price-plans', query: q, read: true, expect: { kind: 'array' } }, opts);
  }

  async listFlowBySimCards(body: m.ListFlowBySimCardsReq, opts?: CallOptions): Promise<m.SimCardsFlowVo[]> {
    const operation = 'Show plan usage';
    checkCardLists(body.sim_card_ids, body.iccids, PLAN_USAGE_MAX_CARDS, operation);
    return this.execute({ operation, method: 'POST', path: '/v1/sim-price-plans/usage/batch-query', body, read: true, expect: { kind: 'array' } }, opts);
  }

  // ---- Pools ----

  async listSimPools(query: m.ListSimPoolsQuery, opts?: CallOptions): Promise<m.ListSimPoolsResponse> {
    const operation = 'List data pools';
    checkPage(query, operation);
    return this.execute({ operation, method: 'GET', path: '/v1/sim-pools', query: { ...query }, read: true, expect: paged('pools') }, opts);
  }

  async listSimPoolMembers(poolId: m.Id, query: m.ListPoolMembersQuery, opts?: CallOptions): Promise<m.ListSimPoolMembersResponse> {
    const operation = 'List data pool members';
    const id = checkId(poolId, 'sim_pool_id', operation);
    checkPage(query, operation);
    if (!query?.billing_cycle) throw config(operation, 'billing_cycle (YYYY-MM) is required.');
    return this.execute({ operation, method: 'GET', path: `/v1/sim-pools/${id}/members`, query: { ...query }, read: true, expect: paged('pool_members') }, opts);
  }

  async listBackPools(query: m.ListBackPoolsQuery, opts?: CallOptions): Promise<m.ListBackPoolsResponse> {
    const operation = 'List post-paid pools';
    checkPage(query, operation);
    return this.execute({ operation, method: 'GET', path: '/v1/back-pools', query: { ...query }, read: true, expect: paged('pools') }, opts);
  }

  async listBackPoolMembers(poolId: m.Id, query: m.ListPoolMembersQuery, opts?: CallOptions): Promise<m.ListBackPoolMembersResponse> {
    const operation = 'List post-paid pool members';
    const id = checkId(poolId, 'back_pool_id', operation);
    checkPage(query, operation);
    if (!query?.billing_cycle) throw config(operation, 'billing_cycle (YYYY-MM) is required.');
    return this.execute({ operation, method: 'GET', path: `/v1/back-pools/${id}/members`, query: { ...query }, read: true, expect: paged('pool_members') }, opts);
  }

  // ---- Tags ----

  async listTags(query: m.ListTagsQuery, opts?: CallOptions): Promise<m.ListTagsResponse> {
    const operation = 'List tags';
    checkPage(query, operation);
    return this.execute({ operation, method: 'GET', path: '/v1/tags', query: { ...query }, read: true, expect: paged('tags') }, opts);
  }

  async createTag(tagName: string, opts?: CallOptions): Promise<m.CmTagVO> {
    const operation = 'Create tag';
    if (typeof tagName !== 'string' || tagName.trim() === '') throw config(operation, 'The tag name must not be empty.');
    return this.execute({ operation, method: 'POST', path: '/v1/tags', body: { tag_name: tagName }, read: false, expect: { kind: 'object' } }, opts);
  }

  async deleteTag(tagId: m.Id, opts?: CallOptions): Promise<unknown> {
    const operation = 'Delete tag';
    const id = checkId(tagId, 'tag_id', operation);
    return this.execute({ operation, method: 'DELETE', path: `/v1/tags/${id}`, read: false, expect: { kind: 'opaque' } }, opts);
  }

  async batchSetTags(body: m.BatchSetTagsReq, opts?: CallOptions): Promise<unknown> {
    const operation = 'Set tags on cards';
    checkCardLists(body.sim_card_ids, body.iccids, 500, operation, body.file_temp_id !== undefined);
    checkMax(body.tag_ids, 10, 'tag_ids', operation);
    checkIds(body.tag_ids, 'tag_ids', operation);
    return this.execute({ operation, method: 'POST', path: '/v1/sim-tags/batch-set', body, read: false, expect: { kind: 'opaque' } }, opts);
  }

  // ---- Custom attributes ----

  async listAttributes(query: m.ListAttributesQuery, opts?: CallOptions): Promise<m.ListAttributesResponse> {
    const operation = 'List custom attributes';
    checkPage(query, operation);
    return this.execute({ operation, method: 'GET', path: '/v1/attributes', query: { ...query }, read: true, expect: paged('attributes') }, opts);
  }

  async createAttribute(name: string, opts?: CallOptions): Promise<{ id: m.Id }> {
    const operation = 'Create custom attribute';
    checkAttributeName(name, operation);
    return this.execute({ operation, method: 'POST', path: '/v1/attributes', body: { cust_attr_name: name }, read: false, expect: { kind: 'object' } }, opts);
  }

  async updateAttribute(attributeId: m.Id, name: string, opts?: CallOptions): Promise<unknown> {
    const operation = 'Rename custom attribute';
    const id = checkId(attributeId, 'attribute_id', operation);
    checkAttributeName(name, operation);
    return this.execute({ operation, method: 'PUT', path: `/v1/attributes/${id}`, body: { cust_attr_name: name }, read: false, expect: { kind: 'opaque' } }, opts);
  }

  async enableAttribute(attributeId: m.Id, opts?: CallOptions): Promise<unknown> {
    const operation = 'Enable custom attribute';
    const id = checkId(attributeId, 'attribute_id', operation);
    return this.execute({ operation, method: 'POST', path: `/v1/attributes/${id}/enable`, read: false, expect: { kind: 'opaque' } }, opts);
  }

  async disableAttribute(attributeId: m.Id, opts?: CallOptions): Promise<unknown> {
    const operation = 'Disable custom attribute';
    const id = checkId(attributeId, 'attribute_id', operation);
    return this.execute({ operation, method: 'POST', path: `/v1/attributes/${id}/disable`, read: false, expect: { kind: 'opaque' } }, opts);
  }

  async batchSetAttributes(body: m.BatchSetAttributesReq, opts?: CallOptions): Promise<unknown> {
    const operation = 'Set custom attribute values';
    const items = body?.attributes;
    if (!Array.isArray(items) || items.length < 1 || items.length > 500) throw config(operation, 'Give from 1 to 500 cards (attributes) per request.');
    for (const a of items) {
      checkId(a.sim_card_id, 'sim_card_id', operation);
      if (a.iccid !== undefined) checkIccid(a.iccid, operation);
      for (let i = 1; i <= 6; i++) checkLength(a[`customer_attribute${i}` as keyof m.AttributeReq], 100, `customer_attribute${i}`, operation);
    }
    return this.execute({ operation, method: 'POST', path: '/v1/sim-cards/attributes/batch-set', body, read: false, expect: { kind: 'opaque' } }, opts);
  }

  // ---- SMS ----

  async sendSms(body: m.CreateSendSmsReq, opts?: CallOptions): Promise<unknown> {
    const operation = 'Send SMS';
    if (typeof body?.sms_content !== 'string' || body.sms_content === '') throw config(operation, 'The SMS text (sms_content) must not be empty.');
    return this.execute({ operation, method: 'POST', path: '/v1/sms-send-infos', body, read: false, expect: { kind: 'opaque' } }, opts);
  }

  async listSmsDetails(query: m.ListSmsDetailsQuery, opts?: CallOptions): Promise<m.ListSmsDetailsResponse> {
    const operation = 'List SMS records';
    checkPage(query, operation);
    return this.execute({ operation, method: 'GET', path: '/v1/sms-send-infos/details', query: { ...query }, read: true, expect: paged('sms_details') }, opts);
  }

  // ---- Work orders ----

  async listWorkOrders(query: m.ListWorkOrdersQuery, opts?: CallOptions): Promise<m.ListWorkOrdersResponse> {
    const operation = 'List work orders';
    checkPage(query, operation);
    return this.execute({ operation, method: 'GET', path: '/v1/work-orders', query: { ...query }, read: true, expect: paged('work_orders') }, opts);
  }

  async listWorkOrderDetails(workOrderId: m.Id, query: m.ListWorkOrderDetailsQuery, opts?: CallOptions): Promise<m.ListWorkOrderDetailsResponse> {
    const operation = 'List work order details';
    const id = checkId(workOrderId, 'work_order_id', operation);
    checkPage(query, operation);
    return this.execute({ operation, method: 'GET', path: `/v1/work-orders/${id}/details`, query: { ...query }, read: true, expect: paged('work_order_details') }, opts);
  }

  // ---- Three-network cards ----

  async listSimDeviceMultiply(query: m.ListSimDeviceMultiplyQuery, opts?: CallOptions): Promise<m.ListSimDeviceMultiplyResponse> {
    const operation = 'List three-network cards';
    checkPage(query, operation);
    return this.execute({ operation, method: 'GET', path: '/v1/sim-cards-multiply', query: { ...query }, read: true, expect: paged('sim_cards') }, opts);
  }

  async switchNetwork(simCardId: m.Id, body: m.NetworkSwitchReq, opts?: CallOptions): Promise<m.WorkOrderResponse> {
    const operation = 'Switch carrier';
    const id = checkId(simCardId, 'sim_card_id', operation);
    if (!Number.isInteger(body?.carrier_type)) throw config(operation, 'carrier_type (the target carrier) is required.');
    return this.execute({ operation, method: 'POST', path: `/v1/sim-cards-multiply/${id}/switch-network`, body, read: false, expect: workOrder }, opts);
  }

  async setNetworkSwitchPolicy(simCardId: m.Id, body: m.NetworkSwitchPolicyReq, opts?: CallOptions): Promise<m.WorkOrderResponse> {
    const operation = 'Set network switch policy';
    const id = checkId(simCardId, 'sim_card_id', operation);
    checkId(body?.network_switch_policy_id, 'network_switch_policy_id', operation);
    return this.execute({ operation, method: 'POST', path: `/v1/sim-cards/${id}/network-switch-policy/set`, body, read: false, expect: workOrder }, opts);
  }

  async addNetworkSwitchPolicy(body: m.NetworkSwitchPolicyDto, opts?: CallOptions): Promise<unknown> {
    const operation = 'Create network switch policy';
    if (body?.version !== 1 && body?.version !== 2) throw config(operation, 'version must be 1 (SDK edition) or 2 (SDK-less edition).');
    return this.execute({ operation, method: 'POST', path: '/v1/network-switch-policies', body, read: false, expect: { kind: 'opaque' } }, opts);
  }

  async listNetworkSwitchPolicies(query: m.ListNetworkSwitchPoliciesQuery, opts?: CallOptions): Promise<m.ListNetworkSwitchPoliciesResponse> {
    const operation = 'List network switch policies';
    checkPage(query, operation);
    return this.execute({ operation, method: 'GET', path: '/v1/network-switch-policies', query: { ...query }, read: true, expect: paged('network_switch_policy_list') }, opts);
  }

  // ---- Helpers over the lists ----

  async countSimCards(query: Omit<m.ListSimCardsQuery, 'limit' | 'offset'>, opts?: CallOptions): Promise<number> {
    const page = await this.listSimCards({ ...query, limit: 10, offset: 1 }, opts);
    return page.count;
  }

  iterateSimCards(query: Omit<m.ListSimCardsQuery, 'limit' | 'offset'>, opts?: PageIteratorOptions): AsyncIterable<m.SimDeviceVO[]> {
    return paginate<m.SimDeviceVO>(
      async ({ offset, limit }, signal, answered) => {
        const page = await this.listSimCards({ ...query, limit, offset }, { signal, onAnswered: answered } as InternalCallOptions);
        return { count: page.count, items: page.sim_cards };
      },
      {
        pageSize: opts?.pageSize ?? 500,
        concurrency: opts?.concurrency ?? this.options.concurrency ?? DEFAULT_PAGE_CONCURRENCY,
        signal: opts?.signal,
        operation: 'List SIM cards',
        onCount: opts?.onCount,
        onRequest: opts?.onRequest,
      },
    );
  }

  async showWorkOrder(workOrderId: m.Id, opts?: CallOptions): Promise<m.WorkOrderVo | undefined> {
    const id = checkId(workOrderId, 'work_order_id', 'Show work order');
    const page = await this.listWorkOrders({ main_search_key: id, limit: 10 }, opts);
    return page.work_orders.find((w) => String(w.id) === id);
  }

  // ---- Plumbing ----

  private async cardAction(operation: string, action: string, card: m.CardRef, body: object, opts?: CallOptions): Promise<m.WorkOrderResponse> {
    const t = cardTarget(card, operation);
    const payload: Record<string, unknown> = { ...body };
    if (t.iccid !== undefined) payload.iccid = t.iccid;
    else if (typeof payload.iccid === 'string') checkIccid(payload.iccid, operation);
    return this.execute({ operation, method: 'POST', path: `/v1/sim-cards/${t.id}/${action}`, body: payload, read: false, expect: workOrder }, opts);
  }

  private endpoint(u: URL | string, operation: string): URL {
    if (typeof u === 'string') throw config(operation, u);
    return u;
  }

  private async execute<T>(call: Call, opts?: InternalCallOptions): Promise<T> {
    const signal = opts?.signal;
    const onAnswered = opts?.onAnswered;
    const base = this.endpoint(this.gsl, call.operation);
    if (signal?.aborted) throw aborted(call.operation);
    const pairs = toQueryPairs(call.query);
    const url = joinUrl(base, call.path, encodeQuery(pairs));
    // Serialised once: these exact bytes are hashed for the signature and sent.
    const body = call.body === undefined ? undefined : stringifyJson(call.body);
    const state = { replayed: false };
    const attempts = call.read ? this.policy.maxAttempts : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await this.exchange(call, url, pairs, body, { signal, onAnswered }, state);
        // Parsing a large body holds the thread for milliseconds. Other calls' answers may be
        // waiting behind it, and each one handled sends the next page request sooner; so I/O
        // goes first. This alone takes about 5% off a whole-fleet scan.
        if (call.read && res.body.length >= LARGE_BODY_BYTES) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          // A read cancelled meanwhile ends as cancelled, as it would have a moment earlier.
          if (signal?.aborted) throw aborted(call.operation);
        }
        return this.interpret<T>(call, res);
      } catch (e) {
        // A failed token request is not retried here: the token source already decided
        // (one retry on a dropped connection, none on an HTTP answer).
        const fromToken = e instanceof GslError && e.operation === TOKEN_OPERATION;
        const delay = call.read && attempt < attempts && !fromToken ? nextDelay(e, attempt, this.policy) : undefined;
        if (delay === undefined) throw e;
        this.log(`${call.method} ${url.pathname} retry ${attempt + 1}/${attempts} in ${delay}ms (${(e as GslError).status ?? (e as GslError).kind})`);
        try {
          await sleep(delay, signal);
        } catch {
          throw aborted(call.operation);
        }
      }
    }
  }

  /** One request, plus at most one replay after an IAM token was refused. */
  private async exchange(
    call: Call,
    url: URL,
    pairs: Array<[string, string]>,
    body: string | undefined,
    { signal, onAnswered }: InternalCallOptions,
    state: { replayed: boolean },
  ): Promise<HttpResult> {
    for (;;) {
      const creds = await this.credentials(call.operation);
      let headers: Record<string, string>;
      let token: string | undefined;
      if (creds.kind === 'iam') {
        token = await this.tokens.token(creds, signal);
        headers = { Host: url.host, 'User-Agent': this.userAgent, 'X-Auth-Token': token };
        if (body !== undefined) headers['Content-Type'] = 'application/json';
      } else {
        headers = signedHeaders(creds, { method: call.method, url, query: pairs, body }, this.userAgent, new Date(this.now()));
      }
      const res = await this.transport.send({ operation: call.operation, method: call.method, url, headers, body, signal, onAnswered });
      // A 401 APIGW.0301/0307 means the gateway refused the token before GSL saw the
      // request, so nothing happened on the service: renewing the token and replaying once
      // is safe even for a mutation. Only once, so a real credential problem surfaces.
      if (res.status === 401 && token !== undefined && !state.replayed && TOKEN_REJECTED.has(errorCode(res) ?? '')) {
        state.replayed = true;
        this.tokens.invalidate(token);
        continue;
      }
      return res;
    }
  }

  private async credentials(operation: string): Promise<Credentials> {
    let creds: Credentials | undefined;
    try {
      creds = await this.options.credentials.get();
    } catch (e) {
      throw new GslError({ kind: 'auth', operation, explanation: 'Could not read the stored credentials.', cause: e });
    }
    if (!creds) throw new GslError({ kind: 'auth', operation, explanation: 'Not signed in: no GSL credentials are configured.' });
    return creds;
  }

  private interpret<T>(call: Call, res: HttpResult): T {
    if (res.status < 200 || res.status >= 300) throw httpError(call.operation, res, this.now());
    const malformed = (what: string): GslError =>
      new GslError({ kind: 'malformed', operation: call.operation, status: res.status, requestId: res.requestId, explanation: `The service returned ${what}.` });
    if (call.expect.kind === 'opaque') {
      const answer = readJsonBody(res.body);
      // Documented as Boolean or an opaque string; any text is an acceptable answer.
      return (answer.valid ? answer.value : res.body.toString('utf8')) as T;
    }
    let value: unknown;
    try {
      value = parseJsonBytes(res.body);
    } catch {
      throw malformed('a response that is not valid JSON');
    }
    if (call.expect.kind === 'array') {
      if (!Array.isArray(value)) throw malformed('an unexpected response: a list was expected');
      return value as T;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw malformed('an unexpected response: an object was expected');
    const o = value as Record<string, unknown>;
    if (call.expect.arrayKey && !Array.isArray(o[call.expect.arrayKey])) {
      throw malformed(`an unexpected response: "${call.expect.arrayKey}" is missing`);
    }
    if (call.expect.paged && typeof o.count !== 'number') throw malformed('an unexpected response: the total "count" is missing');
    return value as T;
  }

  private log(line: string): void {
    try {
      this.options.log?.(line);
    } catch {
      // Logging must never break a call.
    }
  }
}

const workOrder: Expect = { kind: 'object' };

function paged(arrayKey: string): Expect {
  return { kind: 'object', arrayKey, paged: true };
}

function errorCode(res: HttpResult): string | undefined {
  const answer = readJsonBody(res.body);
  return answer.valid ? readErrorEnvelope(answer.value).code : undefined;
}

function httpError(operation: string, res: HttpResult, now: number): GslError {
  const answer = readJsonBody(res.body);
  const env = readErrorEnvelope(answer.valid ? answer.value : undefined);
  const retryAfter = res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers['retry-after'], now) : undefined;
  return new GslError({
    kind: res.status === 401 ? 'auth' : 'http',
    operation,
    status: res.status,
    code: env.code,
    errorMsg: env.message ?? (answer.valid ? undefined : 'The error response was not valid JSON.'),
    requestId: res.requestId ?? env.requestId,
    retryable: isRetryableStatus(res.status),
    retryAfterSeconds: retryAfter,
  });
}

function aborted(operation: string): GslError {
  return new GslError({ kind: 'aborted', operation, explanation: 'The request was cancelled.' });
}

function config(operation: string, explanation: string): GslError {
  return new GslError({ kind: 'config', operation, explanation });
}

function checkPage(q: m.Page | undefined, operation: string): void {
  validateLimit(q?.limit, operation);
  validateOffset(q?.offset, operation);
}

/** Ids become path segments and body integers, so only plain decimal digits pass. */
function checkId(id: unknown, name: string, operation: string): string {
  const s = typeof id === 'number' || typeof id === 'bigint' ? String(id) : id;
  if (typeof s !== 'string' || !ID.test(s)) throw config(operation, `${name} must be a decimal id; got ${JSON.stringify(String(id))}.`);
  return s;
}

function checkIds(ids: readonly unknown[] | undefined, name: string, operation: string): void {
  for (const id of ids ?? []) checkId(id, name, operation);
}

function checkIccid(iccid: unknown, operation: string): string {
  if (typeof iccid !== 'string' || iccid.length < 19 || iccid.length > 20 || /\s/.test(iccid)) {
    throw config(operation, `An ICCID is 19 or 20 characters long; got ${JSON.stringify(String(iccid))}.`);
  }
  return iccid;
}

function checkMax(list: readonly unknown[] | undefined, max: number, name: string, operation: string): void {
  if (list && list.length > max) throw config(operation, `At most ${max} values are allowed in ${name}; got ${list.length}.`);
}

function checkLength(v: unknown, max: number, name: string, operation: string): void {
  if (typeof v === 'string' && v.length > max) throw config(operation, `${name} may be at most ${max} characters long.`);
}

function checkAttributeName(name: unknown, operation: string): void {
  if (typeof name !== 'string' || name.trim() === '' || name.length > 32) throw config(operation, 'A custom attribute name must be 1 to 32 characters long.');
}

function nonEmpty(a: readonly unknown[] | undefined): boolean {
  return Array.isArray(a) && a.length > 0;
}

function checkCardLists(ids: readonly unknown[] | undefined, iccids: readonly unknown[] | undefined, max: number, operation: string, allowEmpty = false): void {
  if (!allowEmpty && !nonEmpty(ids) && !nonEmpty(iccids)) throw config(operation, 'Name at least one card (sim_card_ids or iccids).');
  checkMax(ids, max, 'sim_card_ids', operation);
  checkMax(iccids, max, 'iccids', operation);
  checkIds(ids, 'sim_card_ids', operation);
  for (const i of iccids ?? []) checkIccid(i, operation);
}

/** `{sim_card_id}` addresses by id; `{iccid}` means sim_card_id 0 plus the ICCID. */
function cardTarget(card: m.CardRef, operation: string): { id: string; iccid?: string } {
  const c = (card ?? {}) as { sim_card_id?: unknown; iccid?: unknown };
  if (c.sim_card_id !== undefined && c.sim_card_id !== null && String(c.sim_card_id) !== '0') {
    return { id: checkId(c.sim_card_id, 'sim_card_id', operation) };
  }
  if (c.iccid !== undefined) return { id: '0', iccid: checkIccid(c.iccid, operation) };
  throw config(operation, 'A card is named by its sim_card_id or its ICCID.');
}
