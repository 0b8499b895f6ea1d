/**
 * SendSms and ListSmsDetails (gsl-api.md 2.7). Messages go to China Mobile and China Telecom
 * cards in use; each shows "sending" for two seconds of the simulator clock, then "delivered".
 */
import type { SmsSendDetailQueryVo } from '../../gsl/models';
import type { SmsRecord } from '../context';
import type { Card } from '../generator';
import type { RequestCtx, Route } from '../http';
import { ok } from '../http';
import { badParam, batchSize, noSuchIccid } from '../errors';
import { isoTime } from '../dates';
import { Body } from '../validate';

const DELIVERY_MS = 2000;
const SMS_MAX = 500;

function sendSms(ctx: RequestCtx) {
  const body = new Body(ctx.body);
  const content = body.str('sms_content', SMS_MAX, { required: true, minLen: 1 })!;
  body.id('template_id');
  body.id('file_temp_id');
  const orderId = body.id('order_id');
  const cids = body.array('cids', 500, () => batchSize(500)).map((x) => {
    if (typeof x !== 'string' || x.length === 0 || x.length > 128) throw badParam('cids must hold container ids');
    return x;
  });
  let cards: Card[];
  if (cids.length > 0) {
    cards = cids.map((cid) => {
      const c = ctx.sim.store.byCid(cid);
      if (!c) throw noSuchIccid(cid);
      return c;
    });
  } else if (orderId !== undefined) {
    const batch = ctx.sim.store.batches.find((b) => b.order_id === orderId);
    if (!batch) throw badParam(`no batch ${orderId}`);
    const store = ctx.sim.store;
    cards = [];
    for (let i = batch.from; i < batch.to; i++) {
      if (store.statusOf(i) !== 20) continue;
      const c = store.card(i);
      if (c.carrier !== 'CU') cards.push(c);
    }
  } else {
    throw batchSize(500);
  }
  for (const c of cards) {
    if (c.carrier === 'CU') throw badParam(`SMS is only available for China Mobile and China Telecom cards (${c.vo.cid})`);
    if (c.vo.sim_status !== 20) throw badParam(`SMS can only be sent to cards in use (${c.vo.cid})`);
  }
  const now = ctx.sim.now();
  for (const c of cards) ctx.sim.sms.push({ cid: c.vo.cid, msisdn: c.vo.msisdn ?? undefined, sent_time: isoTime(now), received_time: null, sms_status: 1, sms_content: content, sentMs: now });
  return ok(true);
}

function parseTime(q: RequestCtx['query'], name: string): number | undefined {
  const s = q.str(name, 64);
  if (s === undefined || s === '') return undefined;
  const t = Date.parse(s);
  if (Number.isNaN(t)) throw badParam(`${name} must be a date-time such as 2024-01-15T08:30:00Z`);
  return t;
}

function listSmsDetails(ctx: RequestCtx) {
  const q = ctx.query;
  const { limit, offset } = q.paging();
  const cid = q.str('cid', 128);
  const from = parseTime(q, 'start_time');
  const to = parseTime(q, 'end_time');
  const now = ctx.sim.now();
  const hits = ctx.sim.sms
    .filter((r) => (!cid || r.cid === cid) && (from === undefined || r.sentMs >= from) && (to === undefined || r.sentMs <= to))
    .sort((a, b) => b.sentMs - a.sentMs);
  const sms_details = hits.slice((offset - 1) * limit, offset * limit).map((r: SmsRecord): SmsSendDetailQueryVo => {
    const delivered = now - r.sentMs >= DELIVERY_MS;
    return { cid: r.cid, msisdn: r.msisdn, sent_time: r.sent_time, received_time: delivered ? isoTime(r.sentMs + DELIVERY_MS) : null, sms_status: delivered ? 2 : 1, sms_content: r.sms_content };
  });
  return ok({ limit, offset, count: hits.length, sms_details });
}

export const smsRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/sms-send-infos', auth: 'gsl', handler: sendSms },
  { method: 'GET', pattern: '/v1/sms-send-infos/details', auth: 'gsl', handler: listSmsDetails },
];
