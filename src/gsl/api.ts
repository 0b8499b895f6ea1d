/**
 * The contract of the one shared GSL client: every one of the 39 operations in gsl-api.md
 * section 2, plus the paging helpers. The extension codes against this interface only.
 */
import type * as m from './models';

/** Options every call accepts. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Credentials, as the client asks for them through a `CredentialStore`. */
export type Credentials =
  | { kind: 'aksk'; ak: string; sk: string; projectId?: string; securityToken?: string }
  | { kind: 'iam'; domain: string; user: string; password: string; project: string };

/** Where credentials come from; the extension backs this with VS Code SecretStorage. */
export interface CredentialStore {
  get(): Promise<Credentials | undefined>;
}

export interface GslEndpoints {
  /** e.g. https://gsl.cn-north-4.myhuaweicloud.com */
  gsl: string;
  /** e.g. https://iam.cn-north-4.myhuaweicloud.com */
  iam: string;
}

export const DEFAULT_ENDPOINTS: GslEndpoints = {
  gsl: 'https://gsl.cn-north-4.myhuaweicloud.com',
  iam: 'https://iam.cn-north-4.myhuaweicloud.com',
};

export interface PageIteratorOptions extends CallOptions {
  /** 10–500; default 500. */
  pageSize?: number;
  /** Pages in flight at once; default 4. */
  concurrency?: number;
  /** Told the list's total (`count`) once the first page is in, before any card is yielded. */
  onCount?: (count: number) => void;
  /** Told as each page's request goes out (a page aborted early was still sent). */
  onRequest?: () => void;
}

export interface GslApi {
  // SIM cards
  listSimCards(query: m.ListSimCardsQuery, opts?: CallOptions): Promise<m.ListSimCardsResponse>;
  showSimCard(card: m.CardRef, opts?: CallOptions): Promise<m.SimDeviceVO>;
  stopSimCard(card: m.CardRef, body?: m.DownUpTimeForSimCardReq, opts?: CallOptions): Promise<m.WorkOrderResponse>;
  resetSimCard(card: m.CardRef, body?: m.DownUpTimeForSimCardReq, opts?: CallOptions): Promise<m.WorkOrderResponse>;
  enableSimCard(card: m.CardRef, opts?: CallOptions): Promise<m.WorkOrderResponse>;
  showMonthUsages(body: m.ShowMonthUsageReq, opts?: CallOptions): Promise<m.ShowMonthUsagesResponse>;
  listSimCardFlowPerDay(body: m.SimCardFlowPerDayReq, opts?: CallOptions): Promise<m.SimCardFlowPerDayRsp[]>;
  showRealNamed(card: m.CardRef, opts?: CallOptions): Promise<m.ShowRealNamedResponse>;
  deleteRealName(card: m.CardRef, opts?: CallOptions): Promise<m.WorkOrderResponse>;
  startStopNet(card: m.CardRef, body: m.CutNetReq, opts?: CallOptions): Promise<m.WorkOrderResponse>;
  setExceedCutNet(card: m.CardRef, body: m.ExceedCutNetReq, opts?: CallOptions): Promise<m.WorkOrderResponse>;
  registerImei(card: m.CardRef, body: m.RegisterImeiReq, opts?: CallOptions): Promise<m.WorkOrderResponse>;
  setSpeedValue(card: m.CardRef, body: m.SetSpeedValueReq, opts?: CallOptions): Promise<m.WorkOrderResponse>;
  // Price plans
  listProPricePlans(query: m.ListProPricePlansQuery, opts?: CallOptions): Promise<m.ListProPricePlansResponse>;
  listSimPricePlans(query: m.ListSimPricePlansQuery, opts?: CallOptions): Promise<m.SimPricePlanVO[]>;
  listFlowBySimCards(body: m.ListFlowBySimCardsReq, opts?: CallOptions): Promise<m.SimCardsFlowVo[]>;
  // Pools
  listSimPools(query: m.ListSimPoolsQuery, opts?: CallOptions): Promise<m.ListSimPoolsResponse>;
  listSimPoolMembers(poolId: m.Id, query: m.ListPoolMembersQuery, opts?: CallOptions): Promise<m.ListSimPoolMembersResponse>;
  listBackPools(query: m.ListBackPoolsQuery, opts?: CallOptions): Promise<m.ListBackPoolsResponse>;
  listBackPoolMembers(poolId: m.Id, query: m.ListPoolMembersQuery, opts?: CallOptions): Promise<m.ListBackPoolMembersResponse>;
  // Tags
  listTags(query: m.ListTagsQuery, opts?: CallOptions): Promise<m.ListTagsResponse>;
  createTag(tagName: string, opts?: CallOptions): Promise<m.CmTagVO>;
  deleteTag(tagId: m.Id, opts?: CallOptions): Promise<unknown>;
  batchSetTags(body: m.BatchSetTagsReq, opts?: CallOptions): Promise<unknown>;
  // Custom attributes
  listAttributes(query: m.ListAttributesQuery, opts?: CallOptions): Promise<m.ListAttributesResponse>;
  createAttribute(name: string, opts?: CallOptions): Promise<{ id: m.Id }>;
  updateAttribute(attributeId: m.Id, name: string, opts?: CallOptions): Promise<unknown>;
  enableAttribute(attributeId: m.Id, opts?: CallOptions): Promise<unknown>;
  disableAttribute(attributeId: m.Id, opts?: CallOptions): Promise<unknown>;
  batchSetAttributes(body: m.BatchSetAttributesReq, opts?: CallOptions): Promise<unknown>;
  // SMS
  sendSms(body: m.CreateSendSmsReq, opts?: CallOptions): Promise<unknown>;
  listSmsDetails(query: m.ListSmsDetailsQuery, opts?: CallOptions): Promise<m.ListSmsDetailsResponse>;
  // Work orders
  listWorkOrders(query: m.ListWorkOrdersQuery, opts?: CallOptions): Promise<m.ListWorkOrdersResponse>;
  listWorkOrderDetails(workOrderId: m.Id, query: m.ListWorkOrderDetailsQuery, opts?: CallOptions): Promise<m.ListWorkOrderDetailsResponse>;
  // Three-network cards
  listSimDeviceMultiply(query: m.ListSimDeviceMultiplyQuery, opts?: CallOptions): Promise<m.ListSimDeviceMultiplyResponse>;
  switchNetwork(simCardId: m.Id, body: m.NetworkSwitchReq, opts?: CallOptions): Promise<m.WorkOrderResponse>;
  setNetworkSwitchPolicy(simCardId: m.Id, body: m.NetworkSwitchPolicyReq, opts?: CallOptions): Promise<m.WorkOrderResponse>;
  addNetworkSwitchPolicy(body: m.NetworkSwitchPolicyDto, opts?: CallOptions): Promise<unknown>;
  listNetworkSwitchPolicies(query: m.ListNetworkSwitchPoliciesQuery, opts?: CallOptions): Promise<m.ListNetworkSwitchPoliciesResponse>;

  // Helpers over the list operations
  /** Total matching cards, read from `count` of a `limit=10` page. */
  countSimCards(query: Omit<m.ListSimCardsQuery, 'limit' | 'offset'>, opts?: CallOptions): Promise<number>;
  /** Every page of the card list, in order, fetched with bounded concurrency. */
  iterateSimCards(query: Omit<m.ListSimCardsQuery, 'limit' | 'offset'>, opts?: PageIteratorOptions): AsyncIterable<m.SimDeviceVO[]>;
  /** Look a work order up by id (ListWorkOrders with main_search_key). */
  showWorkOrder(workOrderId: m.Id, opts?: CallOptions): Promise<m.WorkOrderVo | undefined>;
}
