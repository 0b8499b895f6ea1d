/**
 * What the saved-view commands share: asking for a view's name, picking a view, and applying one
 * after checking it still holds (a tag it names may have been deleted), saying what no longer does.
 */
import { errorMessage } from '../core/errorWords';
import { MAX_VIEW_NAME, missingTags, viewNameProblem } from '../fleet/savedViews';
import type { SavedView } from '../fleet/savedViews';
import { describeFilter } from '../fleet/filter';
import type { AccountFleet } from '../fleet/fleets';
import type { CommandContext } from './commandContext';

export async function askViewName(ctx: CommandContext, title: string, value: string, taken: readonly string[]): Promise<string | undefined> {
  const { t } = ctx;
  const check = (v: string): string | undefined => {
    const problem = viewNameProblem(v);
    if (problem) return t(problem, MAX_VIEW_NAME);
    return undefined;
  };
  const name = await ctx.ui.input({ title, prompt: t('A name for the view'), value, validateInput: check });
  if (name === undefined || check(name)) return undefined;
  const trimmed = name.trim();
  if (taken.includes(trimmed) && trimmed !== value && !(await ctx.ui.confirm(t('Replace the view "{0}"?', trimmed), t('A view with this name exists; it will be replaced.'), t('Replace')))) return undefined;
  return trimmed;
}

export async function pickView(ctx: CommandContext, fleet: AccountFleet, title: string): Promise<SavedView | undefined> {
  const views = fleet.views.list();
  if (views.length === 0) {
    void ctx.ui.info(ctx.t('No view is saved on this account yet.'));
    return undefined;
  }
  return ctx.ui.pickOne(
    views.map((v) => ({ value: v, label: v.name, description: describeFilter(v.filter, v.sort, ctx.t) })),
    { title },
  );
}

/** Applies a view after checking it still holds; says what no longer does, and applies the rest. */
export async function applyView(ctx: CommandContext, fleet: AccountFleet, view: SavedView): Promise<SavedView | undefined> {
  const { t } = ctx;
  let filter = view.filter;
  if (filter.tags?.length) {
    const client = fleet.account.currentClient();
    try {
      const gone = client ? await missingTags(client, view) : [];
      if (gone.length) {
        filter = { ...filter, tags: filter.tags.filter((tag) => !gone.some((g) => g.id === tag.id)) };
        if (filter.tags?.length === 0) filter = { ...filter, tags: undefined };
        const update = t('Update View');
        void ctx.ui
          .warn(t('The view "{0}" filters by tags that no longer exist: {1}. It is shown without them.', view.name, gone.map((g) => g.name).join(', ')), update)
          .then(async (pressed) => {
            if (pressed === update) await fleet.views.save({ ...view, filter });
          });
      }
    } catch (err) {
      void ctx.ui.error(t('Could not check the view "{0}": {1}', view.name, errorMessage(err, t)));
      return undefined;
    }
  }
  fleet.model.applyView(view.name, filter, view.sort);
  return view;
}

