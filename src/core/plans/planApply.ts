/**
 * What Apply makes of a reviewed plan, without sending anything: the groups of changes that go
 * out together (one account, one action, one input: one run of the card action runner), and the
 * record each change gets in the results file — before anything is sent, while its request is
 * out, and once its answer (and work order) is in. Pure.
 */
import type { AccountId } from '../accounts';
import type { ActionInput, CardAction } from '../cardRules';
import { CARD_ACTIONS } from '../cardRules';
import type { Translate } from '../translate';
import type { WorkOrderOutcome } from '../workOrders';
import type { Verdict } from './planCheck';
import type { PlanOutcome, PlanResult } from './planResults';

export interface ApplyGroup {
  accountId: AccountId;
  action: CardAction;
  input: ActionInput;
  verdicts: Verdict[];
}

/** The ready changes, grouped so that each group is one run of the runner; in menu order of their actions. */
export function applyGroups(verdicts: readonly Verdict[]): ApplyGroup[] {
  const groups = new Map<string, ApplyGroup>();
  for (const v of verdicts) {
    if (v.state !== 'ready' || !v.accountId || !v.change.action || !v.input) continue;
    const key = `${v.accountId}\u0000${v.change.action}\u0000${JSON.stringify(v.input)}`;
    const g = groups.get(key) ?? { accountId: v.accountId, action: v.change.action, input: v.input, verdicts: [] };
    g.verdicts.push(v);
    groups.set(key, g);
  }
  const order = (a: CardAction): number => CARD_ACTIONS.indexOf(a);
  return [...groups.values()].sort((a, b) => order(a.action) - order(b.action));
}

/** A change's record: what the plan says, and the outcome. */
export function resultOf(v: Verdict, outcome: PlanOutcome, detail: string, extra: Partial<PlanResult> = {}): PlanResult {
  const f = v.change.entry.fields;
  return {
    line: v.change.line,
    card: f.card?.text ?? '',
    action: f.action?.text ?? '',
    value: f.value?.text ?? '',
    attribute: f.attribute?.text ?? '',
    account: f.account?.text ?? v.change.account ?? '',
    outcome,
    detail,
    ...(v.card ? { cardId: v.card.sim_card_id } : {}),
    ...extra,
  };
}

/**
 * Every change's record before anything is sent: done ones keep what the earlier apply recorded
 * (its work order and time), the ones with problems are not sent and say why, and the ready ones
 * are "not sent: cancelled" until their group goes out.
 */
export function resultsBeforeSending(verdicts: readonly Verdict[], previous: ReadonlyMap<number, PlanResult>, t: Translate): PlanResult[] {
  return verdicts.map((v) => {
    const why = v.findings.map((f) => f.message).join(' ');
    switch (v.state) {
      case 'done': {
        const prev = previous.get(v.change.index);
        return resultOf(v, prev && (prev.outcome === 'succeeded' || prev.outcome === 'work-order-pending' || prev.outcome === 'may-have-been-carried-out') ? 'succeeded' : 'skipped', why, {
          workOrderId: prev?.workOrderId,
          sentAt: prev?.sentAt,
          finishedAt: prev?.finishedAt,
        });
      }
      case 'blocked':
      case 'unchecked': {
        // What an earlier apply left open stays open, so no later Apply takes it for unsent.
        const prev = previous.get(v.change.index);
        const open = v.findings.find((f) => f.kind === 'uncertain' || (f.kind === 'pendingWorkOrder' && prev?.outcome === 'work-order-pending'));
        if (open && prev) {
          return resultOf(v, open.kind === 'uncertain' ? 'may-have-been-carried-out' : 'work-order-pending', why, { workOrderId: prev.workOrderId, sentAt: prev.sentAt });
        }
        return resultOf(v, 'not-sent', why || t('Not sent: the change could not be checked.'));
      }
      case 'ready':
        return resultOf(v, 'not-sent', t('Not sent: Apply was cancelled before its turn.'));
    }
  });
}

/** While a group's requests are out: should the window close, the next Apply treats them as possibly carried out. */
export function sendingResult(r: PlanResult, now: Date, t: Translate): PlanResult {
  return { ...r, outcome: 'may-have-been-carried-out', detail: t('Sent; no answer was recorded (the window closed while it was out).'), sentAt: now.toISOString() };
}

/** A card's answer, as the runner reported it. */
export type CardAnswerOutcome =
  | { sent: true; ok: true; workOrderId?: string; detail?: string }
  | { sent: true; ok: false; lost: boolean; message: string }
  | { sent: false; reason: string };

export function answeredResult(r: PlanResult, answer: CardAnswerOutcome, t: Translate): PlanResult {
  if (!answer.sent) return { ...r, outcome: 'not-sent', detail: answer.reason, sentAt: undefined };
  if (answer.ok) {
    return answer.workOrderId
      ? { ...r, outcome: 'work-order-pending', detail: t('Accepted; work order {0} is running.', answer.workOrderId), workOrderId: answer.workOrderId }
      : { ...r, outcome: 'succeeded', detail: answer.detail ?? t('Done.'), finishedAt: new Date().toISOString() };
  }
  return answer.lost ? { ...r, outcome: 'may-have-been-carried-out', detail: answer.message } : { ...r, outcome: 'refused', detail: answer.message };
}

/** A work order's end. */
export function endedResult(r: PlanResult, outcome: WorkOrderOutcome, failReason: string | undefined, finishedAt: number | undefined, t: Translate): PlanResult {
  const at = finishedAt ? new Date(finishedAt).toISOString() : undefined;
  switch (outcome) {
    case 'succeeded':
      return { ...r, outcome: 'succeeded', detail: t('Work order {0} completed.', r.workOrderId ?? ''), finishedAt: at };
    case 'failed':
      return { ...r, outcome: 'work-order-failed', detail: t('Work order {0} failed: {1}', r.workOrderId ?? '', failReason ?? t('unknown reason')), finishedAt: at };
    case 'unknown':
      return { ...r, outcome: 'may-have-been-carried-out', detail: t('Work order {0} could not be followed to its end, so it may have been carried out: {1}', r.workOrderId ?? '', failReason ?? t('unknown reason')) };
    case 'pending':
      return r;
  }
}

/** Outcomes counted, for Apply's closing notification. */
export function outcomeCounts(results: readonly PlanResult[]): Record<PlanOutcome, number> {
  const out: Record<PlanOutcome, number> = { succeeded: 0, 'work-order-pending': 0, 'work-order-failed': 0, refused: 0, 'may-have-been-carried-out': 0, 'not-sent': 0, skipped: 0 };
  for (const r of results) out[r.outcome]++;
  return out;
}
