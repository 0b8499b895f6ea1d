/**
 * What an action needs besides its cards, asked with quick picks and input boxes: a threshold, a
 * speed the cards' carriers offer, a device, tags, an attribute and its value, a message. Every box
 * validates with the core's rules as the person types; the runner checks the answer again before
 * any request (a scripted answer, or a value from elsewhere, never skips the check).
 */
import * as vscode from 'vscode';
import type { CmAttributeVO } from '../gsl/models';
import type { ActionInput, CardAction, CardRecord, Carrier } from '../core/cardRules';
import { ACTION_WORDS, attributeValuesOf, carrierOf, needsInput, tagNamesOf } from '../core/cardRules';
import type { Problem } from '../core/cardInputs';
import {
  MAX_TAGS_PER_CARD,
  NO_SPEED_LIMIT,
  attributeValueProblem,
  commonSpeedValues,
  imeiProblem,
  newTagNamesProblem,
  quotaProblem,
  smsLength,
  smsProblem,
  speedText,
  splitTagNames,
} from '../core/cardInputs';
import { listAllTags } from '../core/batchPlans';
import type { AttributeDefinition } from '../core/customAttributes';
import { attributeDefinitions } from '../core/customAttributes';
import { errorMessage } from '../core/errorWords';
import { CARRIER_OF_NUMBER, carrierNumberWord, switchTargets } from '../core/threeNetwork';
import { pickSwitchPolicy } from './switchPolicies';
import type { AccountFleet } from '../fleet/fleets';
import type { CommandContext } from './commandContext';

type Ctx = Pick<CommandContext, 't' | 'ui' | 'log'>;

export const say = (t: CommandContext['t'], p: Problem): string => t(p.message, ...p.args);

/** The cards an action will run on, with their fleets (the one or several accounts they belong to). */
export interface InputTargets {
  cards: readonly CardRecord[];
  fleets: readonly AccountFleet[];
}

/** The answers, or undefined when the person cancelled (or a step failed and said why). */
export async function askActionInput(ctx: Ctx, action: CardAction, targets: InputTargets, preset: ActionInput = {}): Promise<ActionInput | undefined> {
  const { t, ui } = ctx;
  const title = t(ACTION_WORDS[action]);
  const check = (p: (v: string) => Problem | undefined) => (v: string) => {
    const problem = p(v);
    return problem ? say(t, problem) : undefined;
  };
  if (!needsInput(action)) return {};
  switch (action) {
    case 'setUsageCutoff': {
      if (preset.quotaMb !== undefined) return { quotaMb: preset.quotaMb };
      const quotaMb = await ui.input({
        title: t('{0}: threshold in MB', title),
        prompt: t('The network is cut once a card has used this much data; 0 cuts it as soon as data is used, -1 sets no threshold.'),
        placeHolder: '500',
        validateInput: check(quotaProblem),
      });
      return quotaMb === undefined ? undefined : { quotaMb: quotaMb.trim() };
    }
    case 'limitSpeed': {
      if (preset.kbps !== undefined) return { kbps: preset.kbps };
      const carriers = new Set<Carrier>(targets.cards.map((c) => carrierOf(c)));
      const values = commonSpeedValues(carriers);
      const current = targets.cards.length === 1 ? targets.cards[0].speed_value : undefined;
      const kbps = await ui.pickOne<number>(
        [
          { value: NO_SPEED_LIMIT, label: t('No limit'), description: current === NO_SPEED_LIMIT ? t('current') : undefined },
          ...values.map((v) => ({ value: v, label: speedText(v), description: current === v ? t('current') : undefined })),
        ],
        {
          title: t('{0}: speeds {1} offers', title, [...carriers].map((c) => t(c)).join(' + ')),
          placeholder: carriers.size > 1 ? t('Only the limits every carrier of these cards offers') : t('Choose the limit'),
        },
      );
      return kbps === undefined ? undefined : { kbps };
    }
    case 'bindImei': {
      if (preset.bindType !== undefined) return { bindType: preset.bindType, imei: preset.imei };
      const [only] = targets.cards;
      // A fixed rebind names one device, so it is offered for one China Telecom card only.
      if (targets.cards.length !== 1 || carrierOf(only) !== 'China Telecom') return { bindType: 1 };
      const left = only.imei_bind_remain_times ?? 0;
      const bindType = await ui.pickOne<1 | 2>(
        [
          { value: 1, label: t('The device the card is in now'), detail: t('Forget the old device and bind the one in use.') },
          { value: 2, label: t('A device by its IMEI…'), detail: t('Bind the card to the device with the IMEI you enter.') },
        ],
        { title: t('{0}: {1} rebinds left this month', title, left), placeholder: t('Bind the card to') },
      );
      if (bindType === undefined) return undefined;
      if (bindType === 1) return { bindType };
      const imei = await ui.input({ title: t('{0}: device IMEI', title), prompt: t('15 digits, the last one a check digit (*#06# on most devices)'), validateInput: check(imeiProblem) });
      return imei === undefined ? undefined : { bindType, imei: imei.trim() };
    }
    case 'addTags':
      return preset.tags ? { tags: preset.tags } : askTagsToAdd(ctx, targets, title);
    case 'removeTags': {
      if (preset.tags) return { tags: preset.tags };
      const counts = new Map<string, number>();
      for (const c of targets.cards) for (const n of tagNamesOf(c)) counts.set(n, (counts.get(n) ?? 0) + 1);
      const tags = await ui.pickMany<string>(
        [...counts].sort((a, b) => a[0].localeCompare(b[0])).map(([name, n]) => ({ value: name, label: name, description: t('on {0} of {1} cards', n, targets.cards.length) })),
        { title: t('{0}: choose the tags', title), placeholder: t('Tags to remove from the cards') },
      );
      return tags?.length ? { tags } : undefined;
    }
    case 'setAttribute': {
      const defs = await definitionsOf(ctx, targets.fleets);
      if (!defs) return undefined;
      const def = await pickAttribute(ctx, defs, title, preset.slot, () => true);
      if (!def) return undefined;
      if (preset.value !== undefined) return { slot: def.slot, value: preset.value };
      const current = targets.cards.length === 1 ? (attributeValuesOf(targets.cards[0])[def.slot - 1] ?? '') : '';
      const value = await ui.input({
        title: t('{0}: {1}', title, def.name),
        prompt: t('The value (at most 100 characters); leave it empty to clear the value.'),
        value: current,
        validateInput: check(attributeValueProblem),
      });
      return value === undefined ? undefined : { slot: def.slot, value };
    }
    case 'clearAttribute': {
      const defs = await definitionsOf(ctx, targets.fleets);
      if (!defs) return undefined;
      const def = await pickAttribute(ctx, defs, title, preset.slot, (d) => targets.cards.some((c) => attributeValuesOf(c)[d.slot - 1] !== undefined));
      return def ? { slot: def.slot } : undefined;
    }
    case 'switchNetwork': {
      if (preset.carrierType !== undefined) return { carrierType: preset.carrierType };
      const [only] = targets.cards;
      const online = targets.cards.length === 1 ? only.threeNetwork?.online_carrier : undefined;
      const carrierType = await ui.pickOne<number>(
        switchTargets(targets.cards).map((n) => ({ value: n, label: t(CARRIER_OF_NUMBER[n]) })),
        {
          title: online !== undefined ? t('{0}: online with {1} now', title, carrierNumberWord(online, t)) : title,
          placeholder: t('The carrier to switch to'),
        },
      );
      return carrierType === undefined ? undefined : { carrierType };
    }
    case 'applySwitchPolicy': {
      if (preset.policyId !== undefined) return { policyId: preset.policyId, policyName: preset.policyName };
      const policy = await pickSwitchPolicy(ctx, targets.fleets[0], title);
      return policy && { policyId: policy.id, policyName: policy.policy_name ?? undefined };
    }
    case 'sendSms': {
      if (preset.content !== undefined) return { content: preset.content };
      const content = await ui.input({
        title: t('{0}: message', title),
        prompt: t('One SMS: up to 160 characters, or 70 with characters outside the GSM alphabet (such as Chinese).'),
        validateInput: (v) => {
          const problem = smsProblem(v);
          if (problem) return say(t, problem);
          const len = smsLength(v);
          // A count as the person types, which does not stop them.
          return { message: t('{0} of {1} characters', len.used, len.limit), severity: vscode.InputBoxValidationSeverity.Info };
        },
      });
      return content === undefined ? undefined : { content };
    }
  }
}

const NEW_TAG = '\u0000new';

/** Existing tags to pick, or new ones to create (each created once, never retried) and add. */
async function askTagsToAdd(ctx: Ctx, targets: InputTargets, title: string): Promise<ActionInput | undefined> {
  const { t, ui } = ctx;
  // Tags belong to accounts: with cards of several accounts, names are offered from the first
  // and created where missing when the requests are planned.
  const fleet = targets.fleets[0];
  const client = fleet?.account.currentClient();
  if (!client) return undefined;
  let tags;
  try {
    tags = await listAllTags(client);
  } catch (err) {
    void ui.error(t('Could not read the account\'s tags: {0}', errorMessage(err, t)));
    return undefined;
  }
  const chosen = await ui.pickMany<string>(
    [
      { value: NEW_TAG, label: t('New tag…'), icon: 'add', description: t('create tags and add them') },
      ...tags.map((tag) => {
        const on = targets.cards.filter((c) => tagNamesOf(c).includes(tag.tag_name)).length;
        return { value: tag.tag_name, label: tag.tag_name, description: on ? t('on {0} of {1} cards', on, targets.cards.length) : undefined };
      }),
    ],
    { title: t('{0}: choose the tags', title), placeholder: t('Tags to add to the cards (at most {0})', MAX_TAGS_PER_CARD) },
  );
  if (!chosen?.length) return undefined;
  const names = chosen.filter((n) => n !== NEW_TAG);
  if (chosen.includes(NEW_TAG)) {
    const existing = tags.map((x) => x.tag_name);
    const check = (v: string) => {
      const p = newTagNamesProblem(splitTagNames(v), existing);
      return p ? say(t, p) : undefined;
    };
    const typed = await ui.input({ title: t('{0}: new tags', title), prompt: t('Tag names separated by commas (each up to 32 characters)'), validateInput: check });
    if (typed === undefined) return undefined;
    const problem = newTagNamesProblem(splitTagNames(typed), existing);
    if (problem) {
      void ui.warn(say(t, problem));
      return undefined;
    }
    for (const name of splitTagNames(typed)) {
      try {
        await client.createTag(name);
        ctx.log.info(`Created tag ${name} on ${fleet.account.label}`);
      } catch (err) {
        void ui.error(t('Could not create the tag "{0}": {1}', name, errorMessage(err, t, { mutation: true })));
        return undefined;
      }
      names.push(name);
    }
  }
  return { tags: [...new Set(names)] };
}

async function definitionsOf(ctx: Ctx, fleets: readonly AccountFleet[]): Promise<AttributeDefinition[] | undefined> {
  const { t, ui } = ctx;
  // Attributes belong to accounts; with several, the first one's definitions name the slots.
  const raw: CmAttributeVO[] | undefined = await fleets[0]?.attributes.refresh();
  if (!raw) {
    void ui.error(t('Could not read the account\'s custom attributes; try again.'));
    return undefined;
  }
  const defs = attributeDefinitions(raw).filter((d) => d.enabled);
  if (defs.length === 0) {
    void ui.info(t('This account has no enabled custom attribute; create or enable one with Manage Custom Attributes.'));
    return undefined;
  }
  return defs;
}

async function pickAttribute(ctx: Ctx, defs: AttributeDefinition[], title: string, slot: number | undefined, offer: (d: AttributeDefinition) => boolean): Promise<AttributeDefinition | undefined> {
  if (slot !== undefined) {
    const def = defs.find((d) => d.slot === slot);
    if (!def) void ctx.ui.warn(ctx.t('Custom attribute {0} is not defined or not enabled.', slot));
    return def;
  }
  const offered = defs.filter(offer);
  if (offered.length === 0) {
    void ctx.ui.info(ctx.t('None of the cards has a value for an enabled custom attribute.'));
    return undefined;
  }
  return ctx.ui.pickOne(
    offered.map((d) => ({ value: d, label: d.name })),
    { title: ctx.t('{0}: choose the attribute', title) },
  );
}
