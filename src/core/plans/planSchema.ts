/**
 * The JSON schema of `*.simplan.json`, made from the plan action table (planActions.ts) so the
 * two cannot drift: VS Code's JSON editor uses it for completions, hovers and validation
 * (`contributes.jsonValidation`). `schemas/simplan.schema.json` is this function's output,
 * written by `node scripts/write-plan-schema.mjs` after a build; a unit test holds the file to it.
 * The schema speaks English (VS Code does not translate a contributed schema). Pure.
 */
import { CARD_ACTIONS } from '../cardRules';
import { ATTRIBUTE_VALUE_MAX, MAX_TAGS_PER_CARD, TAG_NAME_MAX } from '../cardInputs';
import type { PlanValueKind } from './planActions';
import { PLAN_ACTIONS, planActionNames, planActionNamesOf as namesOf } from './planActions';

type Schema = Record<string, unknown>;

const VALUE_SCHEMAS: Record<Exclude<PlanValueKind, 'none'>, Schema> = {
  quota: { type: ['integer', 'string'], minimum: -1, pattern: '^(-1|0|[1-9][0-9]{0,9})$', examples: [500, 0, -1] },
  speed: { type: ['integer', 'string'], minimum: -1, examples: ['512 Kbps', '1 Mbps', '7.25 Mbps', 'none'] },
  imei: { type: 'string', pattern: '^[0-9]{15}$' },
  tags: {
    anyOf: [
      { type: 'string', minLength: 1 },
      { type: 'array', minItems: 1, maxItems: MAX_TAGS_PER_CARD, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: TAG_NAME_MAX, pattern: '^[^,]*$' } },
    ],
  },
  attributeValue: { type: 'string', maxLength: ATTRIBUTE_VALUE_MAX },
  sms: { type: 'string', minLength: 1 },
  carrier: { anyOf: [{ type: 'integer', minimum: 1, maximum: 3 }, { type: 'string', minLength: 1 }], examples: [1, 'China Telecom'] },
  policy: { type: ['integer', 'string'], pattern: '^[0-9]{1,19}$' },
};

export function planSchema(): Schema {
  const names = planActionNames();
  const descriptions = CARD_ACTIONS.flatMap((a) => namesOf(a).map((n) => (n === a ? PLAN_ACTIONS[a].description : `Same as "${a}": ${PLAN_ACTIONS[a].description}`)));
  // One branch per action: what its value must be, whether it needs one, and the attribute.
  const branches = CARD_ACTIONS.map((a): Schema => {
    const spec = PLAN_ACTIONS[a];
    const properties: Schema = {};
    if (spec.value === 'none') properties.value = false;
    else properties.value = { ...VALUE_SCHEMAS[spec.value], description: spec.valueDescription };
    if (!spec.attribute) properties.attribute = false;
    const required = [...(spec.valueRequired ? ['value'] : []), ...(spec.attribute ? ['attribute'] : [])];
    return {
      if: { properties: { action: { enum: namesOf(a) } }, required: ['action'] },
      then: { properties, ...(required.length ? { required } : {}) },
    };
  });
  const change: Schema = {
    type: 'object',
    required: ['card', 'action'],
    additionalProperties: false,
    properties: {
      card: { type: ['string', 'integer'], description: 'The card: its ICCID, MSISDN, IMSI, container id (EID or vSIM CID) or GSL card id.' },
      action: { type: 'string', enum: names, enumDescriptions: descriptions, description: 'What to do to the card.' },
      value: { description: 'What the action needs: a threshold, a speed, an IMEI, tag names, an attribute value or an SMS text (see the action).' },
      attribute: { type: ['string', 'integer'], description: 'setAttribute and clearAttribute: the custom attribute, by its name or its number (1–6).' },
      account: { type: 'string', description: 'The signed-in account the card belongs to, by its name as SIM Fleet shows it; when absent, the plan\'s account, else the account that holds the card.' },
      note: { type: 'string', description: 'Free text for the people reviewing the plan; not sent.' },
    },
    allOf: branches,
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'SIM Fleet change plan',
    description: 'Changes to SIM cards, one per card and action, applied by SIM Fleet with Dry run and Apply.',
    definitions: { change },
    oneOf: [
      { type: 'array', items: { $ref: '#/definitions/change' } },
      {
        type: 'object',
        required: ['changes'],
        additionalProperties: false,
        properties: {
          $schema: { type: 'string' },
          account: { type: 'string', description: 'The signed-in account every change acts on, by its name as SIM Fleet shows it.' },
          changes: { type: 'array', items: { $ref: '#/definitions/change' } },
        },
      },
    ],
  };
}

/** The schema as the file holds it. */
export function planSchemaText(): string {
  return `${JSON.stringify(planSchema(), null, 2)}\n`;
}
