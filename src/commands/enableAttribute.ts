import type { AttributeDefinition } from '../core/customAttributes';
import { errorMessage } from '../core/errorWords';
import { definitionsChanged, pickDefinition, readDefinitions } from './attributeHelpers';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';

/** simFleet.attribute.enable — EnableAttribute, once: its values can be set on cards again. */
export async function enableAttribute(ctx: CommandContext, arg?: unknown): Promise<AttributeDefinition | undefined> {
  return setAttributeEnabled(ctx, arg, true);
}

/** Enable or disable, the one path both commands share (disabling asks first). */
export async function setAttributeEnabled(ctx: CommandContext, arg: unknown, enable: boolean): Promise<AttributeDefinition | undefined> {
  const { t, ui } = ctx;
  const title = enable ? t('Enable Custom Attribute') : t('Disable Custom Attribute');
  const fleet = await chooseFleet(ctx, arg, title);
  const client = fleet?.account.currentClient();
  if (!fleet || !client) return undefined;
  const defs = await readDefinitions(ctx, fleet);
  if (!defs) return undefined;
  const def = await pickDefinition(ctx, defs, title, arg, (d) => d.enabled !== enable, enable ? t('Every custom attribute is enabled.') : t('No custom attribute is enabled.'));
  if (!def) return undefined;
  if (!enable && !(await ui.confirm(t('Disable the custom attribute "{0}"?', def.name), t('Its values stay on the cards, but cannot be set or changed until it is enabled again.'), t('Disable')))) return undefined;
  try {
    await (enable ? client.enableAttribute(def.id) : client.disableAttribute(def.id));
  } catch (err) {
    void ui.error(t('Could not change the custom attribute "{0}": {1}', def.name, errorMessage(err, t, { mutation: true })));
    return undefined;
  }
  ctx.log.info(`${enable ? 'Enabled' : 'Disabled'} custom attribute ${def.name} on ${fleet.account.label}`);
  await definitionsChanged(ctx, fleet);
  void ui.info(enable ? t('Enabled the custom attribute "{0}".', def.name) : t('Disabled the custom attribute "{0}".', def.name));
  return { ...def, enabled: enable };
}
