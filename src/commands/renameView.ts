import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';
import { askViewName, pickView } from './viewHelpers';

/** simFleet.view.rename */
export async function renameView(ctx: CommandContext, arg?: unknown): Promise<string | undefined> {
  const { t } = ctx;
  const fleet = await chooseFleet(ctx, arg, t('Rename View'));
  if (!fleet) return undefined;
  const view = await pickView(ctx, fleet, t('Rename View'));
  if (!view) return undefined;
  const name = await askViewName(ctx, t('Rename View'), view.name, fleet.views.list().map((v) => v.name));
  if (!name || name === view.name) return undefined;
  await fleet.views.rename(view.name, name);
  if (fleet.model.viewName === view.name) fleet.model.applyView(name, fleet.model.filter, fleet.model.sort);
  return name;
}

