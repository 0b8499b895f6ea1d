import { describeFilter } from '../fleet/filter';
import type { SavedView } from '../fleet/savedViews';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';
import { deleteView } from './deleteView';
import { renameView } from './renameView';
import { saveView } from './saveView';
import { applyView } from './viewHelpers';

type ViewChoice = { kind: 'view'; view: SavedView } | { kind: 'all' } | { kind: 'save' } | { kind: 'rename' } | { kind: 'delete' };

/** simFleet.view.open — shows a saved view (or the whole fleet); also offers saving, renaming and deleting. */
export async function openView(ctx: CommandContext, arg?: unknown): Promise<SavedView | undefined> {
  const { t } = ctx;
  const fleet = await chooseFleet(ctx, arg, t('Saved Views'));
  if (!fleet) return undefined;
  const current = fleet.model.viewName;
  const views = fleet.views.list();
  const choice = await ctx.ui.pickOne<ViewChoice>(
    [
      ...views.map((v) => ({ value: { kind: 'view' as const, view: v }, label: v.name, description: [v.name === current ? t('current') : undefined, describeFilter(v.filter, v.sort, t)].filter(Boolean).join(' · '), icon: 'bookmark' })),
      { value: { kind: 'all' }, label: t('All cards (no filter)'), icon: 'list-flat' },
      { value: { kind: 'save' }, label: t('Save the current filter and sort as a view…'), icon: 'save' },
      ...(views.length ? [{ value: { kind: 'rename' as const }, label: t('Rename a view…'), icon: 'edit' }, { value: { kind: 'delete' as const }, label: t('Delete a view…'), icon: 'trash' }] : []),
    ],
    { title: t('Saved Views'), placeholder: current ? t('Showing "{0}"', current) : t('Choose a view') },
  );
  if (!choice) return undefined;
  switch (choice.kind) {
    case 'all':
      fleet.model.setFilter({});
      fleet.model.setSort(undefined);
      return undefined;
    case 'save':
      return saveView(ctx, { accountId: fleet.account.id });
    case 'rename':
      await renameView(ctx, { accountId: fleet.account.id });
      return undefined;
    case 'delete':
      await deleteView(ctx, { accountId: fleet.account.id });
      return undefined;
    case 'view':
      return applyView(ctx, fleet, choice.view);
  }
}

