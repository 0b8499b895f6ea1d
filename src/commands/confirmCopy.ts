import type { CommandContext } from './commandContext';

/**
 * While identifiers are hidden, copying puts the real value on the clipboard, where a screen
 * share cannot see it but a paste can: ask first. Resolves whether to copy (at once when shown).
 */
export async function confirmCopy(ctx: Pick<CommandContext, 'hidden' | 'ui' | 't'>, what: string): Promise<boolean> {
  if (!ctx.hidden.on) return true;
  const { t } = ctx;
  return ctx.ui.confirm(t('Copy the real value of {0}?', what), t('Identifiers are hidden on screen; the clipboard gets the full value, and pasting it shows it.'), t('Copy'));
}
