import * as vscode from 'vscode';
import type { CommandId } from '../core/commandIds';
import { MAX_ATTRIBUTES } from '../core/cardInputs';
import type { AttributeDefinition } from '../core/customAttributes';
import { definitionState, readDefinitions } from './attributeHelpers';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';

type Choice = { kind: 'create' } | { kind: 'attribute'; def: AttributeDefinition };

/** simFleet.attribute.manage — the account's custom attributes (at most 6): create, rename, enable, disable. */
export async function manageAttributes(ctx: CommandContext, arg?: unknown): Promise<void> {
  const { t, ui } = ctx;
  const fleet = await chooseFleet(ctx, arg, t('Manage Custom Attributes'));
  if (!fleet) return;
  const defs = await readDefinitions(ctx, fleet);
  if (!defs) return;
  const room = defs.length < MAX_ATTRIBUTES;
  const choice = await ui.pickOne<Choice>(
    [
      ...(room ? [{ value: { kind: 'create' as const }, label: t('Create Custom Attribute…'), icon: 'add', description: t('{0} of {1} used', defs.length, MAX_ATTRIBUTES) }] : []),
      ...defs.map((def) => ({ value: { kind: 'attribute' as const, def }, label: def.name, description: definitionState(def, t), detail: `customer_attribute${def.slot}`, icon: def.enabled ? 'symbol-field' : 'circle-slash' })),
    ],
    { title: t('Custom attributes of {0}: {1} of {2}', fleet.account.label, defs.length, MAX_ATTRIBUTES), placeholder: t('Choose an attribute, or create one') },
  );
  if (!choice) return;
  const account = { accountId: fleet.account.id };
  if (choice.kind === 'create') {
    await vscode.commands.executeCommand('simFleet.attribute.create' satisfies CommandId, account);
    return;
  }
  const next = await ui.pickOne<CommandId>(
    [
      { value: 'simFleet.attribute.rename', label: t('Rename…'), icon: 'edit' },
      choice.def.enabled ? { value: 'simFleet.attribute.disable', label: t('Disable'), icon: 'circle-slash' } : { value: 'simFleet.attribute.enable', label: t('Enable'), icon: 'check' },
    ],
    { title: choice.def.name },
  );
  if (next) await vscode.commands.executeCommand(next, { ...account, attribute: { id: choice.def.id } });
}
