import { isFilterActive } from '../fleet/filter';
import type { SavedView } from '../fleet/savedViews';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';
import { askViewName } from './viewHelpers';

/** simFleet.view.save — saves the account's current filter and sort under a name. */
export async function saveView(ctx: CommandContext, arg?: unknown): Promise<SavedView | undefined> {
  const { t } = ctx;
  const fleet = await chooseFleet(ctx, arg, t('Save View'));
  if (!fleet) return undefined;
  const { model } = fleet;
  if (!isFilterActive(model.filter) && model.sort === undefined) {
    void ctx.ui.info(t('Filter or sort the cards first; a view keeps the filter and the sort.'));
    return undefined;
  }
  const name = await askViewName(ctx, t('Save View'), model.viewName ?? '', fleet.views.list().map((v) => v.name));
  if (!name) return undefined;
  const view: SavedView = { name, filter: model.filter, sort: model.sort };
  await fleet.views.save(view);
  model.applyView(name, view.filter, view.sort);
  ctx.milestones.reached('viewSaved');
  void ctx.ui.info(t('View "{0}" saved.', name));
  return view;
}

