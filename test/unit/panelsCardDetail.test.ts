// Dates are shown in the machine's time zone; pin it so the expected text is the same everywhere.
process.env.TZ = 'UTC';

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundleTranslate, formatOnly } from '../../src/core/translate';
import { readFileSync } from 'node:fs';
import type { SimDeviceVO } from '../../src/gsl/models';
import type { TrackedWorkOrder } from '../../src/core/workOrders';
import { carrierOf } from '../../src/core/cardRules';
import { attributeNames, buildCardDetailView, copyableValues, usageBar } from '../../src/panels/cardDetailModel';
import type { CardDetailView, FieldRow } from '../../src/panels/protocol';

const zh = {
  ...(JSON.parse(readFileSync('l10n/parts/words.zh-cn.json', 'utf8')) as Record<string, string>),
  ...(JSON.parse(readFileSync('l10n/parts/panels.zh-cn.json', 'utf8')) as Record<string, string>),
};
const english = formatOnly;

function card(over: Partial<SimDeviceVO> = {}): SimDeviceVO {
  return {
    sim_card_id: '4710226018477568',
    account_id: 'acc-1',
    cid: '89860312345678901234',
    iccid: '89860312345678901234',
    imsi: '460031234567890',
    msisdn: '8614912345678',
    imei: '867530912345678',
    sim_status: 20,
    sim_type: 3,
    order_id: '5702790861709056',
    tag_names: 'north,meters',
    price_plan_name: 'Telecom 1GB monthly',
    sim_price_plan_id: '1000001',
    sim_pool_id: null,
    expire_time: '2025-06-30T00:00:00.000Z',
    flow_used: 768,
    flow_left: 256,
    operator_status: -1,
    device_status: null,
    signal_level: '3',
    dbm: '-85',
    act_date: '2024-01-31T16:00:00.000Z',
    real_named: true,
    cut_net_flag: false,
    exceed_cut_net_flag: true,
    exceed_cut_net_quota: 500,
    imei_bind_remain_times: 2,
    speed_value: 2048,
    customer_attribute1: 'site A',
    ...over,
  };
}

function rows(view: CardDetailView, section: string): Record<string, FieldRow> {
  const sec = view.sections.find((s) => s.id === section);
  assert.ok(sec, `section ${section}`);
  return Object.fromEntries(sec.rows.map((r) => [r.key, r]));
}

test('the card is grouped like the console: basic information, plan, device, lifecycle', () => {
  const view = buildCardDetailView({ card: card(), t: english });
  assert.deepEqual(view.sections.map((s) => s.title), ['Basic information', 'Plan', 'Device', 'Lifecycle']);
  const basic = rows(view, 'basic');
  assert.equal(basic.iccid.value, '89860312345678901234');
  assert.equal(basic.iccid.copy, true);
  assert.equal(basic.carrier.value, 'China Telecom');
  assert.equal(basic.order_id.label, 'Batch');
  assert.equal(basic.tag_names.value, 'north, meters');
  assert.deepEqual(basic.tag_names.chips?.map((c) => c.text), ['north', 'meters']);
  assert.equal(basic.customer_attribute1.value, 'site A');
  assert.equal(basic.customer_attribute2.value, 'Not available');
  assert.equal(basic.real_named.value, 'Real-name registered');
  const plan = rows(view, 'plan');
  assert.equal(plan.flow_used.value, '768 MB');
  assert.equal(plan.expire_time.value, '2025-06-30');
  assert.equal(view.sections[1].bar?.percentUsed, 75);
  assert.equal(view.sections[1].bar?.text, '768 MB used of 1 GB (75%)');
  const lifecycle = rows(view, 'lifecycle');
  assert.equal(lifecycle.act_date.value, '2024-01-31 16:00');
  assert.equal(lifecycle.speed_value.value, '2 Mbps');
  assert.equal(lifecycle.exceed_cut_net_flag.value, 'Yes');
  assert.equal(lifecycle.exceed_cut_net_quota.value, '500 MB');
  assert.equal(view.title, '89860312345678901234');
  assert.equal(view.subtitle, 'China Telecom · Physical card · Telecom 1GB monthly');
});

test('every field of the card appears in some section', () => {
  const view = buildCardDetailView({ card: card(), t: english });
  const shown = new Set(view.sections.flatMap((s) => s.rows.map((r) => r.key)));
  const fields = [
    'sim_card_id', 'account_id', 'cid', 'sim_pool_id', 'imei', 'sim_status', 'device_status', 'device_model', 'act_date', 'device_status_date',
    'node_id', 'iccid', 'network_type', 'dbm', 'signal_level', 'sim_type', 'tag_names', 'order_id', 'expire_time', 'price_plan_name',
    'sim_price_plan_id', 'flow_left', 'flow_used', 'operator_status', 'msisdn', 'imsi', 'customer_attribute1', 'customer_attribute2',
    'customer_attribute3', 'customer_attribute4', 'customer_attribute5', 'customer_attribute6', 'real_named', 'cut_net_flag',
    'exceed_cut_net_flag', 'exceed_cut_net_quota', 'imei_bind_remain_times', 'speed_value',
  ];
  assert.equal(fields.length, 38);
  assert.deepEqual(fields.filter((f) => !shown.has(f)), []);
});

test('enum values are words in the user language with the raw value kept', () => {
  const t = bundleTranslate(zh);
  const view = buildCardDetailView({ card: card({ sim_status: 14, operator_status: 5 }), t });
  const basic = rows(view, 'basic');
  assert.equal(basic.sim_status.value, '已停用');
  assert.equal(basic.sim_status.raw, '14');
  assert.equal(basic.sim_status.isEnum, true);
  assert.equal(rows(view, 'plan').flow_used.isEnum, undefined, 'plain numbers keep their raw value for the tooltip only');
  assert.equal(rows(view, 'lifecycle').operator_status.value, '停机（主动停机）');
  assert.equal(rows(view, 'lifecycle').operator_status.raw, '5');
  assert.deepEqual(view.status, { value: '已停用', raw: '14' });
  assert.equal(view.sections[0].title, '基本信息');
  assert.equal(view.actions[0].label, '复机');
  // An unexpected value still shows, as "Unknown (n)".
  assert.equal(rows(buildCardDetailView({ card: card({ sim_status: 99 as never }), t: english }), 'basic').sim_status.value, 'Unknown (99)');
});

test('every word the view asks for has a Chinese translation', () => {
  const asked = new Set<string>();
  const t = (s: string, ...args: Array<string | number | boolean>) => {
    asked.add(s);
    return formatOnly(s, ...args);
  };
  const wo: TrackedWorkOrder = { workOrderId: '1', cardId: '4710226018477568', action: 'stop', status: 6, outcome: 'failed', startedAt: 0, finishedAt: 1, failReason: 'x' };
  for (const c of [card(), card({ sim_status: 14, operator_status: 6, real_named: false, speed_value: -1, flow_left: -5 }), card({ sim_status: 13, device_status: 3, real_named: null })]) {
    buildCardDetailView({ card: c, t, workOrders: [wo, { ...wo, status: undefined }, { ...wo, outcome: 'unknown' }], pending: true });
    buildCardDetailView({ card: c, t });
  }
  assert.deepEqual([...asked].filter((s) => !(s in zh)), []);
});

test('markup and script in tags and custom attributes stay plain text strings', () => {
  const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
  const view = buildCardDetailView({ card: card({ tag_names: evil, customer_attribute3: '</dd><b>bold</b>', cid: '<i>cid</i>', sim_type: 1 }), t: english });
  const basic = rows(view, 'basic');
  assert.equal(basic.tag_names.value, evil);
  assert.equal(basic.customer_attribute3.value, '</dd><b>bold</b>');
  assert.equal(view.title, '<i>cid</i>');
});

test('custom attributes carry their names from ListAttributes', () => {
  const names = attributeNames(
    [
      { id: '7', cust_attr_name: 'Site', default_attr_name_en: 'Custom attribute 2', status: 1 },
      { id: '3', cust_attr_name: 'Owner', status: 1 },
    ],
    english,
  );
  assert.deepEqual(names, ['Owner', 'Site', 'Custom attribute 3', 'Custom attribute 4', 'Custom attribute 5', 'Custom attribute 6']);
  const view = buildCardDetailView({ card: card(), attributes: [{ id: '1', cust_attr_name: 'Site <b>', status: 1 }], t: english });
  assert.equal(rows(view, 'basic').customer_attribute1.label, 'Site <b>');
});

test('the carrier comes from the plan name, else the ICCID prefix, else Unknown', () => {
  assert.equal(carrierOf({ price_plan_name: '中国移动 100M', iccid: '89860312345678901234' }), 'China Mobile');
  assert.equal(carrierOf({ price_plan_name: 'IoT basic', iccid: '89860012345678901234' }), 'China Mobile');
  assert.equal(carrierOf({ iccid: '89860712345678901234' }), 'China Mobile');
  assert.equal(carrierOf({ iccid: '89861112345678901234' }), 'China Telecom');
  assert.equal(carrierOf({ iccid: '89860612345678901234' }), 'China Unicom');
  assert.equal(carrierOf({ iccid: '89860912345678901234' }), 'China Unicom');
  assert.equal(carrierOf({ iccid: '89852012345678901234' }), 'Unknown');
  assert.equal(carrierOf({}), 'Unknown');
});

test('a card the carrier suspended for a violation offers no lifecycle action and says why', () => {
  const blocked = buildCardDetailView({ card: card({ sim_status: 14, operator_status: 7 }), t: english });
  assert.deepEqual(blocked.actions.filter((a) => a.group === 'lifecycle'), []);
  assert.match(blocked.actionNote ?? '', /cannot be resumed/);
});

test('each tag can be removed from the card and tags added; attribute values are edited and cleared under their names', () => {
  const view = buildCardDetailView({
    card: card({ customer_attribute2: 'Li Wei' }),
    attributes: [
      { id: '1', cust_attr_name: 'Site', default_attr_name_en: 'Custom attribute 1', status: 1 },
      { id: '2', cust_attr_name: 'Installer', default_attr_name_en: 'Custom attribute 2', status: 0 },
    ],
    t: english,
  });
  const basic = rows(view, 'basic');
  assert.deepEqual(basic.tag_names.chips?.map((c) => [c.text, c.remove?.action, c.remove?.arg, c.remove?.ariaLabel]), [
    ['north', 'removeTags', 'north', 'Remove tag north'],
    ['meters', 'removeTags', 'meters', 'Remove tag meters'],
  ]);
  assert.deepEqual(basic.tag_names.controls?.map((c) => c.action), ['addTags']);
  assert.equal(basic.customer_attribute1.label, 'Site');
  assert.deepEqual(basic.customer_attribute1.controls?.map((c) => [c.action, c.arg]), [['setAttribute', '1'], ['clearAttribute', '1']]);
  // A disabled attribute keeps its value on show, but cannot be edited.
  assert.equal(basic.customer_attribute2.label, 'Installer (disabled)');
  assert.equal(basic.customer_attribute2.value, 'Li Wei');
  assert.deepEqual(basic.customer_attribute2.controls, []);
  // Slots without a definition take no value.
  assert.deepEqual(basic.customer_attribute3.controls, []);
  assert.deepEqual(view.actions.filter((a) => a.group !== 'lifecycle' && a.group !== 'network').map((a) => a.action), ['addTags', 'removeTags', 'setAttribute', 'clearAttribute', 'sendSms']);
});

test('the SMS history shows each message with its delivery status, or why it could not be read', () => {
  const sms = [
    { cid: '89860312345678901234', sent_time: '2024-06-01T08:00:00.000Z', received_time: '2024-06-01T08:00:02.000Z', sms_status: 2, sms_content: '<b>REBOOT</b>' },
    { cid: '89860312345678901234', sent_time: '2024-06-01T07:00:00.000Z', received_time: null, sms_status: 1, sms_content: 'PING' },
  ];
  const view = buildCardDetailView({ card: card(), sms, t: english });
  assert.deepEqual(view.sms, {
    state: 'ready',
    rows: [
      { sent: '2024-06-01 08:00', received: '2024-06-01 08:00', status: 'Delivered', rawStatus: '2', content: '<b>REBOOT</b>' },
      { sent: '2024-06-01 07:00', received: 'Not available', status: 'Sending', rawStatus: '1', content: 'PING' },
    ],
  });
  assert.deepEqual(buildCardDetailView({ card: card(), sms: { error: 'busy' }, t: english }).sms, { state: 'error', rows: [], message: 'busy' });
  assert.equal(buildCardDetailView({ card: card(), t: english }).sms.state, 'loading');
});

test('a pending work order disables the actions and says so', () => {
  const wo: TrackedWorkOrder = { workOrderId: '900', cardId: '4710226018477568', action: 'stop', status: 3, outcome: 'pending', startedAt: Date.UTC(2024, 5, 1, 8, 0) };
  const view = buildCardDetailView({ card: card(), workOrders: [wo], pending: true, t: english });
  assert.deepEqual(view.actions[0], { action: 'stop', group: 'lifecycle', label: 'Stop (pending)', enabled: false, pending: true, hint: 'A work order for this card is still pending.' });
  // Tags, attributes, SMS and the real-name check start no work order: they stay available.
  assert.deepEqual(view.actions.filter((a) => a.enabled).map((a) => a.action), ['checkRealName', 'addTags', 'removeTags', 'setAttribute', 'clearAttribute', 'sendSms']);
  assert.deepEqual(view.workOrders, [{ workOrderId: '900', action: 'Stop', status: 'Processing', rawStatus: '3', started: '2024-06-01 08:00', finished: 'Not available', failReason: undefined }]);
  const idle = buildCardDetailView({ card: card(), t: english });
  assert.deepEqual(idle.actions.filter((a) => a.group === 'lifecycle').map((a) => [a.label, a.enabled]), [['Stop', true]]);
});

test('only shown ids and work order ids may be copied', () => {
  const view = buildCardDetailView({ card: card(), workOrders: [{ workOrderId: '900', cardId: '4710226018477568', action: 'stop', outcome: 'pending', startedAt: 0 }], t: english });
  const copyable = copyableValues(view);
  assert.ok(copyable.has('89860312345678901234'));
  assert.ok(copyable.has('4710226018477568'));
  assert.ok(copyable.has('900'));
  assert.ok(!copyable.has('north,meters'));
  assert.ok(!copyable.has('Not available'));
});

test('an overdrawn plan shows a full red bar and by how much', () => {
  const bar = usageBar(1100, -76, english);
  assert.equal(bar.overdrawn, true);
  assert.equal(bar.percentUsed, 100);
  assert.equal(bar.totalMb, 1024);
  assert.equal(bar.text, '1.07 GB used of 1 GB, over by 76 MB');
  assert.equal(usageBar(0, 0, english).percentUsed, 0);
});

test('the history lists every order that touched the card, with its origin and this card\'s line; the service\'s words stay text', () => {
  const order = {
    id: '8800000000100007',
    work_order_type: 13,
    total_count: 1,
    success_count: 0,
    fail_count: 1,
    process_count: 0,
    status: 6 as const,
    create_time: '2026-10-31T08:00:00.000Z',
    finish_time: '2026-10-31T09:00:00.000Z',
    fail_reason: null,
    work_order_source: 1,
  };
  const line = { id: order.id, status: 3 as const, cid: '89860312345678901234', sim_card_id: '4710226018477568', create_time: order.create_time, finish_time: order.finish_time, description: '<img src=x onerror=alert(1)>' };
  const v = buildCardDetailView({ card: card(), history: [{ order, line }], t: english });
  assert.deepEqual(v.history, {
    state: 'ready',
    rows: [
      {
        workOrderId: order.id,
        type: 'Device–card rebind',
        source: 'Operations staff',
        status: 'Failed',
        rawStatus: '6',
        line: 'Failed',
        created: '2026-10-31 08:00',
        finished: '2026-10-31 09:00',
        reason: '<img src=x onerror=alert(1)>',
      },
    ],
  });
  assert.ok(copyableValues(v).has(order.id));
  assert.deepEqual(buildCardDetailView({ card: card(), t: english }).history, { state: 'loading', rows: [] });
  assert.equal(buildCardDetailView({ card: card(), history: 'off', t: english }).history, undefined);
  assert.deepEqual(buildCardDetailView({ card: card(), history: { error: 'Refused' }, t: english }).history, { state: 'error', rows: [], message: 'Refused' });
});

test('the plans list every plan instance of the card, its own plan first, with status, validity and figures', () => {
  const main = { id: '1000001', sim_card_id: '4710226018477568', status: 2, price_plan_name: 'Telecom 1GB monthly', active_time: '2026-11-01T00:00:00.000Z', stop_time: '2026-11-30T23:59:59.000Z', flow_total: 1024, flow_used: 768, flow_left: 256 };
  const addOn = { id: '1000002', sim_card_id: '4710226018477568', status: 3, price_plan_name: '<b>500MB top-up</b>', active_time: '2026-11-10T00:00:00.000Z', stop_time: null, flow_total: 500, flow_used: 500, flow_left: 0 };
  const v = buildCardDetailView({ card: card(), plans: [addOn, main], t: english });
  assert.deepEqual(v.plans?.rows, [
    { name: 'Telecom 1GB monthly', kind: 'Main plan', status: 'In use', rawStatus: '2', validity: '2026-11-01 – 2026-11-30', used: '768 MB', left: '256 MB', total: '1 GB' },
    { name: '<b>500MB top-up</b>', kind: 'Add-on', status: 'Used up', rawStatus: '3', validity: '2026-11-10 – Not available', used: '500 MB', left: '0 MB', total: '500 MB' },
  ]);
  assert.deepEqual(buildCardDetailView({ card: card(), plans: { error: 'Refused' }, t: english }).plans, { state: 'error', rows: [], message: 'Refused' });
  assert.equal(buildCardDetailView({ card: card(), plans: 'off', t: english }).plans, undefined);
});

test('a three-network card shows the carrier it is online with, its switch policy and its ICCID per carrier', () => {
  const info = { sim_card_id: '4710226018477568', cid: '89860312345678901234', online_carrier: 2, policy_name: 'Strongest signal', iccid_mobile: '89860000000000000011', iccid_telcom: '89860300000000000012' };
  const device = buildCardDetailView({ card: card(), threeNetwork: info, t: english }).sections.find((s) => s.id === 'device')!;
  const rows = Object.fromEntries(device.rows.map((r) => [r.key, r]));
  assert.equal(rows.online_carrier.value, 'China Telecom');
  assert.equal(rows.online_carrier.raw, '2');
  assert.equal(rows.policy_name.value, 'Strongest signal');
  assert.deepEqual([rows.iccid_1.label, rows.iccid_1.value, rows.iccid_1.copy], ['ICCID with China Mobile', '89860000000000000011', true]);
  assert.equal(rows.iccid_3, undefined, 'no ICCID given for China Unicom');
  const plain = buildCardDetailView({ card: card(), t: english }).sections.find((s) => s.id === 'device')!;
  assert.ok(!plain.rows.some((r) => r.key === 'online_carrier'), 'other cards have no carrier rows');
});
