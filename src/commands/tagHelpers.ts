/**
 * What the tag commands share: reading the account's tags (every page) and picking one. Tags
 * belong to an account, so each command first finds the fleet it acts on.
 */
import type { CmTagVO } from '../gsl/models';
import { listAllTags } from '../core/batchPlans';
import { errorMessage } from '../core/errorWords';
import type { AccountFleet } from '../fleet/fleets';
import type { CommandContext } from './commandContext';

/** The account's tags, or undefined after saying why they could not be read. */
export async function readTags(ctx: Pick<CommandContext, 't' | 'ui'>, fleet: AccountFleet): Promise<CmTagVO[] | undefined> {
  const client = fleet.account.currentClient();
  if (!client) return undefined;
  try {
    return await listAllTags(client);
  } catch (err) {
    void ctx.ui.error(ctx.t('Could not read the account\'s tags: {0}', errorMessage(err, ctx.t)));
    return undefined;
  }
}

/** "in use" / "unused", from CmTagVO.status (1 in use). */
export function tagUse(tag: CmTagVO, t: CommandContext['t']): string {
  return tag.status === 1 ? t('in use') : t('unused');
}

/** A tag named by the argument (`{ tag }` from Manage Tags), else the one the person picks. */
export async function pickTag(ctx: Pick<CommandContext, 't' | 'ui'>, tags: readonly CmTagVO[], title: string, arg?: unknown): Promise<CmTagVO | undefined> {
  const named = typeof arg === 'object' && arg !== null ? (arg as { tag?: { id?: unknown } }).tag : undefined;
  if (named && typeof named.id === 'string') return tags.find((x) => x.id === named.id);
  if (tags.length === 0) {
    void ctx.ui.info(ctx.t('This account has no tags yet.'));
    return undefined;
  }
  return ctx.ui.pickOne(
    tags.map((tag) => ({ value: tag, label: tag.tag_name, description: tagUse(tag, ctx.t) })),
    { title, placeholder: ctx.t('Choose a tag') },
  );
}
