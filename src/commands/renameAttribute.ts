import { attributeNameProblem } from '../core/cardInputs';
import type { AttributeDefinition } from '../core/customAttributes';
import { errorMessage } from '../core/errorWords';
import { say } from './askActionInput';
import { definitionsChanged, pickDefinition, readDefinitions } from './attributeHelpers';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';

/** simFleet.attribute.rename — UpdateAttribute, once: the values stay, shown under the new name. */
export async function renameAttribute(ctx: CommandContext, arg?: unknown): Promise<AttributeDefinition | undefined> {
  const { t, ui } = ctx;
  const fleet = await chooseFleet(ctx, arg, t('Rename Custom Attribute'));
  const client = fleet?.account.currentClient();
  if (!fleet || !client) return undefined;
  const defs = await readDefinitions(ctx, fleet);
  if (!defs) return undefined;
  const def = await pickDefinition(ctx, defs, t('Rename Custom Attribute'), arg, () => true, t('This account has no custom attributes yet.'));
  if (!def) return undefined;
  const others = defs.filter((d) => d.id !== def.id).map((d) => d.name);
  const name = await ui.input({
    title: t('Rename "{0}"', def.name),
    prompt: t('The new name (at most 32 characters); the values on the cards stay.'),
    value: def.name,
    validateInput: (v) => {
      const p = attributeNameProblem(v, others, false);
      return p ? say(t, p) : undefined;
    },
  });
  if (name === undefined || name.trim() === def.name) return undefined;
  const problem = attributeNameProblem(name, others, false);
  if (problem) {
    void ui.warn(say(t, problem));
    return undefined;
  }
  try {
    await client.updateAttribute(def.id, name.trim());
  } catch (err) {
    void ui.error(t('Could not rename the custom attribute "{0}": {1}', def.name, errorMessage(err, t, { mutation: true })));
    return undefined;
  }
  ctx.log.info(`Renamed custom attribute ${def.name} to ${name.trim()} on ${fleet.account.label}`);
  await definitionsChanged(ctx, fleet);
  void ui.info(t('Renamed "{0}" to "{1}".', def.name, name.trim()));
  return { ...def, name: name.trim() };
}
