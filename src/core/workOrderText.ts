/**
 * How a work order and its per-card lines read in the Work Orders view and the card detail
 * panel's history: type, status, origin, counts and dates. The service's own text (a failure
 * reason, a line's description, the request detail) is returned as is: each surface makes it
 * plain text or escapes it. Pure.
 */
import type { WorkOrderDetailVo, WorkOrderVo } from '../gsl/models';
import { formatDateTime } from './dateText';
import type { Masker } from './mask';
import { showAll } from './mask';
import { escapeMarkdown } from './text';
import type { Translate } from './translate';
import { WORK_ORDER_LINE_WORDS, WORK_ORDER_SOURCE_WORDS, WORK_ORDER_STATUS_WORDS, WORK_ORDER_TYPE_WORDS, word } from './words';

/** The order's type in words ("Resume physical card"). */
export function workOrderLabel(order: Pick<WorkOrderVo, 'work_order_type'>, t: Translate): string {
  return word(WORK_ORDER_TYPE_WORDS, order.work_order_type, t);
}

/** Where an order came from: the service's code in words (its own text when the code is unknown). */
export function workOrderSource(order: Pick<WorkOrderVo, 'work_order_source' | 'work_order_source_desc'>, t: Translate): string {
  const code = order.work_order_source;
  if (code !== undefined && code in WORK_ORDER_SOURCE_WORDS) return t(WORK_ORDER_SOURCE_WORDS[code]);
  return order.work_order_source_desc || word(WORK_ORDER_SOURCE_WORDS, code, t);
}

/** "Completed · 2026-11-30 09:12 · Console · 3 of 4 cards succeeded". */
export function workOrderDescription(order: WorkOrderVo, t: Translate): string {
  const parts = [word(WORK_ORDER_STATUS_WORDS, order.status, t), formatDateTime(order.create_time, t), workOrderSource(order, t)];
  if (order.total_count > 1 || order.fail_count > 0) parts.push(t('{0} of {1} cards succeeded', order.success_count, order.total_count));
  return parts.join(' · ');
}

/** Label and value rows of an order's tooltip; values may hold the service's text. */
export function workOrderRows(order: WorkOrderVo, t: Translate): Array<[string, string]> {
  const rows: Array<[string, string | null | undefined]> = [
    [t('Work order'), order.id],
    [t('Status'), word(WORK_ORDER_STATUS_WORDS, order.status, t)],
    [t('Started by'), workOrderSource(order, t)],
    [t('Created'), formatDateTime(order.create_time, t)],
    [t('Finished'), order.finish_time ? formatDateTime(order.finish_time, t) : undefined],
    [t('Cards'), t('{0} succeeded, {1} failed, {2} processing, of {3}', order.success_count, order.fail_count, order.process_count, order.total_count)],
    [t('Reason'), order.fail_reason],
  ];
  return rows.filter((r): r is [string, string] => typeof r[1] === 'string' && r[1] !== '');
}

/** The tooltip as markdown: our labels, and every value masked and escaped (the reason is the service's text). */
export function workOrderTooltipMarkdown(order: WorkOrderVo, t: Translate, mask: Masker = showAll): string {
  const title = `**${escapeMarkdown(workOrderLabel(order, t))}**`;
  return [title, ...workOrderRows(order, t).map(([k, v]) => `${escapeMarkdown(k)}: ${escapeMarkdown(mask(v))}`)].join('  \n');
}

/** One card's line: "Failed · The carrier rejected the request" (the description is the service's text). */
export function workOrderLineDescription(line: WorkOrderDetailVo, t: Translate): string {
  const status = word(WORK_ORDER_LINE_WORDS, line.status, t);
  const said = line.description && line.description !== 'success' ? line.description : undefined;
  return said ? `${status} · ${said}` : status;
}
