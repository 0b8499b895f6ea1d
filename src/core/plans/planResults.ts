/**
 * The results file written next to a change plan (`fleet.simplan.csv` →
 * `fleet.simplan.results.csv`, and `.json` likewise): one record per change with its outcome,
 * the sentence saying why, and the work order. It is what a later Apply reads to skip what is
 * done and never to resend what may have been carried out. Records are matched to the plan's
 * changes by what they say (account, card, action, value, attribute), not by line number, so
 * editing or reordering the plan keeps them matched. Pure.
 */
import type { PlanFormat } from './planFile';
import { csvTable } from './planFile';
import { planAction } from './planActions';
import { csvQuote } from '../csv';

/**
 * What happened to a change, as the file says it (stable words, so the file reads the same in
 * every language and diffs cleanly; the `detail` column holds the sentence in the person's).
 */
export const PLAN_OUTCOMES = ['succeeded', 'work-order-pending', 'work-order-failed', 'refused', 'may-have-been-carried-out', 'not-sent', 'skipped'] as const;
export type PlanOutcome = (typeof PLAN_OUTCOMES)[number];

export interface PlanResult {
  /** 1-based line of the change in the plan when it was applied. */
  line: number;
  card: string;
  action: string;
  value: string;
  attribute: string;
  account: string;
  outcome: PlanOutcome;
  detail: string;
  workOrderId?: string;
  cardId?: string;
  /** When its request was sent (ISO time): the 5-minute rule counts from here. */
  sentAt?: string;
  finishedAt?: string;
}

/** `fleet.simplan.csv` → `fleet.simplan.results.csv`. */
export function resultsFileName(planFileName: string): string {
  return planFileName.replace(/\.(csv|json)$/i, (ext) => `.results${ext}`);
}

/** What a change says, to match a result to it: the same account, card, action (any spelling), value and attribute. */
export function changeKey(fields: { card?: string; action?: string; value?: string; attribute?: string; account?: string }): string {
  const action = fields.action ? (planAction(fields.action) ?? fields.action.trim()) : '';
  return [fields.account ?? '', fields.card ?? '', action, fields.value ?? '', fields.attribute ?? ''].map((s) => s.trim()).join('\u0000');
}

const CSV_COLUMNS = ['line', 'card', 'action', 'value', 'attribute', 'account', 'outcome', 'detail', 'work_order_id', 'card_id', 'sent_at', 'finished_at'] as const;

/**
 * A cell as CSV: quoted when it holds a separator, a quote or a line break. Text that starts like
 * a spreadsheet formula (`=`, `+`, `-`, `@`) gets a leading apostrophe, so the service's words
 * or a plan's note open as text, never as a formula.
 */
function csvCell(s: string, formulaSafe: boolean): string {
  let v = s;
  if (formulaSafe && /^[=+\-@\t\r]/.test(v) && !/^-\d+(\.\d+)?$/.test(v)) v = `'${v}`;
  return csvQuote(v);
}

export function writeResults(results: readonly PlanResult[], format: PlanFormat, planName: string, now: Date): string {
  if (format === 'json') {
    const records = results.map((r) => ({
      line: r.line,
      card: r.card,
      action: r.action,
      ...(r.value ? { value: r.value } : {}),
      ...(r.attribute ? { attribute: r.attribute } : {}),
      ...(r.account ? { account: r.account } : {}),
      outcome: r.outcome,
      detail: r.detail,
      ...(r.workOrderId ? { workOrderId: r.workOrderId } : {}),
      ...(r.cardId ? { cardId: r.cardId } : {}),
      ...(r.sentAt ? { sentAt: r.sentAt } : {}),
      ...(r.finishedAt ? { finishedAt: r.finishedAt } : {}),
    }));
    return `${JSON.stringify({ plan: planName, updated: now.toISOString(), results: records }, null, 2)}\n`;
  }
  const rows = results.map((r) =>
    [String(r.line), r.card, r.action, r.value, r.attribute, r.account, r.outcome, r.detail, r.workOrderId ?? '', r.cardId ?? '', r.sentAt ?? '', r.finishedAt ?? ''].map((c, i) => csvCell(c, i === 7 || i === 3)).join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\n')}\n`;
}

const isOutcome = (s: unknown): s is PlanOutcome => typeof s === 'string' && (PLAN_OUTCOMES as readonly string[]).includes(s);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
/** The apostrophe `writeResults` put before formula-like text. */
const unguard = (s: string): string => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

/** Reads a results file back; records it cannot read are left out (a hand-edited file stays usable). */
export function readResults(text: string, format: PlanFormat): PlanResult[] {
  const out: PlanResult[] = [];
  if (format === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return out;
    }
    const list = (parsed as { results?: unknown } | null)?.results;
    if (!Array.isArray(list)) return out;
    for (const r of list as Array<Record<string, unknown>>) {
      if (typeof r !== 'object' || r === null || !isOutcome(r.outcome)) continue;
      out.push({
        line: Number(r.line) || 0,
        card: str(r.card),
        action: str(r.action),
        value: str(r.value),
        attribute: str(r.attribute),
        account: str(r.account),
        outcome: r.outcome,
        detail: str(r.detail),
        workOrderId: str(r.workOrderId) || undefined,
        cardId: str(r.cardId) || undefined,
        sentAt: str(r.sentAt) || undefined,
        finishedAt: str(r.finishedAt) || undefined,
      });
    }
    return out;
  }
  const [header, ...rows] = csvTable(text);
  if (!header) return out;
  const at = (name: (typeof CSV_COLUMNS)[number]) => header.indexOf(name);
  for (const row of rows) {
    const get = (name: (typeof CSV_COLUMNS)[number]): string => (at(name) >= 0 ? (row[at(name)] ?? '') : '');
    const outcome = get('outcome');
    if (!isOutcome(outcome)) continue;
    out.push({
      line: Number(get('line')) || 0,
      card: get('card'),
      action: get('action'),
      value: unguard(get('value')),
      attribute: get('attribute'),
      account: get('account'),
      outcome,
      detail: unguard(get('detail')),
      workOrderId: get('work_order_id') || undefined,
      cardId: get('card_id') || undefined,
      sentAt: get('sent_at') || undefined,
      finishedAt: get('finished_at') || undefined,
    });
  }
  return out;
}

/**
 * Pairs each change with its result from an earlier apply: the n-th change with a given key takes
 * the n-th result with that key. Returns results by change index.
 */
export function matchResults(changes: ReadonlyArray<{ index: number; key: string }>, results: readonly PlanResult[]): Map<number, PlanResult> {
  const byKey = new Map<string, PlanResult[]>();
  for (const r of results) {
    const k = changeKey(r);
    const list = byKey.get(k) ?? [];
    list.push(r);
    byKey.set(k, list);
  }
  const out = new Map<number, PlanResult>();
  const used = new Map<string, number>();
  for (const c of changes) {
    const n = used.get(c.key) ?? 0;
    const r = byKey.get(c.key)?.[n];
    used.set(c.key, n + 1);
    if (r) out.set(c.index, r);
  }
  return out;
}
