import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';
import { pickView } from './viewHelpers';

/** simFleet.view.delete */
export async function deleteView(ctx: CommandContext, arg?: unknown): Promise<string | undefined> {
  const { t } = ctx;
  const fleet = await chooseFleet(ctx, arg, t('Delete View'));
  if (!fleet) return undefined;
  const view = await pickView(ctx, fleet, t('Delete View'));
  if (!view) return undefined;
  if (!(await ctx.ui.confirm(t('Delete the view "{0}"?', view.name), t('The cards are not changed; only the saved filter and sort go.'), t('Delete')))) return undefined;
  await fleet.views.delete(view.name);
  return view.name;
}
