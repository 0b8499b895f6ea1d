/**
 * Change plans in the editor (`*.simplan.csv`, `*.simplan.json`): a diagnostic on every change
 * that cannot run as written, checked against the live fleet as the file is opened and edited
 * (debounced, the previous check abandoned), and CodeLens at the top of the file for *Dry Run*,
 * *Apply…* and, once it exists, the results file. The checking is the fleet's (planReview.ts) and
 * the core's (planCheck.ts); the commands run Dry Run and Apply and hand their review back here.
 *
 * Every message is plain text (a diagnostic never renders markup) and goes through *Hide
 * identifiers*, since it may name a card.
 */
import * as vscode from 'vscode';
import type { Masker } from '../core/mask';
import type { Finding } from '../core/plans/planCheck';
import { verdictCounts } from '../core/plans/planCheck';
import type { PlanColumn, PlanFormat } from '../core/plans/planFile';
import { planFormatOf } from '../core/plans/planFile';
import { resultsFileName } from '../core/plans/planResults';
import type { Translate } from '../core/translate';
import type { PlanReview, PlanReviewer } from '../fleet/planReview';

export const PLAN_SELECTOR: vscode.DocumentSelector = [{ pattern: '**/*.simplan.csv' }, { pattern: '**/*.simplan.json' }];
/** Edits are checked this long after the typing stops. */
const DEBOUNCE_MS = 600;

export interface PlanFeaturesOptions {
  reviewer: PlanReviewer;
  t: Translate;
  mask: () => Masker;
  /** Fleets signed in or out, a work order moved on: plans are checked again. */
  onDidChangeFleet: vscode.Event<unknown>[];
  /** *Hide identifiers* turned on or off: the findings are shown again, not checked again. */
  onDidChangeMask: vscode.Event<unknown>;
}

export function planFormatOfDocument(document: vscode.TextDocument): PlanFormat | undefined {
  return planFormatOf(document.uri.path);
}

/** The name of the results file next to a plan. */
export function resultsName(plan: vscode.Uri): string {
  return resultsFileName(plan.path.split('/').pop() ?? '');
}

/** The results file next to a plan. */
export function resultsUri(plan: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(plan, '..', resultsName(plan));
}

export async function readResultsText(plan: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(resultsUri(plan)));
  } catch {
    return undefined;
  }
}

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class PlanFeatures implements vscode.CodeLensProvider, vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('simFleet.plans');
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<string, AbortController>();
  private readonly reviews = new Map<string, PlanReview>();
  private readonly registrations: vscode.Disposable[];

  constructor(private readonly options: PlanFeaturesOptions) {
    this.registrations = [
      vscode.languages.registerCodeLensProvider(PLAN_SELECTOR, this),
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      // A save alone changes nothing to check.
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && this.schedule(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      ...options.onDidChangeFleet.map((event) => event(() => this.recheckAll())),
      options.onDidChangeMask(() => this.showAgain()),
    ];
    this.recheckAll();
  }

  /** The latest review of a plan, if it was checked. */
  lastReview(uri: vscode.Uri): PlanReview | undefined {
    return this.reviews.get(uri.toString());
  }

  /** Checks a plan now (fresh: against the fleet as it is this moment) and shows the outcome. */
  async review(document: vscode.TextDocument, fresh: boolean): Promise<PlanReview | undefined> {
    const format = planFormatOfDocument(document);
    if (!format) return undefined;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.running.get(key)?.abort();
    const controller = new AbortController();
    this.running.set(key, controller);
    const review = await this.options.reviewer.review(document.getText(), format, {
      fresh,
      resultsText: await readResultsText(document.uri),
      resultsName: resultsName(document.uri),
      signal: controller.signal,
    });
    if (controller.signal.aborted) return review;
    this.running.delete(key);
    this.show(document, review);
    return review;
  }

  /** Shows a review's findings as the document's diagnostics. */
  show(document: vscode.TextDocument, review: PlanReview): void {
    const mask = this.options.mask();
    const diagnostics: vscode.Diagnostic[] = [];
    const range = (start: number, end: number): vscode.Range => {
      const from = document.positionAt(start);
      // A change that spans lines (a quoted SMS) is marked on its first line.
      const to = document.positionAt(Math.max(start, end));
      return new vscode.Range(from, to.line === from.line ? to : document.lineAt(from.line).range.end);
    };
    for (const p of review.file.problems) {
      const d = new vscode.Diagnostic(range(p.start, p.end), mask(this.options.t(p.problem.message, ...p.problem.args)), p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      d.source = 'SIM Fleet';
      d.code = 'file';
      diagnostics.push(d);
    }
    for (const v of review.verdicts) {
      for (const f of v.findings) {
        const field = f.field ? v.change.entry.fields[f.field as PlanColumn] : undefined;
        const d = new vscode.Diagnostic(field ? range(field.start, field.end) : range(v.change.entry.start, v.change.entry.end), mask(f.message), SEVERITY[f.severity]);
        d.source = 'SIM Fleet';
        d.code = f.kind;
        diagnostics.push(d);
      }
    }
    this.diagnostics.set(document.uri, diagnostics);
    this.reviews.set(document.uri.toString(), review);
    this.lensesChanged.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!planFormatOfDocument(document)) return [];
    const { t } = this.options;
    const top = new vscode.Range(0, 0, 0, 0);
    const args = [document.uri];
    const lenses = [
      new vscode.CodeLens(top, { title: `$(beaker) ${t('Dry Run')}`, tooltip: t('Check every change against the live fleet; nothing is changed'), command: 'simFleet.plan.dryRun', arguments: args }),
      new vscode.CodeLens(top, { title: `$(play) ${t('Apply…')}`, tooltip: t('Send the changes that can run, after one question'), command: 'simFleet.plan.apply', arguments: args }),
    ];
    const review = this.reviews.get(document.uri.toString());
    if (review) {
      const c = verdictCounts(review.verdicts);
      const text = t('{0} ready · {1} with problems · {2} done', c.ready, c.blocked + c.unchecked, c.done);
      lenses.push(new vscode.CodeLens(top, { title: text, tooltip: t('Show the problems of this plan'), command: 'workbench.actions.view.problems' }));
    }
    if (review?.previous.size) {
      lenses.push(new vscode.CodeLens(top, { title: `$(output) ${t('Open Results')}`, tooltip: resultsName(document.uri), command: 'vscode.open', arguments: [resultsUri(document.uri)] }));
    }
    return lenses;
  }

  dispose(): void {
    for (const r of this.registrations) r.dispose();
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const c of this.running.values()) c.abort();
    this.diagnostics.dispose();
    this.lensesChanged.dispose();
  }

  private schedule(document: vscode.TextDocument, ms: number): void {
    if (!planFormatOfDocument(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.review(document, false).catch(() => undefined);
      }, ms),
    );
  }

  /** Shows each open plan's last findings again (the mask changed, not the fleet). */
  private showAgain(): void {
    for (const d of vscode.workspace.textDocuments) {
      const review = this.reviews.get(d.uri.toString());
      if (review) this.show(d, review);
    }
  }

  private recheckAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, DEBOUNCE_MS);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.running.get(key)?.abort();
    this.running.delete(key);
    this.reviews.delete(key);
    this.diagnostics.delete(uri);
  }
}
