/**
 * Fixed reference data: the plan catalogue, the starting tags and custom attributes, and the
 * account identity. Ids that the JSON layer writes as numbers (`*_id`) are decimal strings;
 * `price_plan_id` is a text id on the wire, so it must never look like a number.
 */
import type { ProPricePlanVo } from '../gsl/models';

export type Carrier = 'CM' | 'CT' | 'CU';

export const CARRIER_NAMES: Record<Carrier, string> = { CM: 'China Mobile', CT: 'China Telecom', CU: 'China Unicom' };

/** ICCID issuer prefixes per carrier (89 telecom, 86 China, then the issuer code). */
export const ICCID_PREFIXES: Record<Carrier, readonly string[]> = {
  CM: ['898600', '898602', '898604', '898607'],
  CT: ['898603', '898611'],
  CU: ['898601', '898606', '898609'],
};

export const IMSI_PREFIXES: Record<Carrier, string> = { CM: '46004', CT: '46011', CU: '46006' };
export const MSISDN_PREFIXES: Record<Carrier, readonly string[]> = { CM: ['1440', '1064'], CT: ['1410', '1490'], CU: ['1460', '1451'] };

export interface Plan extends ProPricePlanVo {
  carrier: Carrier;
  /** Network type the plan sells (card `network_type`); 1 = 2G/3G/4G, 2 = NB-IoT. */
  network_type: 1 | 2;
  country_type?: number;
}

function plan(p: Omit<Plan, 'period' | 'period_type' | 'effect_type' | 'silent_period_day' | 'silent_period_unit' | 'auto_renew' | 'location_desc' | 'location_type'> & Partial<Plan>): Plan {
  return {
    period: 12,
    period_type: 20,
    effect_type: 1,
    silent_period_day: 6,
    silent_period_unit: 2,
    auto_renew: false,
    location_desc: 'China',
    location_type: 1,
    ...p,
  };
}

export const PLANS: readonly Plan[] = [
  plan({ price_plan_id: 'PP-CM-30M-1Y', price_plan_name: 'China Mobile 30 MB/month IoT connectivity (1 year)', flow_total: 30, package_type: 1, sim_type: 3, carrier_type: 1, carrier: 'CM', price: 1200, network_type: 2 }),
  plan({ price_plan_id: 'PP-CM-100M-1Y', price_plan_name: 'China Mobile 100 MB/month IoT connectivity (1 year)', flow_total: 100, package_type: 1, sim_type: 3, carrier_type: 1, carrier: 'CM', price: 2400, network_type: 1 }),
  plan({ price_plan_id: 'PP-CM-1G-1Y', price_plan_name: 'China Mobile 1 GB/month IoT connectivity (1 year)', flow_total: 1024, package_type: 1, sim_type: 3, carrier_type: 1, carrier: 'CM', price: 9600, network_type: 1 }),
  plan({ price_plan_id: 'PP-CT-50M-1Y', price_plan_name: 'China Telecom 50 MB/month IoT connectivity (1 year)', flow_total: 50, package_type: 1, sim_type: 3, carrier_type: 2, carrier: 'CT', price: 1500, network_type: 2 }),
  plan({ price_plan_id: 'PP-CT-500M-1Y', price_plan_name: 'China Telecom 500 MB/month IoT connectivity (1 year)', flow_total: 500, package_type: 1, sim_type: 3, carrier_type: 2, carrier: 'CT', price: 4800, network_type: 1 }),
  plan({ price_plan_id: 'PP-CU-30M-1Y', price_plan_name: 'China Unicom 30 MB/month IoT connectivity (1 year)', flow_total: 30, package_type: 1, sim_type: 3, carrier_type: 3, carrier: 'CU', price: 1100, network_type: 2 }),
  plan({ price_plan_id: 'PP-CU-200M-1Y', price_plan_name: 'China Unicom 200 MB/month IoT connectivity (1 year)', flow_total: 200, package_type: 1, sim_type: 3, carrier_type: 3, carrier: 'CU', price: 3600, network_type: 1 }),
  plan({ price_plan_id: 'PP-CM-ADDON-500M', price_plan_name: 'China Mobile 500 MB add-on (current month)', flow_total: 500, package_type: 2, sim_type: 3, carrier_type: 1, carrier: 'CM', price: 1000, network_type: 1, period: 1 }),
  plan({ price_plan_id: 'PP-ESIM-CM-1G', price_plan_name: 'China Mobile eSIM 1 GB/month (1 year)', flow_total: 1024, package_type: 1, sim_type: 2, carrier_type: 101, carrier: 'CM', price: 9900, network_type: 1 }),
  plan({ price_plan_id: 'PP-ESIM-CT-2G', price_plan_name: 'China Telecom eSIM 2 GB/month (1 year)', flow_total: 2048, package_type: 1, sim_type: 2, carrier_type: 102, carrier: 'CT', price: 15800, network_type: 1 }),
  plan({ price_plan_id: 'PP-VSIM-CM-500M', price_plan_name: 'China Mobile vSIM 500 MB/month (1 year)', flow_total: 500, package_type: 1, sim_type: 1, carrier_type: 101, carrier: 'CM', price: 6000, network_type: 1 }),
  plan({ price_plan_id: 'PP-VSIM-CT-500M', price_plan_name: 'China Telecom vSIM 500 MB/month (1 year)', flow_total: 500, package_type: 1, sim_type: 1, carrier_type: 102, carrier: 'CT', price: 6000, network_type: 1 }),
  plan({ price_plan_id: 'PP-HK-10M-1M', price_plan_name: 'Hong Kong (China) 10 MB/month', flow_total: 10, package_type: 2, sim_type: 2, carrier_type: 501, carrier: 'CM', price: 800, network_type: 1, location_desc: 'Asia-Pacific', location_type: 5, country_type: 1, period: 1 }),
  plan({ price_plan_id: 'PP-TH-100M-1M', price_plan_name: 'Thailand 100 MB/month', flow_total: 100, package_type: 2, sim_type: 2, carrier_type: 503, carrier: 'CM', price: 2000, network_type: 1, location_desc: 'Asia-Pacific', location_type: 5, country_type: 3, period: 1 }),
];

export const PLAN_BY_ID = new Map(PLANS.map((p) => [p.price_plan_id, p]));

/** Base plans a new card of a kind may carry. */
export function basePlans(carrier: Carrier, simType: 1 | 2 | 3): Plan[] {
  return PLANS.filter((p) => p.carrier === carrier && p.sim_type === simType && p.package_type === 1);
}

/** Add-on plans an eSIM/vSIM card may also hold (never in use in the generated fleet). */
export const ADDON_PLANS = PLANS.filter((p) => p.package_type === 2 && p.sim_type === 2);

/** Names users typed, including markup that a UI must show as text. */
export const MARKUP_TAG = '<script>alert("tag")</script>';
export const MARKUP_ATTRIBUTE = '<img src=x onerror=alert(1)>';
export const MARKUP_NOTE = '<script>alert("attr")</script>';
/** A tag name in VS Code's icon syntax: quick picks and the status bar would draw it as icons. */
export const ICON_TAG = '$(sign-out)$(check) verified';

export const INITIAL_TAGS: ReadonlyArray<{ id: string; tag_name: string }> = [
  'north-fleet', 'south-fleet', 'smart-meters', 'trackers', 'pilot', 'vip', 'warehouse-3', 'cold-chain', 'pos-terminals',
  'street-lights', '测试', 'decommission-2025', MARKUP_TAG, ICON_TAG,
].map((tag_name, i) => ({ id: String(7100000000000001 + i * 17), tag_name }))
  // One tag id above 2^53, so the tag filter round-trips an id a double cannot hold.
  .concat([{ id: '9007199254740995', tag_name: 'gateway-nodes' }]);

export const MARKUP_TAG_ID = INITIAL_TAGS.find((t) => t.tag_name === MARKUP_TAG)!.id;
export const ICON_TAG_ID = INITIAL_TAGS.find((t) => t.tag_name === ICON_TAG)!.id;

export const ATTRIBUTE_SLOT_NAMES_CN = ['自定义属性一', '自定义属性二', '自定义属性三', '自定义属性四', '自定义属性五', '自定义属性六'];

/** Attribute definitions present at start; slot n is `customer_attribute<n>`. */
export const INITIAL_ATTRIBUTES: ReadonlyArray<{ id: string; cust_attr_name: string; status: 0 | 1 }> = [
  { id: '6200000000000001', cust_attr_name: 'Site', status: 1 },
  { id: '6200000000000002', cust_attr_name: 'Installer', status: 1 },
  { id: '6200000000000003', cust_attr_name: 'Asset tag', status: 1 },
  { id: '6200000000000004', cust_attr_name: 'Note', status: 1 },
];

/** Built-in list columns a custom attribute may not be named after (GSL.00027003). */
export const BUILT_IN_COLUMNS = ['iccid', 'msisdn', 'imsi', 'imei', 'cid', 'status', 'sim status', 'tag', 'tags', 'plan', 'price plan', 'order id', 'batch'];

export const SITES = ['Beijing-DC1', 'Shanghai-Pudong', 'Shenzhen-Nanshan', 'Chengdu-Hi-Tech', 'Wuhan-East', 'Xi\'an-North', 'Hangzhou-Binjiang', 'Tianjin-Port'];
export const INSTALLERS = ['Li Wei', 'Wang Fang', 'Zhang Min', 'Liu Yang', 'Chen Jie', 'Zhao Lei'];
export const DEVICE_MODELS = ['Quectel EC200U', 'SIMCom A7670C', 'Fibocom L610', 'Quectel BC260Y', 'MeiG SLM320'];

export interface AccountIdentity {
  accountId: string;
  domain: string;
  domainId: string;
  user: string;
  userId: string;
  password: string;
  projectName: string;
  projectId: string;
  ak: string;
  sk: string;
}

/** The one account the simulator serves; credentials are fixed so demos and tests can share them. */
export const ACCOUNT: AccountIdentity = {
  accountId: '0a9f2c7e5b8d4e6f8a1b2c3d4e5f6a7b',
  domain: 'simfleet-demo',
  domainId: '0a9f2c7e5b8d4e6f8a1b2c3d4e5f6a7b',
  user: 'simfleet-operator',
  userId: 'e1d2c3b4a5f60718293a4b5c6d7e8f90',
  password: 'Demo-Passw0rd!',
  projectName: 'cn-north-4',
  projectId: '0123456789abcdef0123456789abcdef',
  ak: 'SIMFLEETDEMOAK000001',
  sk: 'SimFleetDemoSecretKey0000000000000000001',
};
