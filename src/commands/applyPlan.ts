/**
 * simFleet.plan.apply — applies a change plan: checks it against the live fleet, asks once (the
 * commands' own question for each action, with its count of cards), then runs each group of
 * changes (one account, one action, one input) through the one card action runner: one request
 * per card, or per 500 cards for the batch APIs, never resent, cancellable, work orders followed.
 *
 * The results file next to the plan says what happened to each change, and is written before a
 * group goes out (its changes "may have been carried out" until their answers are in, so a window
 * closed mid-way never leads to a resend), after each group, and as work orders end. Applying the
 * plan again reads it: what is done is skipped and says so, and what may have been carried out is
 * checked against the card, never sent blindly (planCheck.ts).
 */
import * as vscode from 'vscode';
import type { SimDeviceVO } from '../gsl/models';
import { actionConfirmation, changeText, clearRealNameConsequence } from '../core/actionSummary';
import { ACTION_WORDS, actionKind } from '../core/cardRules';
import { attributeNames } from '../core/customAttributes';
import type { ApplyGroup, CardAnswerOutcome } from '../core/plans/planApply';
import { answeredResult, applyGroups, endedResult, outcomeCounts, resultsBeforeSending, sendingResult } from '../core/plans/planApply';
import type { PlanResult } from '../core/plans/planResults';
import { resultsFileName, writeResults } from '../core/plans/planResults';
import type { TrackedWorkOrder } from '../core/workOrders';
import { planFormatOfDocument, resultsUri } from '../editor/planFeatures';
import type { PlanReview } from '../fleet/planReview';
import { say } from './askActionInput';
import type { CommandContext } from './commandContext';
import { reviewSummary } from './dryRunPlan';
import { planDocument, planName } from './planDocument';
import type { CardActionResult } from './runCardAction';
import { carryOutCardAction } from './runCardAction';

export interface ApplyPlanResult {
  review: PlanReview;
  /** Each change's record as last written, in plan order. */
  results: PlanResult[];
  /** Requests the runner sent (finding the cards aside). */
  requests: number;
  summary: string;
  /** Resolves once every work order has ended and the results file says how. */
  finished: Promise<PlanResult[]>;
}

/** Plans this window is applying: a second Apply of one (a double click) sends nothing. */
const applying = new Set<string>();

export async function applyPlan(ctx: CommandContext, arg?: unknown): Promise<ApplyPlanResult | undefined> {
  const document = await planDocument(ctx, arg);
  if (!document) return undefined;
  const key = document.uri.toString();
  if (applying.has(key)) {
    void ctx.ui.info(ctx.t('{0} is being applied already; wait until it ends.', planName(document)));
    return undefined;
  }
  applying.add(key);
  try {
    return await apply(ctx, document);
  } finally {
    applying.delete(key);
  }
}

async function apply(ctx: CommandContext, document: vscode.TextDocument): Promise<ApplyPlanResult | undefined> {
  const { t, ui } = ctx;
  const name = planName(document);
  if (document.isUntitled) {
    void ui.warn(t('Save the plan first (as *.simplan.csv or *.simplan.json): its results are written next to it.'));
    return undefined;
  }
  // What is applied is what the file says: the plan under review in git.
  if (document.isDirty && !(await document.save())) return undefined;
  const review = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Apply {0}: checking against the fleet', name) }, () => ctx.plans.review(document, true));
  if (!review) return undefined;
  const format = planFormatOfDocument(document) ?? 'csv';
  const target = resultsUri(document.uri);
  const results = resultsBeforeSending(review.verdicts, review.previous, t);
  const write = async (): Promise<void> => {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(writeResults(results, format, name, new Date())));
  };
  const groups = applyGroups(review.verdicts);
  if (groups.length === 0) {
    const summary = reviewSummary(review, t, t('Nothing to apply in {0}:', name), review.verdicts.length ? t('The results file says why for each change.') : '');
    if (review.verdicts.length) await write();
    void ui.info(summary);
    return { review, results, requests: 0, summary, finished: Promise.resolve(results) };
  }

  if (!(await agree(ctx, name, review, groups))) return undefined;

  const fleets = new Map(ctx.fleets.all().map((f) => [f.account.id, f]));
  const working: Array<Promise<unknown>> = [];
  let requests = 0;
  let cancelled = false;
  const total = groups.reduce((n, g) => n + g.verdicts.length, 0);
  // One progress notification for every action of the plan, cancellable between requests.
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Apply {0}: sending changes', name), cancellable: true }, async (progress, token) => {
    for (const group of groups) {
      const fleet = fleets.get(group.accountId);
      if (cancelled || token.isCancellationRequested || !fleet) continue;
      const now = new Date();
      for (const v of group.verdicts) results[v.change.index] = sendingResult(results[v.change.index], now, t);
      await write();
      const targets = group.verdicts.map((v) => ({ fleet, card: v.card as SimDeviceVO }));
      const result = await carryOutCardAction(ctx, group.action, targets, [], group.input, { quiet: true, shared: { progress, token, total } });
      requests += result?.requests ?? 0;
      for (const v of group.verdicts) results[v.change.index] = answeredResult(results[v.change.index], answerFor(ctx, group, v.card as SimDeviceVO, result, now), t);
      await write();
      if (result && result.notAttempted > 0) cancelled = true;
      if (result && actionKind(group.action) === 'workOrder') {
        working.push(
          result.finished.then(async (orders: TrackedWorkOrder[]) => {
            for (const v of group.verdicts) {
              const r = results[v.change.index];
              const order = orders.find((o) => o.workOrderId === r.workOrderId);
              if (order) results[v.change.index] = endedResult(r, order.outcome, order.failReason, order.finishedAt, t);
            }
            await write();
          }),
        );
      }
    }
  });
  const counts = outcomeCounts(results);
  const resultsName = resultsFileName(name);
  const summary = t(
    'Applied {0}: {1} succeeded, {2} work orders running, {3} refused, {4} may have been carried out, {5} not sent, {6} skipped. Each change\'s outcome is in {7}.',
    name,
    counts.succeeded,
    counts['work-order-pending'],
    counts.refused + counts['work-order-failed'],
    counts['may-have-been-carried-out'],
    counts['not-sent'],
    counts.skipped,
    resultsName,
  );
  ctx.log.info(summary);
  const open = t('Open Results');
  const troubled = counts.refused + counts['may-have-been-carried-out'] + counts['not-sent'] + counts['work-order-failed'] > 0;
  void (troubled ? ui.warn(summary, open) : ui.info(summary, open)).then((c) => {
    if (c === open) void vscode.window.showTextDocument(target, { preview: false });
  });
  void ctx.plans.review(document, false);
  const finished = Promise.all(working).then(async () => {
    const after = outcomeCounts(results);
    if (working.length) {
      const text = t('{0}: work orders ended: {1} succeeded, {2} failed, {3} not followed to the end. Each change\'s outcome is in {4}.', name, after.succeeded, after['work-order-failed'], after['may-have-been-carried-out'], resultsName);
      ctx.log.info(text);
      void (after['work-order-failed'] + after['may-have-been-carried-out'] > 0 ? ui.warn(text, open) : ui.info(text, open)).then((c) => {
        if (c === open) void vscode.window.showTextDocument(target, { preview: false });
      });
      await ctx.plans.review(document, false);
    }
    return results;
  });
  return { review, results, requests, summary, finished };
}

/**
 * Asks once, naming per action what the commands ask (`actionConfirmation`), with its count;
 * clearing real-name registration also asks for the number of cards typed, as its command does.
 */
async function agree(ctx: CommandContext, name: string, review: PlanReview, groups: readonly ApplyGroup[]): Promise<boolean> {
  const { t, ui } = ctx;
  const ready = groups.reduce((n, g) => n + g.verdicts.length, 0);
  const lines: string[] = [];
  for (const g of groups) {
    const fleet = ctx.fleets.get(g.accountId);
    const attributeName = g.input.slot !== undefined && fleet ? attributeNames(await fleet.attributes.get(), t)[g.input.slot - 1] : undefined;
    const cards = g.verdicts.map((v) => v.card as SimDeviceVO);
    const several = ctx.fleets.all().length > 1 && fleet ? ` (${fleet.account.label})` : '';
    lines.push(`${actionConfirmation(g.action, cards, 0, t, { change: changeText(g.action, g.input, t, attributeName) }).question}${several}`);
  }
  const notSent = review.verdicts.filter((v) => v.state === 'blocked' || v.state === 'unchecked').length;
  const done = review.verdicts.filter((v) => v.state === 'done').length;
  const notes = [
    ...(notSent ? [t('Not sent, with problems: {0} (see Problems).', notSent)] : []),
    ...(done ? [t('Done already, skipped: {0}.', done)] : []),
    t('Each request is sent once; none is sent again if its answer is lost. The outcome of each change is written to {0}.', resultsFileName(name)),
  ];
  if (!(await ui.confirm(t('Apply {0}? Changes to send: {1}.', name, ready), [lines.join('\n'), ...notes].join('\n\n'), t('Apply')))) return false;
  const clearing = groups.filter((g) => g.action === 'clearRealName').reduce((n, g) => n + g.verdicts.length, 0);
  if (clearing === 0) return true;
  // Clearing real-name registration cannot be undone from here: the person types the count, as with the command.
  const count = String(clearing);
  const typed = await ui.input({
    title: t('Clear Real-Name: type {0} to confirm', count),
    prompt: clearRealNameConsequence(clearing, t),
    placeHolder: count,
    validateInput: (v) => (v.trim() === count ? undefined : t('Type {0} (the number of cards) to confirm.', count)),
  });
  if (typed?.trim() === count) return true;
  void ui.info(t('Real-name registration left as it was.'));
  return false;
}

/** What the runner reported for one card of a group. */
function answerFor(ctx: CommandContext, group: ApplyGroup, card: SimDeviceVO, result: CardActionResult | undefined, sentAt: Date): CardAnswerOutcome {
  const { t } = ctx;
  if (!result) return { sent: false, reason: t('Not sent: {0} could not be prepared; the SIM Fleet log says why.', t(ACTION_WORDS[group.action])) };
  const held = result.held.find((h) => h.card === card);
  if (held) return { sent: false, reason: say(t, held.reason) };
  const outcome = result.outcomes.find((o) => o.card === card);
  if (!outcome) return { sent: false, reason: t('Not sent: Apply was cancelled before its turn.') };
  if (!outcome.ok) return { sent: true, ok: false, lost: outcome.lost ?? false, message: outcome.message ?? '' };
  if (actionKind(group.action) === 'workOrder') {
    const order = ctx.fleets.get(group.accountId)?.tracker.lastStarted(card.sim_card_id, group.action);
    return { sent: true, ok: true, workOrderId: order && order.startedAt >= sentAt.getTime() ? order.workOrderId : undefined };
  }
  if (group.action === 'checkRealName') return { sent: true, ok: true, detail: outcome.value === true ? t('Registered.') : t('Not registered.') };
  return { sent: true, ok: true };
}
