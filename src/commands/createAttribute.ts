import { attributeLimitProblem, attributeNameProblem } from '../core/cardInputs';
import type { AttributeDefinition } from '../core/customAttributes';
import { errorMessage } from '../core/errorWords';
import { say } from './askActionInput';
import { definitionsChanged, readDefinitions } from './attributeHelpers';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';

/** simFleet.attribute.create — CreateAttribute, once, after checking the name and the limit of 6. */
export async function createAttribute(ctx: CommandContext, arg?: unknown): Promise<AttributeDefinition | undefined> {
  const { t, ui } = ctx;
  const fleet = await chooseFleet(ctx, arg, t('Create Custom Attribute'));
  const client = fleet?.account.currentClient();
  if (!fleet || !client) return undefined;
  const defs = await readDefinitions(ctx, fleet);
  if (!defs) return undefined;
  const names = defs.map((d) => d.name);
  const full = attributeLimitProblem(defs.length);
  if (full) {
    void ui.warn(say(t, full));
    return undefined;
  }
  const name = await ui.input({
    title: t('Create Custom Attribute'),
    prompt: t('A name for the attribute (at most 32 characters); its values are set per card.'),
    validateInput: (v) => {
      const p = attributeNameProblem(v, names, true);
      return p ? say(t, p) : undefined;
    },
  });
  if (name === undefined) return undefined;
  const problem = attributeNameProblem(name, names, true);
  if (problem) {
    void ui.warn(say(t, problem));
    return undefined;
  }
  try {
    await client.createAttribute(name.trim());
  } catch (err) {
    void ui.error(t('Could not create the custom attribute "{0}": {1}', name.trim(), errorMessage(err, t, { mutation: true })));
    return undefined;
  }
  ctx.log.info(`Created custom attribute ${name.trim()} on ${fleet.account.label}`);
  await definitionsChanged(ctx, fleet);
  void ui.info(t('Created the custom attribute "{0}".', name.trim()));
  return (await readDefinitions(ctx, fleet))?.find((d) => d.name === name.trim());
}
