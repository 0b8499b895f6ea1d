/**
 * Cards as read-only JSON documents: `simfleet:/<account id>/<card id>/<name>.json`, served by a
 * read-only file system provider. The document is the card as ShowSimCard answers it, every field
 * in the service's order, ids written with every digit (the client keeps them as strings and
 * `stringifyJson` writes them back as the integers they are; never through a JS number). It
 * follows the card: when the card changes (an action's work order ends, a refresh), VS Code is
 * told and reads it again.
 */
import * as vscode from 'vscode';
import type { SimDeviceVO } from '../gsl/models';
import { stringifyJson } from '../gsl/json';
import type { AccountCard, CardsChangedEvent, FleetAccounts } from '../core/accounts';
import { readAccountCard } from '../core/cardLinks';
import { cardLabel } from '../core/cardText';
import { errorMessage } from '../core/errorWords';
import type { Event } from '../core/events';
import type { Masker } from '../core/mask';
import { showAll } from '../core/mask';
import type { Translate } from '../core/translate';

export const CARD_SCHEME = 'simfleet';

/** Reads within this long of each other share one request (VS Code stats, then reads). */
const FRESH_MS = 2_000;

/** The document of a card: the name is only for the tab (the card's label, when it is safe in a path). */
export function cardDocumentUri(ref: AccountCard, card?: Pick<SimDeviceVO, 'sim_card_id'> & Partial<SimDeviceVO>, mask: Masker = showAll): vscode.Uri {
  const label = mask(card ? cardLabel(card) : ref.cardId);
  const name = /^[A-Za-z0-9._\u2022-]{1,64}$/.test(label) ? label : mask(ref.cardId);
  return vscode.Uri.from({ scheme: CARD_SCHEME, path: `/${encodeURIComponent(ref.accountId)}/${ref.cardId}/${name}.json` });
}

/** The card a `simfleet:` URI names, checked like a link's argument; undefined when it names none. */
export function parseCardDocumentUri(uri: vscode.Uri): AccountCard | undefined {
  if (uri.scheme !== CARD_SCHEME) return undefined;
  const parts = uri.path.split('/');
  if (parts.length !== 4 || parts[0] !== '' || !parts[3].endsWith('.json')) return undefined;
  let accountId: string;
  try {
    accountId = decodeURIComponent(parts[1]);
  } catch {
    return undefined;
  }
  const ref = readAccountCard({ accountId, cardId: parts[2] });
  return typeof ref === 'object' ? ref : undefined;
}

export interface CardDocumentsOptions {
  accounts: FleetAccounts;
  onDidChangeCards: Event<CardsChangedEvent>;
  t: Translate;
  /** *Hide identifiers*: a document shown while it is on has its identifiers masked too (it is for reading, not parsing). */
  mask: () => Masker;
  onDidChangeMask: Event<void>;
}

export class CardDocuments implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly fetched = new Map<string, { bytes: Uint8Array; at: number; cardId: string }>();
  /** Documents VS Code watches (the open ones), by URI. */
  private readonly watched = new Map<string, { uri: vscode.Uri; count: number }>();
  private readonly registrations: vscode.Disposable[];

  constructor(private readonly options: CardDocumentsOptions) {
    this.registrations = [
      vscode.workspace.registerFileSystemProvider(CARD_SCHEME, this, { isCaseSensitive: true, isReadonly: true }),
      options.onDidChangeCards((e) => this.cardsChanged(e)),
      options.accounts.onDidChange(() => this.cardsChanged({})),
      options.onDidChangeMask(() => this.cardsChanged({})),
    ];
  }

  watch(uri: vscode.Uri): vscode.Disposable {
    const key = uri.toString();
    const entry = this.watched.get(key) ?? { uri, count: 0 };
    entry.count++;
    this.watched.set(key, entry);
    return new vscode.Disposable(() => {
      if (--entry.count <= 0) this.watched.delete(key);
    });
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const doc = await this.read(uri);
    return { type: vscode.FileType.File, ctime: doc.at, mtime: doc.at, size: doc.bytes.byteLength, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return (await this.read(uri)).bytes;
  }

  readDirectory(): [string, vscode.FileType][] {
    throw vscode.FileSystemError.NoPermissions(this.options.t('Cards are documents of their own; there is no folder to list.'));
  }
  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    for (const r of this.registrations) r.dispose();
    this.changed.dispose();
  }

  private async read(uri: vscode.Uri): Promise<{ bytes: Uint8Array; at: number }> {
    const key = uri.toString();
    const fresh = this.fetched.get(key);
    if (fresh && Date.now() - fresh.at < FRESH_MS) return fresh;
    const { t } = this.options;
    const ref = parseCardDocumentUri(uri);
    if (!ref) throw vscode.FileSystemError.FileNotFound(uri);
    const client = this.options.accounts.get(ref.accountId)?.currentClient();
    if (!client) throw vscode.FileSystemError.Unavailable(t('The account this card belongs to is not signed in.'));
    let card: SimDeviceVO;
    try {
      card = await client.showSimCard({ sim_card_id: ref.cardId });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'GSL.00011001' || code === 'GSL.00011011') throw vscode.FileSystemError.FileNotFound(uri);
      throw vscode.FileSystemError.Unavailable(errorMessage(err, t));
    }
    const doc = { bytes: new TextEncoder().encode(this.options.mask()(`${stringifyJson(card, 2)}\n`)), at: Date.now(), cardId: ref.cardId };
    this.fetched.set(key, doc);
    return doc;
  }

  private cardsChanged(e: CardsChangedEvent): void {
    const ids = e.cardIds ? new Set(e.cardIds) : undefined;
    const events: vscode.FileChangeEvent[] = [];
    for (const [key, { uri }] of this.watched) {
      const ref = parseCardDocumentUri(uri);
      if (ref && (!e.accountId || e.accountId === ref.accountId) && (!ids || ids.has(ref.cardId))) {
        this.fetched.delete(key);
        events.push({ type: vscode.FileChangeType.Changed, uri });
      }
    }
    if (!ids) this.fetched.clear();
    if (events.length) this.changed.fire(events);
  }
}
