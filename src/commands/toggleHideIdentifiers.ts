import { settings } from '../host/settings';
import type { CommandContext } from './commandContext';

/** simFleet.view.hideIdentifiers / simFleet.view.showIdentifiers — masks (or shows again) the middle digits of identifiers everywhere. */
export async function hideIdentifiers(_ctx: CommandContext): Promise<void> {
  await settings.setHideIdentifiers(true);
}

export async function showIdentifiers(_ctx: CommandContext): Promise<void> {
  await settings.setHideIdentifiers(false);
}
