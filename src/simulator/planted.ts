/**
 * The truth the simulator planted: for each reason for attention, the cards (and pools) that
 * meet it by construction. Tests score the extension's Needs attention against it; it is
 * served on the admin endpoint (`GET /__sim/planted`, ids as JSON strings), never through the GSL API.
 *
 * - willRunOut, silent, spike: cards in use whose usage profile was planted so (usage.ts);
 * - overPlan: cards planted over their plan (in use), and those suspended for using it all up;
 * - expiresSoon: cards planted to expire within 30 days (and not dismantled since);
 * - suspended: cards whose carrier status is not normal;
 * - poolAtRisk: forward pools whose total was set below their pace (store.ts);
 * - history: the card whose whole life the work orders tell, from activation on (extras.ts).
 * Cards a request changed are judged by what they are now (a card suspended through the API
 * is suspended; a planted card no longer in use is no longer silent).
 */
import { DAY_MS } from './dates';
import { LIFE_STORY, lifeCardIndex } from './extras';
import { cardId } from './generator';
import type { FleetStore } from './store';
import { PLANTING, dataDays } from './usage';

export const PLANTED_REASONS = ['willRunOut', 'overPlan', 'expiresSoon', 'silent', 'spike', 'suspended'] as const;
export type PlantedReason = (typeof PLANTED_REASONS)[number];

export interface PlantedTruth {
  /** The generation day (YYYY-MM-DD): the data is as of the day before. */
  day: string;
  cards: number;
  reasons: Record<PlantedReason, string[]>;
  poolAtRisk: Array<{ pool_id: string; pool_name: string; drivers: string[] }>;
  /** The card with a planted lifetime of work orders (at least `orders` of them, of several origins). */
  history: { sim_card_id: string; iccid: string; orders: number } | null;
}

/** The rule's window the planted expiries fall within (the simulator's copy of the default). */
const EXPIRES_WITHIN_DAYS = 30;

export function plantedTruth(store: FleetStore, nowMs: number): PlantedTruth {
  const reasons: Record<PlantedReason, string[]> = { willRunOut: [], overPlan: [], expiresSoon: [], silent: [], spike: [], suspended: [] };
  const id = cardId;
  for (let i = 0; i < store.size; i++) {
    const { kind, expiry } = store.plantedOf(i);
    const status = store.statusOf(i);
    const inUse = status === 20;
    if (inUse && (kind === 'runner' || kind === 'silent' || kind === 'spike')) reasons[kind === 'runner' ? 'willRunOut' : kind].push(id(i));
    // Flows never change after generation: over-plan cards stay over their plan.
    if (kind === 'over' || (kind === 'idle' && store.leftMbOf(i) < 0)) reasons.overPlan.push(id(i));
    const expires = store.expireOf(i);
    if (expiry && status !== 30 && expires >= nowMs && expires <= nowMs + EXPIRES_WITHIN_DAYS * DAY_MS) reasons.expiresSoon.push(id(i));
    const op = store.operatorStatusOf(i);
    if (op !== -1) reasons.suspended.push(id(i));
  }
  const poolAtRisk: PlantedTruth['poolAtRisk'] = [];
  if (dataDays(store.today).count >= PLANTING.minForecastDays) {
    for (const p of store.pools) {
      if (!p.atRisk || p.kind !== 'forward') continue;
      const members = Array.from(store.poolMembers(p.id));
      members.sort((a, b) => store.usedMbOf(b) - store.usedMbOf(a) || a - b);
      poolAtRisk.push({ pool_id: p.id, pool_name: p.pool_name, drivers: members.slice(0, 5).map(id) });
    }
  }
  const life = lifeCardIndex(store);
  const history = life === undefined ? null : { sim_card_id: id(life), iccid: store.card(life).vo.iccid, orders: LIFE_STORY.length };
  return { day: new Date(store.today).toISOString().slice(0, 10), cards: store.size, reasons, poolAtRisk, history };
}
