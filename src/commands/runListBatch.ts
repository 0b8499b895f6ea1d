/**
 * simFleet.batch.fromList — a batch from a list of cards, in place of the console's template
 * upload (which takes one to two working days): the list comes from the active editor, the
 * clipboard, a file or the input box (one ICCID, container id or MSISDN a line, or a CSV column);
 * it is resolved against the fleet, the person is told which entries are unknown, repeated or
 * unreadable, and then any card action runs on the cards found, as from the tree.
 */
import * as vscode from 'vscode';
import type { SimDeviceVO } from '../gsl/models';
import type { CardAction } from '../core/cardRules';
import { ACTION_WORDS, CARD_ACTIONS, actionOffered } from '../core/cardRules';
import type { ListEntry, ResolvedList } from '../core/cardList';
import { CardMatcher, readCardList } from '../core/cardList';
import { BATCH_LIMIT } from '../core/batchPlans';
import { errorMessage } from '../core/errorWords';
import { sendEach, ACTION_CONCURRENCY } from '../core/requestQueue';
import type { AccountFleet } from '../fleet/fleets';
import { say } from './askActionInput';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';
import type { CardActionResult } from './runCardAction';
import { runCardAction } from './runCardAction';

type Source = 'editor' | 'clipboard' | 'file' | 'type';

export interface ListBatchResult {
  resolved: ResolvedList;
  duplicates: ListEntry[];
  unreadable: Array<{ line: number; text: string }>;
  /** What the notification about the list said. */
  report: string;
  action?: CardAction;
  result?: CardActionResult;
}

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const LISTED = 10;

export async function runListBatch(ctx: CommandContext, arg?: unknown): Promise<ListBatchResult | undefined> {
  const { t, ui } = ctx;
  const title = t('Run a Batch from a List');
  const fleet = await chooseFleet(ctx, arg, title);
  if (!fleet) return undefined;
  const text = await readSource(ctx, title);
  if (text === undefined) return undefined;

  let read = readCardList(text);
  if (read.kind === 'chooseColumn') {
    const column = await ui.pickOne(
      read.columns.map((c) => ({ value: c.index, label: c.label, description: c.sample })),
      { title: t('{0}: which column holds the cards?', title) },
    );
    if (column === undefined) return undefined;
    read = readCardList(text, column);
  }
  if (read.kind === 'problem') {
    void ui.warn(say(t, read.problem));
    return undefined;
  }
  if (read.kind !== 'list') return undefined;
  const { list } = read;

  const resolved = await resolve(ctx, fleet, list.entries, title);
  if (!resolved) return undefined;
  const report = reportText(ctx, resolved, list.duplicates, list.unreadable, list.entries.length + list.duplicates.length + list.unreadable.length, list.column);
  ctx.log.info(`${title}: ${report}`);
  for (const e of resolved.unknown) ctx.log.info(`  not in the fleet: ${e.text} (line ${e.line})`);
  for (const e of [...list.duplicates, ...resolved.sameCard]) ctx.log.info(`  repeated: ${e.text} (line ${e.line})`);
  for (const e of list.unreadable) ctx.log.info(`  unreadable: ${e.text} (line ${e.line})`);
  const troubled = resolved.unknown.length + resolved.sameCard.length + list.duplicates.length + list.unreadable.length > 0;
  const showDetails = t('Show Details');
  void (troubled ? ui.warn(report, showDetails) : ui.info(report)).then((c) => {
    if (c === showDetails) ctx.log.show();
  });
  const out: ListBatchResult = { resolved, duplicates: list.duplicates, unreadable: list.unreadable, report };
  if (resolved.found.length === 0) return out;

  // Every action that applies to at least one card of the list, with how many it applies to.
  const cards = resolved.found.map((f) => f.card);
  const pending = (c: SimDeviceVO) => fleet.tracker.isPending(c.sim_card_id);
  const choices = CARD_ACTIONS.map((a) => ({ a, n: cards.filter((c) => actionOffered(a, c, pending(c))).length })).filter((x) => x.n > 0);
  const action = await ui.pickOne<CardAction>(
    choices.map(({ a, n }) => ({ value: a, label: t(ACTION_WORDS[a]), description: t('{0} of {1} cards', n, cards.length) })),
    { title: t('{0}: {1} cards found — choose the action', title, cards.length), placeholder: t('The action runs on the cards it applies to; it asks before it changes anything') },
  );
  if (!action) return out;
  out.action = action;
  out.result = await runCardAction(ctx, action, undefined, undefined, { targets: cards.map((card) => ({ accountId: fleet.account.id, card })) });
  return out;
}

async function readSource(ctx: CommandContext, title: string): Promise<string | undefined> {
  const { t, ui } = ctx;
  const editor = vscode.window.activeTextEditor;
  const source = await ui.pickOne<Source>(
    [
      ...(editor ? [{ value: 'editor' as const, label: t('From the Active Editor'), icon: 'file-text', description: editor.selection.isEmpty ? t('the whole text') : t('the selected text') }] : []),
      { value: 'clipboard', label: t('From the Clipboard'), icon: 'clippy' },
      { value: 'file', label: t('Open a File…'), icon: 'folder-opened', description: t('a text or CSV file') },
      { value: 'type', label: t('Type or Paste Here…'), icon: 'edit', description: t('separated by spaces or commas') },
    ],
    { title, placeholder: t('Where is the list? One ICCID, container id or MSISDN a line, or a CSV column') },
  );
  switch (source) {
    case undefined:
      return undefined;
    case 'editor':
      if (!editor) return undefined;
      return editor.selection.isEmpty ? editor.document.getText() : editor.document.getText(editor.selection);
    case 'clipboard':
      return vscode.env.clipboard.readText();
    case 'file': {
      const uri = await ui.pickFile({ title, openLabel: t('Read List'), filters: { [t('Lists')]: ['txt', 'csv', 'tsv'], [t('All files')]: ['*'] } });
      if (!uri) return undefined;
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.size > MAX_FILE_BYTES) {
          void ui.warn(t('The file is larger than 10 MB; split the list.'));
          return undefined;
        }
        const bytes = await vscode.workspace.fs.readFile(uri);
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return text;
      } catch (err) {
        void ui.warn(t('Could not read the file as text: {0}', err instanceof Error ? err.message : String(err)));
        return undefined;
      }
    }
    case 'type': {
      const typed = await ui.input({ title, prompt: t('ICCIDs, container ids or MSISDNs, separated by spaces, commas or semicolons') });
      // One a line, whatever separated them in the box.
      return typed === undefined ? undefined : typed.split(/[\s,;]+/).join('\n');
    }
  }
}

/**
 * Finds the cards the entries name: by looking each entry up when the list is short, else by
 * reading the whole fleet once (500 cards a page) when that takes fewer requests.
 */
async function resolve(ctx: CommandContext, fleet: AccountFleet, entries: readonly ListEntry[], title: string): Promise<ResolvedList | undefined> {
  const { t, ui } = ctx;
  const client = fleet.account.currentClient();
  if (!client) return undefined;
  const matcher = new CardMatcher();
  try {
    const total = fleet.model.total() ?? (await client.countSimCards({}));
    const pages = Math.ceil(total / BATCH_LIMIT);
    const ok = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: t('{0}: finding {1} cards', title, entries.length), cancellable: true },
      async (progress, token) => {
        if (entries.length <= pages) {
          const outcomes = await sendEach(
            entries,
            (e) =>
              client.listSimCards(e.kind === 'msisdn' ? { msisdn: e.text.replace(/^\+/, ''), limit: 10, offset: 1 } : { main_search_type: 1, main_search_key: e.text, limit: 10, offset: 1 }),
            { concurrency: ACTION_CONCURRENCY, isCancelled: () => token.isCancellationRequested, onSettled: () => progress.report({ increment: 100 / entries.length }) },
          );
          for (const o of outcomes) {
            if (o?.ok) matcher.add(o.value.sim_cards);
            else if (o) throw o.error;
          }
        } else {
          for await (const page of client.iterateSimCards({}, { pageSize: BATCH_LIMIT })) {
            if (token.isCancellationRequested) break;
            matcher.add(page);
            progress.report({ increment: 100 / Math.max(1, pages) });
          }
        }
        return !token.isCancellationRequested;
      },
    );
    if (!ok) return undefined;
  } catch (err) {
    void ui.error(t('Could not look the list up: {0}', errorMessage(err, t)));
    return undefined;
  }
  return matcher.resolve(entries);
}

function reportText(ctx: CommandContext, r: ResolvedList, duplicates: ListEntry[], unreadable: Array<{ line: number; text: string }>, total: number, column?: string): string {
  const { t } = ctx;
  const listed = (items: ReadonlyArray<{ line: number; text: string }>) =>
    `${items
      .slice(0, LISTED)
      .map((e) => t('{0} (line {1})', e.text, e.line))
      .join(', ')}${items.length > LISTED ? ` ${t('…and {0} more.', items.length - LISTED)}` : ''}`;
  const parts = [column ? t('{0} of {1} entries ({2}) are cards of this fleet.', r.found.length, total, column) : t('{0} of {1} entries are cards of this fleet.', r.found.length, total)];
  if (r.unknown.length) parts.push(t('{0} not in the fleet: {1}', r.unknown.length, listed(r.unknown)));
  const repeated = [...duplicates, ...r.sameCard].sort((a, b) => a.line - b.line);
  if (repeated.length) parts.push(t('{0} repeated (counted once): {1}', repeated.length, listed(repeated)));
  if (unreadable.length) parts.push(t('{0} unreadable: {1}', unreadable.length, listed(unreadable)));
  return parts.join(' ');
}
