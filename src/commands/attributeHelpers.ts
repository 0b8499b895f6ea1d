/**
 * What the custom attribute commands share: the account's definitions (read fresh), picking one,
 * and telling the rest of the extension they changed (tooltips and panels show the names).
 */
import type { AttributeDefinition } from '../core/customAttributes';
import { attributeDefinitions } from '../core/customAttributes';
import type { AccountFleet } from '../fleet/fleets';
import type { CommandContext } from './commandContext';

export async function readDefinitions(ctx: Pick<CommandContext, 't' | 'ui'>, fleet: AccountFleet): Promise<AttributeDefinition[] | undefined> {
  const raw = await fleet.attributes.refresh();
  if (!raw) {
    void ctx.ui.error(ctx.t('Could not read the account\'s custom attributes; try again.'));
    return undefined;
  }
  return attributeDefinitions(raw);
}

export function definitionState(d: AttributeDefinition, t: CommandContext['t']): string {
  return d.enabled ? t('enabled') : t('disabled');
}

/** The definition an argument names (`{ attribute: { id } }` from Manage Custom Attributes), else the one picked among `offer`. */
export async function pickDefinition(
  ctx: Pick<CommandContext, 't' | 'ui'>,
  defs: readonly AttributeDefinition[],
  title: string,
  arg: unknown,
  offer: (d: AttributeDefinition) => boolean,
  none: string,
): Promise<AttributeDefinition | undefined> {
  const named = typeof arg === 'object' && arg !== null ? (arg as { attribute?: { id?: unknown } }).attribute : undefined;
  if (named && typeof named.id === 'string') return defs.find((d) => d.id === named.id && offer(d));
  const offered = defs.filter(offer);
  if (offered.length === 0) {
    void ctx.ui.info(none);
    return undefined;
  }
  return ctx.ui.pickOne(
    offered.map((d) => ({ value: d, label: d.name, description: definitionState(d, ctx.t) })),
    { title, placeholder: ctx.t('Choose a custom attribute') },
  );
}

/** The names changed: tooltips and panels read them again. */
export async function definitionsChanged(ctx: CommandContext, fleet: AccountFleet): Promise<void> {
  await fleet.attributes.refresh();
  await ctx.refresh.refreshNow();
}
