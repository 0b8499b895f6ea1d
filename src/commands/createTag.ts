import type { CmTagVO } from '../gsl/models';
import { newTagNamesProblem, splitTagNames } from '../core/cardInputs';
import { errorMessage } from '../core/errorWords';
import { say } from './askActionInput';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';
import { readTags } from './tagHelpers';

/**
 * simFleet.tag.create — CreateTag, once per name typed (names separated by commas). The names are
 * checked first (1–32 characters, no comma or line break, not taken, within the 10,000 an account holds).
 */
export async function createTag(ctx: CommandContext, arg?: unknown): Promise<CmTagVO[] | undefined> {
  const { t, ui } = ctx;
  const fleet = await chooseFleet(ctx, arg, t('Create Tag'));
  const client = fleet?.account.currentClient();
  if (!fleet || !client) return undefined;
  const tags = await readTags(ctx, fleet);
  if (!tags) return undefined;
  const existing = tags.map((x) => x.tag_name);
  const problemOf = (v: string) => newTagNamesProblem(splitTagNames(v), existing);
  const typed = await ui.input({
    title: t('Create Tag'),
    prompt: t('Tag names separated by commas (each up to 32 characters)'),
    validateInput: (v) => {
      const p = problemOf(v);
      return p ? say(t, p) : undefined;
    },
  });
  if (typed === undefined) return undefined;
  const problem = problemOf(typed);
  if (problem) {
    void ui.warn(say(t, problem));
    return undefined;
  }
  const created: CmTagVO[] = [];
  for (const name of splitTagNames(typed)) {
    try {
      created.push(await client.createTag(name));
      ctx.log.info(`Created tag ${name} on ${fleet.account.label}`);
    } catch (err) {
      void ui.error(t('Could not create the tag "{0}": {1}', name, errorMessage(err, t, { mutation: true })));
      return created;
    }
  }
  void ui.info(created.length === 1 ? t('Created the tag "{0}".', created[0].tag_name) : t('Created {0} tags: {1}.', created.length, created.map((x) => x.tag_name).join(', ')));
  return created;
}
