/**
 * simFleet.plan.dryRun — checks every change of a plan against the live fleet (cards read again,
 * not from the cache) and changes nothing: each change's verdict shows as a diagnostic and a line
 * of the log, and a notification counts what Apply would send.
 */
import * as vscode from 'vscode';
import { ACTION_WORDS } from '../core/cardRules';
import type { Verdict } from '../core/plans/planCheck';
import { cardRefText, verdictCounts } from '../core/plans/planCheck';
import type { Translate } from '../core/translate';
import type { PlanReview } from '../fleet/planReview';
import type { CommandContext } from './commandContext';
import { planDocument, planName } from './planDocument';

export interface DryRunResult {
  review: PlanReview;
  summary: string;
}

export async function dryRunPlan(ctx: CommandContext, arg?: unknown): Promise<DryRunResult | undefined> {
  const { t, ui } = ctx;
  const document = await planDocument(ctx, arg);
  if (!document) return undefined;
  const name = planName(document);
  const review = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('Dry run of {0}: checking against the fleet', name) }, () => ctx.plans.review(document, true));
  if (!review) return undefined;
  ctx.log.info(`Dry run of ${name}:`);
  for (const v of review.verdicts) ctx.log.info(`  ${verdictLine(v, t)}`);
  const summary = reviewSummary(review, t, t('Dry run of {0}:', name), t('Nothing was changed.'));
  const showDetails = t('Show Details');
  const troubled = review.verdicts.some((v) => v.state === 'blocked' || v.state === 'unchecked') || review.file.problems.length > 0;
  void (troubled ? ui.warn(summary, showDetails) : ui.info(summary, showDetails)).then((c) => {
    if (c === showDetails) ctx.log.show();
  });
  return { review, summary };
}

/** One line of the log per change: its line, what it does and its verdict. */
export function verdictLine(v: Verdict, t: Translate): string {
  const what = [v.change.action ? t(ACTION_WORDS[v.change.action]) : '?', v.change.card ? cardRefText(v.change.card, t) : ''].filter(Boolean).join(' ');
  const state = { ready: t('ready'), blocked: t('not sent'), done: t('done'), unchecked: t('not checked') }[v.state];
  const why = v.findings.map((f) => f.message).join(' ');
  return `${t('line {0}', v.change.line)}: ${what} — ${state}${why ? `: ${why}` : ''}`;
}

/** What a review comes to, counted: for the dry run's notification and Apply's "nothing to apply". */
export function reviewSummary(review: PlanReview, t: Translate, lead: string, tail: string): string {
  const c = verdictCounts(review.verdicts);
  const perAction = c.perAction.map(([a, n]) => `${t(ACTION_WORDS[a])} ${n}`).join(', ');
  const parts = [lead, c.ready ? t('{0} of {1} changes would be sent ({2}).', c.ready, review.verdicts.length, perAction) : t('None of the {0} changes would be sent.', review.verdicts.length)];
  if (c.blocked + c.unchecked) parts.push(t('With problems: {0} (see Problems).', c.blocked + c.unchecked));
  if (review.file.problems.some((p) => p.severity === 'error')) parts.push(t('The file has problems (see Problems).'));
  if (c.done) parts.push(t('Done already, skipped: {0}.', c.done));
  parts.push(tail);
  return parts.join(' ');
}
