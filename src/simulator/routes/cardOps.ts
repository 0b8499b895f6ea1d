/**
 * Card operations that create work orders (gsl-api.md 2.2.3–2.2.12, 5.1, 5.2).
 *
 * Order of checks: parameters, card lookup, carrier restrictions, the 5-minute repeat rule,
 * pending-order conflicts, then the card's status. Status preconditions (stop only in use,
 * reset only when suspended and not for violation/separation, enable only when testable or
 * activatable) are refused as 400 GSL.00010004 with a message naming the rule: the service's
 * own code for them is not documented, and a parameter error is what a client already
 * handles as "do not retry". Carrier restrictions are refused the same way.
 */
import { stringifyJson } from '../../gsl/json';
import type { RequestCtx, Route } from '../http';
import { ok } from '../http';
import type { SimContext } from '../context';
import { resolveCard } from '../context';
import type { Card } from '../generator';
import { imeiFrom } from '../generator';
import { CARRIER_NAMES } from '../catalog';
import { ApiError, badParam } from '../errors';
import { isoTime } from '../dates';
import { Rng, hash32 } from '../rng';
import { Body } from '../validate';
import type { OrderKind } from '../workOrders';

const KBPS_PER_MBPS = 1024;
const TELECOM_SPEEDS = new Set([1, 64, 256, 512, ...[1, 3, 5, 7, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150].map((m) => m * KBPS_PER_MBPS)]);
/** 7.25 Mbps is taken as 7424 Kbps (1024-based; the service's form is undocumented). */
const UNICOM_SPEEDS = new Set([256, 512, 1024, 2048, 7424]);

interface OpPlan {
  op: string;
  kind: OrderKind;
  type: number;
  /** Request detail recorded on the order. */
  detail: Record<string, unknown>;
  /** Checked at request time after the conflict rules; throw to refuse. */
  precondition?: () => void;
  /** Applied at completion; return a reason to fail the order. */
  complete: () => string | undefined;
}

/**
 * The card an operation names, kept by the store from now on: its work order changes it
 * later, and that change must land on the one object every later request reads.
 */
function editable(ctx: RequestCtx, card: Card): Card {
  return ctx.sim.store.edit(card);
}

function precondition(ok: boolean, msg: string): void {
  if (!ok) throw badParam(msg);
}

function carrierOnly(card: Card, allowed: Card['carrier'][], what: string): void {
  if (!allowed.includes(card.carrier)) {
    throw badParam(`${what} is only supported for ${allowed.map((c) => CARRIER_NAMES[c]).join(' and ')} cards; this card is ${CARRIER_NAMES[card.carrier]}`);
  }
}

function physicalOnly(card: Card, what: string): void {
  if (card.vo.sim_type !== 3) throw badParam(`${what} is only supported for physical cards`);
}

/** Accept the order: run the conflict rules, the precondition, then create it. */
function submit(sim: SimContext, card: Card, plan: OpPlan) {
  sim.book.guard(card.vo.sim_card_id, plan.op, plan.kind);
  plan.precondition?.();
  const order = sim.book.create({
    op: plan.op,
    kind: plan.kind,
    type: plan.type,
    target: { sim_card_id: card.vo.sim_card_id, cid: card.vo.cid, sim_type: card.vo.sim_type },
    reqDetail: stringifyJson({ sim_card_id: card.vo.sim_card_id, ...plan.detail }),
    complete: () => {
      const failure = plan.complete();
      sim.store.touch(card);
      return failure;
    },
  });
  return ok({ work_order_id: order.vo.id });
}

function stop(ctx: RequestCtx) {
  const body = new Body(ctx.body);
  const sw = body.int('down_up_switch', 0, 9);
  const card = editable(ctx, resolveCard(ctx.sim, ctx.params.sim_card_id, body.raw.iccid));
  const ready = () => card.vo.sim_status === 20;
  return submit(ctx.sim, card, {
    op: 'stop',
    kind: 'suspend',
    type: 5,
    detail: { down_up_switch: sw ?? 1 },
    precondition: () => precondition(ready(), `only cards in use (sim_status 20) can be suspended; this card is ${card.vo.sim_status}`),
    complete: () => {
      if (!ready()) return 'the card is no longer in use';
      card.vo.sim_status = 14;
      card.vo.operator_status = 5;
      return undefined;
    },
  });
}

function reset(ctx: RequestCtx) {
  const body = new Body(ctx.body);
  const sw = body.int('down_up_switch', 0, 9);
  const card = editable(ctx, resolveCard(ctx.sim, ctx.params.sim_card_id, body.raw.iccid));
  const blocked = () => card.vo.operator_status === 6 || card.vo.operator_status === 7;
  return submit(ctx.sim, card, {
    op: 'reset',
    kind: 'resume',
    type: 4,
    detail: { down_up_switch: sw ?? 2 },
    precondition: () => {
      precondition(card.vo.sim_status === 14, `only suspended cards (sim_status 14) can be resumed; this card is ${card.vo.sim_status}`);
      precondition(!blocked(), 'cards suspended for a violation or device/SIM separation (operator_status 6 or 7) cannot be resumed; re-bind the device instead');
    },
    complete: () => {
      if (card.vo.sim_status !== 14 || blocked()) return 'the card can no longer be resumed';
      card.vo.sim_status = 20;
      card.vo.operator_status = -1;
      return undefined;
    },
  });
}

function enable(ctx: RequestCtx) {
  const card = editable(ctx, resolveCard(ctx.sim, ctx.params.sim_card_id, ctx.query.str('iccid', 20, 19)));
  physicalOnly(card, 'Activation');
  const ready = () => card.vo.sim_status === 10 || card.vo.sim_status === 13;
  return submit(ctx.sim, card, {
    op: 'enable',
    kind: 'activate',
    type: 10,
    detail: {},
    precondition: () => precondition(ready(), `only testable or activatable cards (sim_status 10 or 13) can be activated; this card is ${card.vo.sim_status}`),
    complete: () => {
      if (!ready()) return 'the card can no longer be activated';
      const now = ctx.sim.now();
      card.vo.sim_status = 20;
      card.vo.operator_status = -1;
      card.vo.act_date = isoTime(now);
      const expire = card.vo.expire_time ? Date.parse(card.vo.expire_time) : 0;
      if (expire < now) card.vo.expire_time = isoTime(now + 365 * 86_400_000);
      return undefined;
    },
  });
}

function clearRealName(ctx: RequestCtx) {
  const card = editable(ctx, resolveCard(ctx.sim, ctx.params.sim_card_id, ctx.query.str('iccid', 20, 19)));
  carrierOnly(card, ['CT'], 'Clearing real-name registration');
  return submit(ctx.sim, card, {
    op: 'clear-real-name',
    kind: 'other',
    type: 14,
    detail: {},
    complete: () => {
      card.vo.real_named = false;
      return undefined;
    },
  });
}

function cutNet(ctx: RequestCtx) {
  const body = new Body(ctx.body);
  const action = body.str('action', 10, { required: true });
  if (action !== 'ADD' && action !== 'DEL') throw badParam('action must be ADD or DEL');
  const card = editable(ctx, resolveCard(ctx.sim, ctx.params.sim_card_id, body.raw.iccid));
  carrierOnly(card, ['CT'], 'Cutting the network');
  return submit(ctx.sim, card, {
    // Cutting and restoring are two operations for the 5-minute rule: restoring right after a
    // cut is not a repeat of the cut.
    op: `cut-net:${action}`,
    kind: 'other',
    type: action === 'ADD' ? 11 : 20,
    detail: { action },
    complete: () => {
      card.vo.cut_net_flag = action === 'ADD';
      return undefined;
    },
  });
}

function exceedCutNet(ctx: RequestCtx) {
  const body = new Body(ctx.body);
  const action = body.int('action', 1, 2, true)!;
  const quota = body.str('quota', 10);
  if (action === 1) {
    if (quota === undefined) throw badParam('quota is required when setting a threshold');
    if (!/^(-1|0|[1-9]\d{0,9})$/.test(quota) || Number(quota) > 2147483647) throw badParam('quota must be "-1", "0" or a positive number of MB');
  }
  const card = editable(ctx, resolveCard(ctx.sim, ctx.params.sim_card_id, body.raw.iccid));
  if (card.carrier !== 'CT' && !card.vo.sim_pool_id) {
    throw badParam('usage-threshold cuts are only supported for China Telecom cards and for pooled China Mobile and China Unicom cards');
  }
  return submit(ctx.sim, card, {
    // Setting and cancelling the threshold are two operations for the 5-minute rule.
    op: `exceed-cut-net:${action}`,
    kind: 'other',
    type: action === 1 ? 12 : 21,
    detail: { action, quota },
    complete: () => {
      card.vo.exceed_cut_net_flag = action === 1;
      card.vo.exceed_cut_net_quota = action === 1 && card.carrier === 'CT' ? Number(quota) : null;
      return undefined;
    },
  });
}

function bindDevice(ctx: RequestCtx) {
  const body = new Body(ctx.body);
  const bindType = body.int('bind_type', 1, 2, true)!;
  const imei = body.str('imei', 32);
  if (bindType === 2 && (imei === undefined || !/^\d{15,16}$/.test(imei))) throw badParam('imei (15–16 digits) is required for bind_type 2');
  const card = editable(ctx, resolveCard(ctx.sim, ctx.params.sim_card_id, body.raw.iccid));
  carrierOnly(card, ['CT', 'CM'], 'Device re-binding');
  if (card.carrier === 'CM' && bindType !== 1) throw badParam('China Mobile cards only support bind_type 1');
  return submit(ctx.sim, card, {
    op: 'bind-device',
    kind: 'other',
    type: 13,
    detail: { bind_type: bindType, imei },
    complete: () => {
      // China Telecom allows two re-binds per card per month; checked when the carrier acts.
      if (card.carrier === 'CT' && (card.vo.imei_bind_remain_times ?? 0) <= 0) return 'no device re-binds left for this card this month';
      card.vo.imei = bindType === 2 ? imei! : imeiFrom(new Rng(hash32(card.seed, 'rebind', ctx.sim.now())));
      if (card.carrier === 'CT') card.vo.imei_bind_remain_times = (card.vo.imei_bind_remain_times ?? 0) - 1;
      return undefined;
    },
  });
}

function speedLimit(ctx: RequestCtx) {
  const body = new Body(ctx.body);
  const speed = body.int('speed_value', -1, 2147483647, true)!;
  const card = editable(ctx, resolveCard(ctx.sim, ctx.params.sim_card_id, body.raw.iccid));
  physicalOnly(card, 'Speed limits');
  carrierOnly(card, ['CT', 'CU'], 'Speed limits');
  const allowed = card.carrier === 'CT' ? TELECOM_SPEEDS : UNICOM_SPEEDS;
  if (speed !== -1 && !allowed.has(speed)) {
    throw new ApiError(400, 'GSL.00011016', `Unsupported speed value ${speed} Kbps for ${CARRIER_NAMES[card.carrier]} cards`);
  }
  return submit(ctx.sim, card, {
    op: 'speed-limit',
    kind: 'other',
    type: 15,
    detail: { speed_value: speed },
    complete: () => {
      // China Unicom applies limits only to cards with personal real-name registration.
      if (card.carrier === 'CU' && !card.vo.real_named) return 'China Unicom speed limits need personal real-name registration';
      card.vo.speed_value = speed;
      return undefined;
    },
  });
}

const op = (name: string, method: 'POST', handler: Route['handler']): Route => ({
  method,
  pattern: `/v1/sim-cards/{sim_card_id}/${name}`,
  auth: 'gsl',
  cardMutation: true,
  handler,
});

export const cardOpRoutes: Route[] = [
  op('stop', 'POST', stop),
  op('reset', 'POST', reset),
  op('enable', 'POST', enable),
  op('clear-real-name', 'POST', clearRealName),
  op('cut-net', 'POST', cutNet),
  op('exceed-cut-net', 'POST', exceedCutNet),
  op('bind-device', 'POST', bindDevice),
  op('speed-limit', 'POST', speedLimit),
];
