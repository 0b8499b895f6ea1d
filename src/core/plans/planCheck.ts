/**
 * Whether each change of a plan can run as written, and if not, what to fix: the words of the
 * diagnostics, the dry run and the results file. Two steps:
 *
 * 1. `readChanges` — the file alone: the card as an identifier, the action, the value and
 *    attribute turned into an `ActionInput` and checked by `inputProblem` (cardInputs.ts).
 * 2. `judgeChanges` — against the fleet, from facts gathered by the caller (the cards found, the
 *    account's tags and attributes, the work orders this window follows, the results of an
 *    earlier apply): whether the action applies (`whyNotApplicable`, cardRules.ts), whether the
 *    card already shows it (`alreadyDone`), a work order still running, the 5-minute rule, and
 *    what the input means for this card (`inputSkipReason`).
 *
 * No rule of what an action does is decided here: each is asked of cardRules.ts and
 * cardInputs.ts. Pure (the caller passes `t`).
 */
import type { SimDeviceVO } from '../../gsl/models';
import type { AccountId } from '../accounts';
import type { ActionInput, CardAction, Carrier } from '../cardRules';
import { ACTION_NOUNS, ACTION_WORDS, CARD_ACTIONS, actionKind, alreadyDone, whyNotApplicable } from '../cardRules';
import type { Problem } from '../cardInputs';
import { inputProblem, inputSkipReason, tagNameProblem } from '../cardInputs';
import { formatTime } from '../dateText';
import { SAME_OPERATION_WINDOW_MS } from '../errorWords';
import type { CardIdentifier } from '../identifiers';
import { IDENTIFIER_WORDS, classifyIdentifier } from '../identifiers';
import type { Translate } from '../translate';
import type { WorkOrderOutcome } from '../workOrders';
import { simStatusWord } from '../words';
import type { AttributeRef } from './planActions';
import { PLAN_ACTIONS, planAction, readAttributeRef, readPlanInput } from './planActions';
import type { PlanColumn, PlanEntry, PlanFile } from './planFile';
import { lineIndex } from './planFile';
import type { PlanResult } from './planResults';
import { changeKey } from './planResults';

/** How a card is named in a plan. */
export type CardRef = { kind: 'identifier'; id: CardIdentifier } | { kind: 'cardId'; value: string } | { kind: 'cid'; value: string };

export type FindingKind =
  | 'unreadable'
  | 'unknownAction'
  | 'invalidValue'
  | 'unknownAccount'
  | 'unknownCard'
  | 'ambiguousCard'
  | 'duplicate'
  | 'notApplicable'
  | 'pendingWorkOrder'
  | 'fiveMinuteRule'
  | 'notSent'
  | 'uncertain'
  | 'done'
  | 'unchecked';

export interface Finding {
  kind: FindingKind;
  severity: 'error' | 'warning' | 'info';
  /** The sentence, in the person's language; data from the file is quoted in it as text. */
  message: string;
  /** The field it is about (the diagnostic underlines it); the whole change otherwise. */
  field?: PlanColumn;
}

/** A change as the file says it, read but not yet checked against the fleet. */
export interface PlannedChange {
  entry: PlanEntry;
  index: number;
  /** 1-based line where it starts. */
  line: number;
  action?: CardAction;
  /** The input, without the attribute's slot when it is named (that depends on the account). */
  input?: ActionInput;
  attribute?: AttributeRef;
  card?: CardRef;
  /** The account the change names (its own, else the plan's), as written. */
  account?: string;
  /** What it says, to match a result of an earlier apply. */
  key: string;
  findings: Finding[];
}

const say = (t: Translate, p: Problem): string => t(p.message, ...p.args);


/** How a card text names a card, or why it names none. */
export function readCardRef(text: string): CardRef | Problem {
  const s = text.trim();
  const id = classifyIdentifier(s);
  if (id) return { kind: 'identifier', id };
  if (/^89\d{17,18}[Ff]?$/.test(s)) return { message: 'The check digit of this ICCID does not match the others; check the number.', args: [] };
  if (/^\d{1,20}$/.test(s)) return { kind: 'cardId', value: s };
  if (/^[A-Za-z0-9][A-Za-z0-9_-]{2,127}$/.test(s)) return { kind: 'cid', value: s };
  return { message: 'Give the card as an ICCID, MSISDN, IMSI, container id or card id.', args: [] };
}

/** The card reference as a sentence names it: "ICCID 8986…", "card id 4710…". */
export function cardRefText(ref: CardRef, t: Translate): string {
  switch (ref.kind) {
    case 'identifier':
      return `${t(IDENTIFIER_WORDS[ref.id.kind])} ${ref.id.value}`;
    case 'cardId':
      return t('card id {0}', ref.value);
    case 'cid':
      return t('container id {0}', ref.value);
  }
}

/** Step 1: what each change says, and what is wrong with it on its face. */
export function readChanges(file: PlanFile, text: string, t: Translate): PlannedChange[] {
  const lineOf = lineIndex(text);
  const actionList = CARD_ACTIONS.join(', ');
  return file.entries.map((entry): PlannedChange => {
    const f = entry.fields;
    const findings: Finding[] = [];
    const change: PlannedChange = {
      entry,
      index: entry.index,
      line: lineOf(entry.start),
      account: f.account?.text ?? file.account?.text,
      key: changeKey({ card: f.card?.text, action: f.action?.text, value: f.value?.text, attribute: f.attribute?.text, account: f.account?.text ?? file.account?.text }),
      findings,
    };
    if (entry.unreadable) {
      findings.push({ kind: 'unreadable', severity: 'error', message: say(t, entry.unreadable) });
      return change;
    }
    if (!f.card) findings.push({ kind: 'unreadable', severity: 'error', message: t('Give the card: its ICCID, MSISDN, IMSI, container id or card id.'), field: 'card' });
    else {
      const ref = readCardRef(f.card.text);
      if ('message' in ref) findings.push({ kind: 'unreadable', severity: 'error', message: say(t, ref), field: 'card' });
      else change.card = ref;
    }
    if (!f.action) {
      findings.push({ kind: 'unknownAction', severity: 'error', message: t('Give the action: one of {0}.', actionList), field: 'action' });
      return change;
    }
    const action = planAction(f.action.text);
    if (!action) {
      findings.push({ kind: 'unknownAction', severity: 'error', message: t('"{0}" is not an action a plan can take; use one of {1}.', f.action.text, actionList), field: 'action' });
      return change;
    }
    change.action = action;
    const spec = PLAN_ACTIONS[action];
    if (f.value && f.value.kind === 'other') {
      findings.push({ kind: 'invalidValue', severity: 'error', message: t('Write the value as text, a number or (for tags) a list of names.'), field: 'value' });
      return change;
    }
    const read = readPlanInput(action, f.value);
    if ('problem' in read) {
      findings.push({ kind: 'invalidValue', severity: 'error', message: say(t, read.problem), field: 'value' });
      return change;
    }
    const input: ActionInput = read.input;
    if (spec.attribute) {
      const ref = f.attribute ? readAttributeRef(f.attribute.text) : undefined;
      if (!ref) {
        findings.push({ kind: 'invalidValue', severity: 'error', message: t('Name the custom attribute in the attribute column: its name, or its number 1–6.'), field: 'attribute' });
        return change;
      }
      change.attribute = ref;
    } else if (f.attribute) {
      findings.push({ kind: 'invalidValue', severity: 'warning', message: t('{0} takes no attribute; the attribute is not read.', t(ACTION_WORDS[action])), field: 'attribute' });
    }
    // The slot is the account's business; any one lets the value be checked now.
    const problem = inputProblem(action, spec.attribute ? { ...input, slot: 1 } : input);
    if (problem) {
      findings.push({ kind: 'invalidValue', severity: 'error', message: say(t, problem), field: 'value' });
      return change;
    }
    if (spec.value === 'tags') {
      const bad = (input.tags ?? []).map((n) => tagNameProblem(n)).find((p) => p !== undefined);
      if (bad) {
        findings.push({ kind: 'invalidValue', severity: 'error', message: say(t, bad), field: 'value' });
        return change;
      }
    }
    change.input = input;
    return change;
  });
}

/** Whether step 1 found nothing that stops the change. */
export function readable(change: PlannedChange): boolean {
  return change.action !== undefined && change.input !== undefined && change.card !== undefined && !change.findings.some((f) => f.severity === 'error');
}

/** Where a change's card was found, as the caller looked it up. */
export type CardAnswer =
  | { state: 'found'; accountId: AccountId; card: SimDeviceVO }
  /** In none of the accounts looked in (their labels). */
  | { state: 'absent'; accounts: readonly string[] }
  /** In several accounts, and the change names none. */
  | { state: 'ambiguous'; accounts: readonly string[] }
  | { state: 'unknownAccount'; name: string; signedIn: readonly string[] }
  | { state: 'unchecked'; reason: 'signedOut' | 'error' | 'tooLarge' };

export interface AttributeDef {
  slot: number;
  name: string;
  enabled: boolean;
}

/** What `judgeChanges` needs to know of the fleet; the caller gathers it. */
export interface PlanFacts {
  now: number;
  /** By change index; a change missing here was not looked up (it did not read). */
  cards: ReadonlyMap<number, CardAnswer>;
  /** The account's tag names; undefined when they could not be read. */
  tagNames(accountId: AccountId): ReadonlySet<string> | undefined;
  attributes(accountId: AccountId): readonly AttributeDef[] | undefined;
  /** The action of a work order this window follows on the card, while it runs. */
  pendingAction(accountId: AccountId, cardId: string): CardAction | undefined;
  /** When this window (or an earlier apply of the plan) last started the action on the card. */
  lastStart(accountId: AccountId, cardId: string, action: CardAction): number | undefined;
  /** Results of an earlier apply, by change index. */
  previous: ReadonlyMap<number, PlanResult>;
  /** How a work order of an earlier apply ended, if known. */
  workOrder(accountId: AccountId, cardId: string, workOrderId: string): WorkOrderOutcome | undefined;
  /** The results file's name, for sentences that send the person there. */
  resultsName: string;
  formatTime?: (ms: number) => string;
}

export type VerdictState = 'ready' | 'blocked' | 'done' | 'unchecked';

export interface Verdict {
  change: PlannedChange;
  state: VerdictState;
  findings: Finding[];
  /** The card and its account, once found. */
  accountId?: AccountId;
  card?: SimDeviceVO;
  /** The input with the attribute's slot, ready to send. */
  input?: ActionInput;
}

function carriersText(carriers: readonly Carrier[], t: Translate): string {
  return carriers.map((c) => t(c)).join(', ');
}

/** Step 2: each change against the fleet. */
export function judgeChanges(changes: readonly PlannedChange[], facts: PlanFacts, t: Translate): Verdict[] {
  const time = facts.formatTime ?? formatTime;
  // Changes already judged runnable, by card, to find repeats and a second work order on a card.
  const byCard = new Map<string, Array<{ line: number; action: CardAction; key: string }>>();
  // Work orders the plan will start, by card: the service takes one at a time.
  const ordering = new Map<string, { line: number; action: CardAction }>();
  const byText = new Map<string, number>();
  return changes.map((change): Verdict => {
    const findings = [...change.findings];
    const verdict = (state: VerdictState, extra: Partial<Verdict> = {}): Verdict => ({ change, state, findings, ...extra });
    if (!readable(change)) return verdict('blocked');
    const action = change.action as CardAction;
    const verb = t(ACTION_WORDS[action]);
    // The same words twice are a repeat even before the card is known.
    const earlierText = byText.get(change.key);
    if (earlierText !== undefined) {
      findings.push({ kind: 'duplicate', severity: 'error', message: t('Line {0} has the same change; one is enough. Delete this line.', earlierText) });
      return verdict('blocked');
    }
    byText.set(change.key, change.line);

    const answer = facts.cards.get(change.index);
    const ref = cardRefText(change.card as CardRef, t);
    if (!answer) return verdict('unchecked');
    switch (answer.state) {
      case 'unchecked': {
        const why =
          answer.reason === 'signedOut'
            ? t('Sign in to check this change against the fleet.')
            : answer.reason === 'tooLarge'
              ? t('This fleet is too large to look an IMSI up; name the card by its ICCID or MSISDN.')
              : t('Could not look {0} up now; the SIM Fleet log says why. Run the dry run again.', ref);
        findings.push({ kind: 'unchecked', severity: answer.reason === 'tooLarge' ? 'error' : 'warning', message: why, field: 'card' });
        return verdict(answer.reason === 'tooLarge' ? 'blocked' : 'unchecked');
      }
      case 'unknownAccount':
        findings.push({
          kind: 'unknownAccount',
          severity: 'error',
          message: answer.signedIn.length
            ? t('No signed-in account is named "{0}"; sign in to it, or use one of: {1}.', answer.name, answer.signedIn.join(', '))
            : t('No signed-in account is named "{0}"; sign in to it first.', answer.name),
          field: 'account',
        });
        return verdict('blocked');
      case 'absent':
        findings.push({ kind: 'unknownCard', severity: 'error', message: t('No card of {0} answers to {1}; check the number, or the account.', answer.accounts.join(', '), ref), field: 'card' });
        return verdict('blocked');
      case 'ambiguous':
        findings.push({ kind: 'ambiguousCard', severity: 'error', message: t('{0} is a card of several signed-in accounts ({1}); name the account in the account column.', ref, answer.accounts.join(', ')), field: 'card' });
        return verdict('blocked');
      case 'found':
        break;
    }
    const { accountId, card } = answer;
    const found = { accountId, card };

    // The same card named twice (by its ICCID and its MSISDN, say): the same action, or a second work order.
    const cardKey = `${accountId}\u0000${card.sim_card_id}`;
    const earlier = byCard.get(cardKey) ?? [];
    const same = earlier.find((e) => e.action === action);
    if (same) {
      findings.push({ kind: 'duplicate', severity: 'error', message: t('Line {0} already names this card for {1}; one change is enough. Delete this line.', same.line, verb) });
      return verdict('blocked', found);
    }
    const order = actionKind(action) === 'workOrder' ? ordering.get(cardKey) : undefined;
    if (order) {
      findings.push({ kind: 'duplicate', severity: 'error', message: t('Line {0} already starts a work order on this card ({1}); the service refuses a second one while it runs. Move this change to a later plan.', order.line, t(ACTION_WORDS[order.action])) });
      return verdict('blocked', found);
    }

    // The attribute's slot, by the account's names.
    let input: ActionInput = change.input as ActionInput;
    if (change.attribute) {
      const defs = facts.attributes(accountId);
      const ref = change.attribute;
      const def = defs?.find((d) => ('slot' in ref ? d.slot === ref.slot : d.name === ref.name)) ?? ('name' in ref ? defs?.find((d) => d.name.toLowerCase() === ref.name.toLowerCase()) : undefined);
      if (!def && !('slot' in ref && defs === undefined)) {
        const names = (defs ?? []).map((d) => d.name);
        findings.push({
          kind: 'invalidValue',
          severity: 'error',
          message: names.length
            ? t('The account has no custom attribute "{0}"; its attributes are: {1}.', 'name' in ref ? ref.name : String(ref.slot), names.join(', '))
            : t('The account has no custom attribute "{0}"; create it first (Manage Custom Attributes).', 'name' in ref ? ref.name : String(ref.slot)),
          field: 'attribute',
        });
        return verdict('blocked', found);
      }
      if (def && !def.enabled && action === 'setAttribute') {
        findings.push({ kind: 'invalidValue', severity: 'error', message: t('The custom attribute "{0}" is disabled; enable it first (Manage Custom Attributes).', def.name), field: 'attribute' });
        return verdict('blocked', found);
      }
      input = { ...input, slot: def ? def.slot : (ref as { slot: number }).slot };
    }
    const ready = { ...found, input };
    earlier.push({ line: change.line, action, key: change.key });
    byCard.set(cardKey, earlier);

    // What an earlier apply of this plan did with the change.
    const prev = facts.previous.get(change.index);
    if (prev) {
      const order = prev.workOrderId ? t(' (work order {0})', prev.workOrderId) : '';
      let outcome = prev.outcome;
      if (outcome === 'work-order-pending' && prev.workOrderId) {
        const now = facts.workOrder(accountId, card.sim_card_id, prev.workOrderId);
        if (now === 'succeeded') outcome = 'succeeded';
        else if (now === 'failed') outcome = 'work-order-failed';
        else if (now === 'pending') {
          findings.push({ kind: 'pendingWorkOrder', severity: 'error', message: t('Work order {0} from an earlier apply is still running; wait until it ends, then apply again.', prev.workOrderId) });
          return verdict('blocked', ready);
        } else outcome = 'may-have-been-carried-out';
      }
      if (outcome === 'succeeded') {
        findings.push({ kind: 'done', severity: 'info', message: t('Done in an earlier apply{0}; not sent again.', order) });
        return verdict('done', ready);
      }
      if (outcome === 'may-have-been-carried-out') {
        if (alreadyDone(action, card, input) === true) {
          findings.push({ kind: 'done', severity: 'info', message: t('Done: the earlier request{0} was carried out; not sent again.', order) });
          return verdict('done', ready);
        }
        findings.push({
          kind: 'uncertain',
          severity: 'error',
          message: t('The answer to the earlier request{0} was lost, so it may have been carried out, and the card does not show it yet. Check the card and its work orders; to send it again, delete its row from {1}.', order, facts.resultsName),
        });
        return verdict('blocked', ready);
      }
    }

    const notApplicable = whyNotApplicable(action, card);
    if (notApplicable?.why === 'physicalOnly') {
      findings.push({ kind: 'notApplicable', severity: 'error', message: t('{0} applies to physical cards only; this card is an eSIM or vSIM.', verb) });
      return verdict('blocked', ready);
    }
    if (notApplicable?.why === 'carrier') {
      findings.push({ kind: 'notApplicable', severity: 'error', message: t('{0} applies to {1} cards only.', verb, carriersText(notApplicable.carriers, t)) });
      return verdict('blocked', ready);
    }
    if (alreadyDone(action, card, input) === true) {
      findings.push({ kind: 'done', severity: 'info', message: t('Nothing to do: the card already shows this change; not sent.') });
      return verdict('done', ready);
    }
    if (notApplicable?.why === 'status') {
      const from = notApplicable.from.map((s) => simStatusWord(s, t)).join(', ');
      findings.push({ kind: 'notApplicable', severity: 'error', message: t('{0} applies to cards that are {1}; this card is {2}.', verb, from, simStatusWord(card.sim_status, t)) });
      return verdict('blocked', ready);
    }
    if (notApplicable?.why === 'state') {
      findings.push({ kind: 'notApplicable', severity: 'error', message: notApplicable.blocked ? t(notApplicable.blocked) : t('{0} does not apply to this card as it is now.', verb) });
      return verdict('blocked', ready);
    }
    if (actionKind(action) === 'workOrder') {
      const pending = facts.pendingAction(accountId, card.sim_card_id);
      if (pending) {
        findings.push({ kind: 'pendingWorkOrder', severity: 'error', message: t('A {0} work order is still running on this card; wait until it ends.', t(ACTION_NOUNS[pending])) });
        return verdict('blocked', ready);
      }
      const last = facts.lastStart(accountId, card.sim_card_id, action);
      if (last !== undefined && facts.now - last < SAME_OPERATION_WINDOW_MS) {
        findings.push({ kind: 'fiveMinuteRule', severity: 'error', message: t('{0} ran on this card at {1}; the service refuses the same operation again within 5 minutes. It can run after {2}.', verb, time(last), time(last + SAME_OPERATION_WINDOW_MS)) });
        return verdict('blocked', ready);
      }
    }
    if (action === 'addTags') {
      const names = facts.tagNames(accountId);
      const missing = names ? (input.tags ?? []).filter((n) => !names.has(n)) : [];
      if (missing.length) {
        findings.push({ kind: 'invalidValue', severity: 'error', message: t('The account has no tag named {0}; create it first (Manage Tags).', missing.map((n) => `"${n}"`).join(', ')), field: 'value' });
        return verdict('blocked', ready);
      }
    }
    const skip = inputSkipReason(action, card, input);
    if (skip) {
      findings.push({ kind: 'notSent', severity: 'error', message: say(t, skip) });
      return verdict('blocked', ready);
    }
    if (actionKind(action) === 'workOrder') ordering.set(cardKey, { line: change.line, action });
    return verdict('ready', ready);
  });
}

/** How many changes are in each state, and the ready ones per action, in menu order. */
export function verdictCounts(verdicts: readonly Verdict[]): { ready: number; blocked: number; done: number; unchecked: number; perAction: Array<[CardAction, number]> } {
  const count = (s: VerdictState) => verdicts.filter((v) => v.state === s).length;
  const perAction = CARD_ACTIONS.map((a) => [a, verdicts.filter((v) => v.state === 'ready' && v.change.action === a).length] as [CardAction, number]).filter(([, n]) => n > 0);
  return { ready: count('ready'), blocked: count('blocked'), done: count('done'), unchecked: count('unchecked'), perAction };
}
