import type { CmTagVO } from '../gsl/models';
import type { CommandId } from '../core/commandIds';
import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';
import { readTags, tagUse } from './tagHelpers';

type Choice = { kind: 'create' } | { kind: 'tag'; tag: CmTagVO };

/**
 * simFleet.tag.manage — the account's tags, which are in use and which are not; create tags, or
 * choose one to show the cards that have it or to delete it.
 */
export async function manageTags(ctx: CommandContext, arg?: unknown): Promise<void> {
  const { t, ui } = ctx;
  const fleet = await chooseFleet(ctx, arg, t('Manage Tags'));
  if (!fleet) return;
  const tags = await readTags(ctx, fleet);
  if (!tags) return;
  const inUse = tags.filter((x) => x.status === 1).length;
  const choice = await ui.pickOne<Choice>(
    [
      { value: { kind: 'create' }, label: t('Create Tag…'), icon: 'add' },
      ...[...tags].sort((a, b) => b.status - a.status || a.tag_name.localeCompare(b.tag_name)).map((tag) => ({ value: { kind: 'tag' as const, tag }, label: tag.tag_name, description: tagUse(tag, t), icon: tag.status === 1 ? 'tag' : 'circle-outline' })),
    ],
    { title: t('Tags of {0}: {1}, {2} in use', fleet.account.label, tags.length, inUse), placeholder: t('Choose a tag, or create one') },
  );
  if (!choice) return;
  const account = { accountId: fleet.account.id };
  if (choice.kind === 'create') {
    await vscode.commands.executeCommand('simFleet.tag.create' satisfies CommandId, account);
    return;
  }
  const next = await ui.pickOne<'show' | 'delete'>(
    [
      { value: 'show', label: t('Show the Cards with This Tag'), icon: 'filter' },
      { value: 'delete', label: t('Delete Tag…'), icon: 'trash' },
    ],
    { title: choice.tag.tag_name },
  );
  if (next === 'show') fleet.model.setFilter({ ...fleet.model.filter, tags: [{ id: choice.tag.id, name: choice.tag.tag_name }] });
  if (next === 'delete') await vscode.commands.executeCommand('simFleet.tag.delete' satisfies CommandId, { ...account, tag: choice.tag });
}
