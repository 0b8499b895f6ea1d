/**
 * The account's custom attribute definitions (ListAttributes) and the six value slots of a card
 * (customer_attribute1…6): which definition names which slot, so a value is always shown under
 * its attribute's name and written to the right field. Pure.
 */
import type { CmAttributeVO, Id } from '../gsl/models';
import { ATTRIBUTE_SLOTS } from './cardRules';
import type { Translate } from './translate';

export interface AttributeDefinition {
  id: Id;
  /** 1–6: the card field customer_attribute<slot> holds its values. */
  slot: number;
  /** The name the person gave it, else the default name. */
  name: string;
  enabled: boolean;
}

/**
 * The definitions by slot. The API does not say which slot a definition fills, so a default name
 * ending in the slot number ("Custom attribute 3", "自定义属性三" aside) wins; the rest fill the
 * free slots in list order.
 */
export function attributeDefinitions(attributes: readonly CmAttributeVO[] | undefined): AttributeDefinition[] {
  const bySlot = new Map<number, AttributeDefinition>();
  const rest: CmAttributeVO[] = [];
  for (const a of attributes ?? []) {
    const slot = /([1-6])\s*$/.exec(a.default_attr_name_en ?? '');
    const n = slot ? Number(slot[1]) : undefined;
    if (n !== undefined && !bySlot.has(n)) bySlot.set(n, definition(a, n));
    else rest.push(a);
  }
  for (const n of ATTRIBUTE_SLOTS) {
    if (bySlot.has(n)) continue;
    const a = rest.shift();
    if (a) bySlot.set(n, definition(a, n));
  }
  return [...bySlot.values()].sort((x, y) => x.slot - y.slot);
}

function definition(a: CmAttributeVO, slot: number): AttributeDefinition {
  return { id: a.id, slot, name: a.cust_attr_name || a.default_attr_name_en || a.default_attr_name_cn || '', enabled: a.status === 1 };
}

/** Names of customer_attribute1…6, for labels: the definition's name, else "Custom attribute n". */
export function attributeNames(attributes: readonly CmAttributeVO[] | undefined, t: Translate): string[] {
  const defs = attributeDefinitions(attributes);
  return ATTRIBUTE_SLOTS.map((n) => defs.find((d) => d.slot === n && d.name)?.name ?? t('Custom attribute {0}', n));
}
