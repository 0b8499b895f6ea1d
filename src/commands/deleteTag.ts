import type { CmTagVO } from '../gsl/models';
import { errorMessage } from '../core/errorWords';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';
import { pickTag, readTags } from './tagHelpers';

/**
 * simFleet.tag.delete — DeleteTag, once, after a question that says whether cards carry the tag
 * (they lose it). The fleet is read again afterwards, since those cards' tags changed.
 */
export async function deleteTag(ctx: CommandContext, arg?: unknown): Promise<CmTagVO | undefined> {
  const { t, ui } = ctx;
  const fleet = await chooseFleet(ctx, arg, t('Delete Tag'));
  const client = fleet?.account.currentClient();
  if (!fleet || !client) return undefined;
  const tags = await readTags(ctx, fleet);
  if (!tags) return undefined;
  const tag = await pickTag(ctx, tags, t('Delete Tag'), arg);
  if (!tag) return undefined;
  const detail = tag.status === 1 ? t('The tag is in use: every card that has it loses it.') : t('No card has this tag.');
  if (!(await ui.confirm(t('Delete the tag "{0}"?', tag.tag_name), detail, t('Delete')))) return undefined;
  try {
    await client.deleteTag(tag.id);
  } catch (err) {
    void ui.error(t('Could not delete the tag "{0}": {1}', tag.tag_name, errorMessage(err, t, { mutation: true })));
    return undefined;
  }
  ctx.log.info(`Deleted tag ${tag.tag_name} on ${fleet.account.label}`);
  void ui.info(t('Deleted the tag "{0}".', tag.tag_name));
  if (tag.status === 1) await ctx.refresh.refreshNow();
  return tag;
}
