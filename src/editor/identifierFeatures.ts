/**
 * Card identifiers in any open text document, the Output panel included: a hover with the card,
 * a link that opens it, and (opt-in) its status after it in the line. Recognition is the core's
 * (core/identifiers.ts), resolution the lookup's (fleet/cardLookup.ts).
 *
 * Providers answer from the cache at once and never wait for the network, except the hover, which
 * a person asked for and which waits for its one identifier. What is not cached yet is resolved
 * in the background, one batch per document, cancelled when the document closes; when answers
 * arrive, the inline status is asked for again. Links of identifiers not yet resolved get their
 * target when followed.
 */
import * as vscode from 'vscode';
import type { AccountCard, FleetAccounts } from '../core/accounts';
import { absentHoverMarkdown, cardHoverMarkdown, inlineStatusText, tooLargeHoverMarkdown } from '../core/cardHover';
import { cardCommandUri } from '../core/cardLinks';
import { CARD_LINK_COMMANDS } from '../core/commandIds';
import type { CardIdentifier, IdentifierMatch, IdentifierSettings } from '../core/identifiers';
import { IDENTIFIER_WORDS, findIdentifiers } from '../core/identifiers';
import type { Masker } from '../core/mask';
import { escapeMarkdown } from '../core/text';
import type { Translate } from '../core/translate';
import type { CardLookup, FoundCard } from '../fleet/cardLookup';

/** Every text document, whatever its scheme; the Output panel's (`output`) named so it is plain. */
export const IDENTIFIER_SELECTOR: vscode.DocumentSelector = [{ scheme: '*' }, { scheme: 'output' }];

/** A document is read for links up to here: a larger log is marked in its first part only. */
const MAX_SCAN_CHARS = 4_000_000;
/** At most this many identifiers per document get links. */
const MAX_LINKS = 5_000;
/** A line longer than this is read only around the hovered position. */
const MAX_HOVER_LINE = 10_000;
const HOVER_WINDOW = 64;

export interface IdentifierFeaturesOptions {
  lookup: CardLookup;
  accounts: FleetAccounts;
  settings: () => IdentifierSettings;
  t: Translate;
  /** *Hide identifiers*: what every number a hover shows goes through. */
  mask: () => Masker;
  /** The card's forecast in a few words ("runs out ~Dec 12") when Needs attention has one. */
  forecastOf?: (accountId: string, cardId: string) => string | undefined;
}

class IdentifierLink extends vscode.DocumentLink {
  constructor(
    range: vscode.Range,
    readonly id: CardIdentifier,
  ) {
    super(range);
  }
}

function toSignal(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}

/** The markdown of a hover: trusted to run exactly SIM Fleet's card commands, and no HTML. */
export function hoverMarkdown(source: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(source, false);
  md.isTrusted = { enabledCommands: [...CARD_LINK_COMMANDS] };
  md.supportHtml = false;
  return md;
}

export class IdentifierFeatures implements vscode.HoverProvider, vscode.DocumentLinkProvider<IdentifierLink>, vscode.InlayHintsProvider, vscode.Disposable {
  private readonly hintsChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.hintsChanged.event;
  /** Background resolution per open document, stopped when it closes. */
  private readonly background = new Map<string, AbortController>();
  private readonly registrations: vscode.Disposable[];

  constructor(private readonly options: IdentifierFeaturesOptions) {
    this.registrations = [
      vscode.languages.registerHoverProvider(IDENTIFIER_SELECTOR, this),
      vscode.languages.registerDocumentLinkProvider(IDENTIFIER_SELECTOR, this),
      vscode.languages.registerInlayHintsProvider(IDENTIFIER_SELECTOR, this),
      options.lookup.onDidResolve(() => {
        if (this.options.settings().inlineStatus) this.hintsChanged.fire();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.stopBackground(d.uri)),
    ];
  }

  /** Settings changed: the inline status appears, disappears or moves to other files. */
  settingsChanged(): void {
    this.hintsChanged.fire();
    if (!this.options.settings().enabled) for (const key of [...this.background.keys()]) this.stopBackground(key);
  }

  /** Whether the settings let the feature work in this document. */
  applies(document: vscode.TextDocument): boolean {
    const s = this.options.settings();
    if (!s.enabled) return false;
    if (s.languages.length > 0 && !s.languages.includes(document.languageId)) return false;
    if (s.filePatterns.length > 0 && !s.filePatterns.some((pattern) => vscode.languages.match({ pattern }, document) > 0)) return false;
    return true;
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!this.applies(document)) return undefined;
    const match = identifierAt(document.lineAt(position.line).text, position.character);
    if (!match) return undefined;
    const { lookup, t } = this.options;
    const mask = this.options.mask();
    const range = new vscode.Range(position.line, match.start, position.line, match.end);
    const cached = lookup.peek(match);
    const result = cached ?? (await lookup.resolveOne(match, { urgent: true, signal: toSignal(token) }));
    if (token.isCancellationRequested) return undefined;
    switch (result.state) {
      case 'found':
        return new vscode.Hover(hoverMarkdown(this.cardHover(match, result.found)), range);
      case 'absent':
        return new vscode.Hover(hoverMarkdown(absentHoverMarkdown(match, t, mask)), range);
      case 'unknown':
        if (result.reason === 'tooLarge') return new vscode.Hover(hoverMarkdown(tooLargeHoverMarkdown(match, t, mask)), range);
        if (result.reason === 'error') return new vscode.Hover(hoverMarkdown(escapeMarkdown(mask(t('Could not look up {0} {1} now; the SIM Fleet log says why.', t(IDENTIFIER_WORDS[match.kind]), match.value)))), range);
        return undefined;
    }
  }

  provideDocumentLinks(document: vscode.TextDocument): IdentifierLink[] {
    if (!this.applies(document) || this.options.accounts.all().length === 0) return [];
    const text = document.getText();
    const matches = findIdentifiers(text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text, MAX_LINKS);
    const links: IdentifierLink[] = [];
    const waiting: IdentifierMatch[] = [];
    for (const m of matches) {
      const cached = this.options.lookup.peek(m);
      // Known strangers get no link: there is nothing to open.
      if (cached?.state === 'absent') continue;
      const link = new IdentifierLink(new vscode.Range(document.positionAt(m.start), document.positionAt(m.end)), m);
      link.tooltip = this.options.t('Open the card of {0} {1}', this.options.t(IDENTIFIER_WORDS[m.kind]), m.value);
      if (cached?.state === 'found') link.target = this.openTarget(cached.found);
      else waiting.push(m);
      links.push(link);
    }
    this.resolveInBackground(document.uri, waiting);
    return links;
  }

  async resolveDocumentLink(link: IdentifierLink, token: vscode.CancellationToken): Promise<IdentifierLink | undefined> {
    const result = this.options.lookup.peek(link.id) ?? (await this.options.lookup.resolveOne(link.id, { urgent: true, signal: toSignal(token) }));
    if (result.state !== 'found') return undefined;
    link.target = this.openTarget(result.found);
    return link;
  }

  provideInlayHints(document: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    if (!this.options.settings().inlineStatus || !this.applies(document) || this.options.accounts.all().length === 0) return [];
    const hints: vscode.InlayHint[] = [];
    const waiting: IdentifierMatch[] = [];
    for (let line = range.start.line; line <= range.end.line && line < document.lineCount; line++) {
      const text = document.lineAt(line).text;
      for (const m of findIdentifiers(text.length > MAX_HOVER_LINE ? text.slice(0, MAX_HOVER_LINE) : text)) {
        const cached = this.options.lookup.peek(m);
        if (cached?.state === 'found') {
          const hint = new vscode.InlayHint(new vscode.Position(line, m.end), inlineStatusText(cached.found.card, this.options.t));
          hint.paddingLeft = true;
          hints.push(hint);
        } else if (!cached) {
          waiting.push(m);
        }
      }
    }
    this.resolveInBackground(document.uri, waiting);
    return hints;
  }

  dispose(): void {
    for (const r of this.registrations) r.dispose();
    for (const key of [...this.background.keys()]) this.stopBackground(key);
    this.hintsChanged.dispose();
  }

  private cardHover(id: CardIdentifier, found: FoundCard): string {
    const { accounts, t } = this.options;
    const several = accounts.all().length > 1;
    const forecast = this.options.forecastOf?.(found.accountId, found.card.sim_card_id);
    return cardHoverMarkdown({ id, accountId: found.accountId, card: found.card, accountLabel: several ? accounts.get(found.accountId)?.label : undefined, mask: this.options.mask(), forecast }, t);
  }

  private openTarget(found: FoundCard): vscode.Uri {
    const ref: AccountCard = { accountId: found.accountId, cardId: found.card.sim_card_id };
    return vscode.Uri.parse(cardCommandUri('simFleet.card.openDetail', ref));
  }

  /** Resolves a document's identifiers without making anyone wait; stops when the document closes. */
  private resolveInBackground(uri: vscode.Uri, ids: readonly CardIdentifier[]): void {
    if (ids.length === 0) return;
    const key = uri.toString();
    let controller = this.background.get(key);
    if (!controller) {
      controller = new AbortController();
      this.background.set(key, controller);
    }
    void this.options.lookup.resolve(ids, { signal: controller.signal });
  }

  private stopBackground(uri: vscode.Uri | string): void {
    const key = typeof uri === 'string' ? uri : uri.toString();
    this.background.get(key)?.abort();
    this.background.delete(key);
  }
}

/** The identifier under `character` in a line, read around it when the line is long. */
export function identifierAt(line: string, character: number): IdentifierMatch | undefined {
  let offset = 0;
  let text = line;
  if (line.length > MAX_HOVER_LINE) {
    // One character more on each side, so an identifier is never cut at the window's edge.
    offset = Math.max(0, character - HOVER_WINDOW - 1);
    text = line.slice(offset, Math.min(line.length, character + HOVER_WINDOW + 1));
  }
  return findIdentifiers(text)
    .filter((m) => (offset === 0 || m.start > 0) && (offset + text.length === line.length || m.end < text.length))
    .map((m) => ({ ...m, start: m.start + offset, end: m.end + offset }))
    .find((m) => m.start <= character && character < m.end);
}
