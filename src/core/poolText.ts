/**
 * How a data pool and its members read in the Pools view: this cycle's usage against the
 * pool's total, how many cards it holds, and each member's share. The pool's name is the
 * service's text: each surface makes it plain text or escapes it. Pure.
 */
import type { BackPoolVO, PoolMemVO, SimPoolVO } from '../gsl/models';
import type { Clock } from './attention/rules';
import { clockAt, poolProjectedMb, poolShare } from './attention/rules';
import { formatMb } from './cardText';
import type { Masker } from './mask';
import { showAll } from './mask';
import { escapeMarkdown } from './text';
import type { Translate } from './translate';
import { BACK_POOL_STATUS_WORDS, FLOW_POOL_STATUS_WORDS, word } from './words';

/** Flow (forward) pools share a total; back pools are billed on what their cards used. */
export type PoolKind = 'flow' | 'back';
export const POOL_KINDS: readonly PoolKind[] = ['flow', 'back'];
/** A pool of either kind, with its kind. */
export type AnyPool = { kind: 'flow'; pool: SimPoolVO } | { kind: 'back'; pool: BackPoolVO };

/** A pool is near its limit from this share of its total used this cycle. */
export const POOL_NEAR_LIMIT = 0.9;

/** Used and total this cycle (a back pool has no total: it is billed after the fact). */
export function poolUsage(p: AnyPool): { usedMb: number; totalMb?: number; share?: number } {
  const usedMb = p.pool.flow_used ?? 0;
  if (p.kind === 'back') return { usedMb };
  const totalMb = p.pool.flow_total ?? undefined;
  return { usedMb, totalMb, share: totalMb !== undefined && totalMb > 0 ? usedMb / totalMb : undefined };
}

/** A flow pool that has used 90% of its total, or is on pace to pass it by the cycle's end. */
export function poolNearLimit(p: AnyPool, clock: Pick<Clock, 'elapsedDays' | 'cycle'> = clockAt(Date.now())): boolean {
  const { usedMb, totalMb, share } = poolUsage(p);
  if (totalMb === undefined || share === undefined) return false;
  return share >= POOL_NEAR_LIMIT || poolProjectedMb(usedMb, clock) > totalMb;
}

export function poolStatusWord(p: AnyPool, t: Translate): string {
  return p.kind === 'flow' ? word(FLOW_POOL_STATUS_WORDS, p.pool.status, t) : word(BACK_POOL_STATUS_WORDS, p.pool.pool_status, t);
}

/** "912 MB of 1 GB (89%) · 12 cards", or for a back pool "912 MB used · 12 cards". */
export function poolDescription(p: AnyPool, t: Translate): string {
  const { usedMb, totalMb, share } = poolUsage(p);
  const usage =
    totalMb !== undefined ? t('{0} of {1} ({2}%)', formatMb(usedMb), formatMb(totalMb), share === undefined ? 0 : Math.round(share * 100)) : t('{0} used', formatMb(usedMb));
  return [usage, t('{0} cards', (p.pool.quantity ?? 0).toLocaleString())].join(' · ');
}

/** The tooltip as markdown: our labels, the service's values masked and escaped. */
export function poolTooltipMarkdown(p: AnyPool, t: Translate, mask: Masker = showAll): string {
  const { pool } = p;
  const rows: Array<[string, string | undefined]> = [
    [t('Kind'), p.kind === 'flow' ? t('Flow pool') : t('Back pool')],
    [t('Status'), poolStatusWord(p, t)],
    [t('Plan'), pool.price_plan_name ?? undefined],
    [t('Billing cycle'), pool.billing_cycle ?? undefined],
    [t('Usage'), poolDescription(p, t)],
    [t('Cards in use'), pool.activated_sim_quantity?.toLocaleString()],
    [t('Cards not activated'), pool.inactive_sim_quantity?.toLocaleString()],
  ];
  const title = `**${escapeMarkdown(mask(pool.pool_name))}**`;
  return [title, ...rows.filter((r): r is [string, string] => !!r[1]).map(([k, v]) => `${escapeMarkdown(k)}: ${escapeMarkdown(mask(v))}`)].join('  \n');
}

/** "128 MB · 14.2% of the pool". */
export function poolMemberDescription(m: PoolMemVO, poolUsedMb: number, t: Translate): string {
  return t('{0} · {1}% of the pool', formatMb(m.flow_used ?? 0), Math.round(poolShare(m.flow_used ?? 0, poolUsedMb) * 1000) / 10);
}
