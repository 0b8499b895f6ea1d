/**
 * Saved views: a filter and a sort kept under a name, per account, across restarts. Applying one
 * checks it still holds first (a tag it filters by may have been deleted) and says what no longer
 * does, instead of failing silently. Plain Node (no `vscode`).
 */
import type { GslApi } from '../gsl/api';
import type { Id } from '../gsl/models';
import type { AccountId } from '../core/accounts';
import { Emitter } from '../core/events';
import type { KeyValueStore } from '../core/storage';
import { stateKeys } from '../core/storage';
import type { FleetFilter, FleetSort } from './filter';

export interface SavedView {
  name: string;
  filter: FleetFilter;
  sort?: FleetSort;
}

export const MAX_VIEW_NAME = 60;

export class SavedViews {
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly store: KeyValueStore,
    private readonly accountId: AccountId,
  ) {}

  list(): readonly SavedView[] {
    const raw = this.store.get<SavedView[]>(stateKeys.views(this.accountId));
    return Array.isArray(raw) ? raw.filter((v) => typeof v?.name === 'string' && typeof v.filter === 'object' && v.filter !== null) : [];
  }

  get(name: string): SavedView | undefined {
    return this.list().find((v) => v.name === name);
  }

  /** Saves (or overwrites) a view under `name`. */
  async save(view: SavedView): Promise<void> {
    await this.write([...this.list().filter((v) => v.name !== view.name), view]);
  }

  async rename(from: string, to: string): Promise<void> {
    await this.write(this.list().filter((v) => v.name !== to).map((v) => (v.name === from ? { ...v, name: to } : v)));
  }

  async delete(name: string): Promise<void> {
    await this.write(this.list().filter((v) => v.name !== name));
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async write(views: SavedView[]): Promise<void> {
    await this.store.update(stateKeys.views(this.accountId), views);
    this.changed.fire();
  }
}

/** Input-box validation of a view's name (English source text for `t`), or undefined when it is fine. */
export function viewNameProblem(name: string): string | undefined {
  const s = name.trim();
  if (s === '') return 'Enter a name for the view.';
  if (s.length > MAX_VIEW_NAME) return 'Enter at most {0} characters.';
  return undefined;
}

/**
 * What in a view no longer holds: the tags it filters by that the account no longer has. Reads
 * the account's tags page by page, and stops as soon as every tag of the view is found.
 */
export async function missingTags(client: Pick<GslApi, 'listTags'>, view: SavedView): Promise<Array<{ id: Id; name: string }>> {
  const wanted = new Map((view.filter.tags ?? []).map((t) => [t.id, t]));
  for (let offset = 1; wanted.size > 0; offset++) {
    const page = await client.listTags({ limit: 500, offset });
    for (const tag of page.tags) wanted.delete(tag.id);
    if (page.tags.length < 500 || offset * 500 >= page.count) break;
  }
  return [...wanted.values()];
}
