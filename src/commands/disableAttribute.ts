import type { AttributeDefinition } from '../core/customAttributes';
import type { CommandContext } from './commandContext';
import { setAttributeEnabled } from './enableAttribute';

/** simFleet.attribute.disable — DisableAttribute, once, after asking: the values stay but cannot be set. */
export function disableAttribute(ctx: CommandContext, arg?: unknown): Promise<AttributeDefinition | undefined> {
  return setAttributeEnabled(ctx, arg, false);
}
