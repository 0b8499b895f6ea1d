/**
 * Wire models of the GSL API (gsl-api.md section 3), with the API's own field names.
 *
 * Ids are int64 on the wire. JavaScript numbers lose precision above 2^53, so every id
 * is carried as a decimal string (`Id`) from parse to request; see `json.ts`.
 */

/** An int64 id as a decimal string, e.g. "4710226018477568". */
export type Id = string;

/** Date-time string; the service emits `YYYY-MM-DDTHH:mm:ss.000Z`. */
export type DateTime = string;

export const SIM_STATUSES = [10, 11, 13, 14, 20, 30] as const;
/** 10 testable, 11 inactive, 13 activatable, 14 deactivated, 20 in use, 30 dismantled. */
export type SimStatus = (typeof SIM_STATUSES)[number];
/** 1 vSIM, 2 eSIM, 3 physical. */
export type SimType = 1 | 2 | 3;
/** 1 registered, 2 restarted, 3 online, 4 offline. */
export type DeviceStatus = 1 | 2 | 3 | 4;
export const SORT_KEYS = ['cid', 'flow_used', 'flow_left', 'act_date', 'expire_time'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';

export interface Page {
  limit?: number;
  offset?: number;
}

export interface PagedResponse {
  limit: number;
  offset: number;
  count: number;
}

// ---- SIM cards (2.2, 3.1–3.5) ----

export interface SimDeviceVO {
  sim_card_id: Id;
  account_id?: string;
  cid?: string;
  sim_pool_id?: Id | null;
  imei?: string | null;
  sim_status?: SimStatus;
  device_status?: DeviceStatus | null;
  device_model?: string | null;
  act_date?: DateTime | null;
  device_status_date?: DateTime | null;
  node_id?: string | null;
  iccid?: string;
  network_type?: string | null;
  dbm?: string | null;
  signal_level?: string | null;
  sim_type?: SimType;
  tag_names?: string | null;
  order_id?: Id | null;
  expire_time?: DateTime | null;
  price_plan_name?: string | null;
  sim_price_plan_id?: Id | null;
  flow_left?: number | null;
  flow_used?: number | null;
  operator_status?: number | null;
  msisdn?: string | null;
  imsi?: string | null;
  customer_attribute1?: string | null;
  customer_attribute2?: string | null;
  customer_attribute3?: string | null;
  customer_attribute4?: string | null;
  customer_attribute5?: string | null;
  customer_attribute6?: string | null;
  real_named?: boolean | null;
  cut_net_flag?: boolean | null;
  exceed_cut_net_flag?: boolean | null;
  exceed_cut_net_quota?: number | null;
  imei_bind_remain_times?: number | null;
  speed_value?: number | null;
}

export interface ListSimCardsQuery extends Page {
  main_search_type?: number;
  main_search_key?: string;
  sim_status?: SimStatus;
  device_status?: DeviceStatus;
  tag_id?: Id[];
  sim_type?: SimType;
  order?: SortOrder;
  sort?: SortKey;
  msisdn?: string;
  customer_attribute1?: string;
  customer_attribute2?: string;
  customer_attribute3?: string;
  customer_attribute4?: string;
  customer_attribute5?: string;
  customer_attribute6?: string;
  min_used_flow?: number;
  max_used_flow?: number;
  min_left_flow?: number;
  max_left_flow?: number;
  real_named?: boolean;
  order_id?: Id;
  filter_downtime_period?: boolean;
  order_ids?: Id[];
  price_plan_id?: string[];
}

export interface ListSimCardsResponse extends PagedResponse {
  sim_cards: SimDeviceVO[];
}

/** A card is addressed by its id, or by `sim_card_id = 0` plus its ICCID. */
export type CardRef = { sim_card_id: Id } | { iccid: string };

export interface WorkOrderResponse {
  work_order_id: Id;
}

/** Body of stop and reset (`DownUpTimeForSimCardReq`). */
export interface DownUpTimeForSimCardReq {
  down_up_switch?: number;
  iccid?: string;
}

export interface ShowMonthUsageReq {
  sim_card_ids?: Id[];
  iccids?: string[];
  billing_cycles: string[];
}
export interface FlowUsageVo {
  billing_cycle: string;
  flow_used: number;
}
export interface MonthUsageVo {
  sim_card_id: Id;
  iccid: string;
  flow_usages: FlowUsageVo[];
}
export interface ShowMonthUsagesResponse {
  month_usages: MonthUsageVo[];
}

export interface SimCardFlowPerDayReq {
  sim_card_ids?: Id[];
  iccids?: string[];
  /** YYYYMM */
  month?: string;
  /** YYYYMMDD */
  date?: string;
}
export interface SimCardFlowItem {
  sim_card_id: Id;
  iccid: string;
  flow: number;
}
export interface SimCardFlowPerDayRsp {
  /** YYYYMMDD */
  date: string;
  sim_flow: SimCardFlowItem[];
}

export interface ShowRealNamedResponse {
  iccid: string;
  real_named: boolean;
}

export interface CutNetReq {
  action: 'ADD' | 'DEL';
  iccid?: string;
}
export interface ExceedCutNetReq {
  action: 1 | 2;
  quota?: string;
  iccid?: string;
}
export interface RegisterImeiReq {
  bind_type: 1 | 2;
  imei?: string;
  iccid?: string;
}
export interface SetSpeedValueReq {
  speed_value: number;
  iccid?: string;
}

// ---- Price plans (2.3, 3.8, 3.9) ----

export interface ListProPricePlansQuery extends Page {
  main_search_key?: string;
  flow_total?: number;
  network_type?: number;
  location_type?: number;
  carrier_type?: number;
  country_type?: number;
}
export interface ProPricePlanVo {
  price_plan_id: string;
  price_plan_name: string;
  description?: string;
  flow_total: number;
  package_type?: number;
  period?: number;
  period_type?: number;
  effect_type?: number;
  silent_period_day?: number;
  silent_period_unit?: number;
  auto_renew?: boolean;
  location_desc?: string;
  location_type?: number;
  sim_type?: SimType;
  carrier_type?: number;
  price?: number;
}
export interface ListProPricePlansResponse extends PagedResponse {
  price_plans: ProPricePlanVo[];
}

export interface ListSimPricePlansQuery extends Page {
  sim_card_id: Id;
  iccid?: string;
  real_time?: boolean;
}
export interface SimPricePlanVO {
  id: Id;
  account_id?: string;
  sim_card_id: Id;
  status?: number;
  price_plan_id?: string;
  cid?: string;
  order_id?: string;
  create_time?: DateTime;
  active_time?: DateTime | null;
  stop_time?: DateTime | null;
  flow_total?: number;
  flow_used?: number;
  flow_left?: number;
  using?: string;
  price_plan_name?: string;
  description?: string;
  package_type?: number;
  effect_type?: number;
  silent_period_day?: number;
  silent_period_unit?: number;
  auto_renew?: number;
  location_desc?: string;
}

export interface ListFlowBySimCardsReq {
  iccids?: string[];
  sim_card_ids?: Id[];
}
export interface SimCardsFlowVo {
  id: Id;
  account_id?: string;
  sim_card_id: Id;
  price_plan_id?: string;
  price_plan_name?: string;
  iccid?: string;
  flow_total: number;
  flow_used: number;
  flow_left: number;
}

// ---- Pools (2.4, 3.7) ----

export interface ListSimPoolsQuery extends Page {
  pool_name?: string;
  billing_cycle?: string;
  all_billing_cycle?: boolean;
  status?: number[];
}
export interface SimPoolVO {
  id: Id;
  pool_name: string;
  price_plan_name?: string;
  price_plan_id?: string;
  effective_time?: DateTime;
  expired_time?: DateTime;
  billing_cycle?: string;
  flow_total?: number;
  flow_used?: number;
  flow_left?: number;
  quantity?: number;
  modify_time?: DateTime;
  order_id?: Id;
  activated_sim_quantity?: number;
  inactive_sim_quantity?: number;
  disassembled_sim_quantity?: number;
  order_ids?: string;
  status?: number;
}
export interface ListSimPoolsResponse extends PagedResponse {
  pools: SimPoolVO[];
}
export interface ListPoolMembersQuery extends Page {
  cid?: string;
  billing_cycle: string;
}
export interface PoolMemVO {
  id: Id;
  cid: string;
  sim_price_plan_id?: Id;
  flow_used: number;
}
export interface ListSimPoolMembersResponse extends PagedResponse {
  pool_members: PoolMemVO[];
}
export interface ListBackPoolsQuery extends Page {
  pool_name?: string;
  billing_cycle?: string;
  all_billing_cycle?: boolean;
}
export interface BackPoolVO {
  id: Id;
  pool_name: string;
  price_plan_name?: string;
  price_plan_id?: string;
  effective_time?: DateTime;
  expired_time?: DateTime;
  billing_cycle?: string;
  pool_status?: number;
  flow_used?: number;
  status_time?: DateTime;
  quantity?: number;
  modify_time?: DateTime;
  order_id?: Id;
  activated_sim_quantity?: number;
  inactive_sim_quantity?: number;
  disassembled_sim_quantity?: number;
  order_ids?: string;
}
export interface ListBackPoolsResponse extends PagedResponse {
  pools: BackPoolVO[];
}
export interface BackPoolMemVO {
  id: Id;
  cid: string;
  sim_price_plan_id?: Id;
  flow_used: number;
  sim_status?: number;
}
export interface ListBackPoolMembersResponse extends PagedResponse {
  pool_members: BackPoolMemVO[];
}

// ---- Tags and custom attributes (2.5, 2.6, 3.11) ----

export interface ListTagsQuery extends Page {
  tag_name?: string;
  status?: 0 | 1;
}
export interface CmTagVO {
  id: Id;
  tag_name: string;
  status: number;
}
export interface ListTagsResponse extends PagedResponse {
  tags: CmTagVO[];
}
export interface BatchSetTagsReq {
  file_temp_id?: Id;
  sim_card_ids?: Id[];
  iccids?: string[];
  tag_ids?: Id[];
}

export interface ListAttributesQuery extends Page {
  cust_attr_name?: string;
  status?: 0 | 1;
}
export interface CmAttributeVO {
  id: Id;
  default_attr_name_cn?: string;
  default_attr_name_en?: string;
  cust_attr_name?: string;
  status: number;
  create_time?: DateTime;
  modify_time?: DateTime;
}
export interface ListAttributesResponse extends PagedResponse {
  attributes: CmAttributeVO[];
}
export interface AttributeReq {
  sim_card_id: Id;
  iccid?: string;
  customer_attribute1?: string;
  customer_attribute2?: string;
  customer_attribute3?: string;
  customer_attribute4?: string;
  customer_attribute5?: string;
  customer_attribute6?: string;
}
export interface BatchSetAttributesReq {
  file_temp_id?: Id;
  attributes: AttributeReq[];
}

// ---- SMS (2.7, 3.12) ----

export interface CreateSendSmsReq {
  template_id?: Id;
  sms_content: string;
  cids?: string[];
  order_id?: Id;
  file_temp_id?: Id;
}
export interface ListSmsDetailsQuery extends Page {
  cid?: string;
  start_time?: DateTime;
  end_time?: DateTime;
}
export interface SmsSendDetailQueryVo {
  cid: string;
  msisdn?: string;
  sent_time?: DateTime;
  received_time?: DateTime | null;
  sms_status: number;
  sms_content?: string;
}
export interface ListSmsDetailsResponse extends PagedResponse {
  sms_details: SmsSendDetailQueryVo[];
}

// ---- Work orders (2.8, 3.6) ----

/** 1 under review, 2 reviewed, 3 processing, 4 completed, 5 cancelled, 6 failed, 7 review rejected. */
export type WorkOrderStatus = 1 | 2 | 3 | 4 | 5 | 6 | 7;
/** Statuses after which a work order no longer changes. */
export const FINAL_WORK_ORDER_STATUSES: readonly WorkOrderStatus[] = [4, 5, 6, 7];

export interface ListWorkOrdersQuery extends Page {
  main_search_key?: string;
  sim_type?: number;
  work_order_type?: number;
  status?: WorkOrderStatus;
}
export interface WorkOrderVo {
  id: Id;
  sim_type?: number;
  work_order_type: number;
  req_detail?: string;
  total_count: number;
  success_count: number;
  fail_count: number;
  process_count: number;
  status: WorkOrderStatus;
  create_time: DateTime;
  finish_time?: DateTime | null;
  fail_reason?: string | null;
  response?: string | null;
  work_order_source?: number;
  work_order_source_desc?: string;
}
export interface ListWorkOrdersResponse extends PagedResponse {
  work_orders: WorkOrderVo[];
}
export interface ListWorkOrderDetailsQuery extends Page {
  main_search_key?: string;
  sim_type?: number;
  status?: 1 | 2 | 3;
}
export interface WorkOrderDetailVo {
  id: Id;
  sim_type?: number;
  /** 1 success, 2 processing, 3 failed */
  status: 1 | 2 | 3;
  cid: string;
  sim_card_id: Id;
  create_time: DateTime;
  finish_time?: DateTime | null;
  description?: string | null;
}
export interface ListWorkOrderDetailsResponse extends PagedResponse {
  work_order_details: WorkOrderDetailVo[];
}

// ---- Three-network cards (2.9, 3.10) ----

export interface ListSimDeviceMultiplyQuery extends Page {
  cid?: string;
  online_carrier?: number;
  sim_card_id?: Id;
  order_id?: Id;
  version?: number;
}
export interface SimDeviceMultiplyVo {
  sim_card_id: Id;
  cid: string;
  online_carrier?: number;
  network_switch_policy_id?: Id | null;
  policy_name?: string | null;
  version?: number;
  iccid_mobile?: string;
  iccid_unicom?: string;
  iccid_telcom?: string;
  order_id?: Id;
}
export interface ListSimDeviceMultiplyResponse extends PagedResponse {
  sim_cards: SimDeviceMultiplyVo[];
}
export interface NetworkSwitchReq {
  cid?: string;
  carrier_type: number;
}
export interface NetworkSwitchPolicyReq {
  cid?: string;
  network_switch_policy_id: Id;
}
export interface NetworkSwitchPolicyDto {
  policy_name?: string;
  preferred_carrier?: number;
  least_preferred_carrier?: number;
  optimal_signal?: boolean;
  auto_switch?: boolean;
  weak_signal_switch?: boolean;
  connect_ip?: string;
  version: number;
  switch_order?: string;
  blacklist?: number;
}
export interface NetworkSwitchPolicyVo extends NetworkSwitchPolicyDto {
  id: Id;
  create_time?: DateTime;
  modify_time?: DateTime;
  status?: number;
  type?: number;
  used?: boolean;
}
export interface ListNetworkSwitchPoliciesQuery extends Page {
  policy_name?: string;
  version?: number;
}
export interface ListNetworkSwitchPoliciesResponse extends PagedResponse {
  network_switch_policy_list: NetworkSwitchPolicyVo[];
}

// ---- IAM (1.3.1) ----

export interface IamTokenBody {
  token: {
    expires_at: string;
    issued_at: string;
    methods: string[];
    project?: { id: string; name: string; domain: { id: string; name: string } };
    user?: { id: string; name: string; domain: { id: string; name: string } };
  };
}
