/**
 * The one place a card's `contextValue` is built. Menus in package.json match its words with
 * regexes (`viewItem =~ /\bresumable\b/`), so a card can carry several flags at once. Which
 * action applies is the core's rule (`offeredActions`); this only spells it for menus.
 */
import type { CardAction, CardRecord } from '../core/cardRules';
import { CARD_ACTIONS, isPhysical, offeredActions } from '../core/cardRules';

/** The menu word for each action, as package.json's `when` clauses match it. No word is another's prefix. */
export const ACTION_FLAGS: Record<CardAction, string> = {
  resume: 'resumable',
  stop: 'stoppable',
  activate: 'activatable',
  cutNetwork: 'netCuttable',
  restoreNetwork: 'netRestorable',
  setUsageCutoff: 'cutoffSettable',
  cancelUsageCutoff: 'cutoffCancellable',
  limitSpeed: 'speedLimitable',
  bindImei: 'imeiBindable',
  checkRealName: 'realNameCheckable',
  clearRealName: 'realNameClearable',
  switchNetwork: 'networkSwitchable',
  applySwitchPolicy: 'switchPolicySettable',
  addTags: 'taggable',
  removeTags: 'untaggable',
  setAttribute: 'attributeSettable',
  clearAttribute: 'attributeClearable',
  sendSms: 'smsSendable',
};

export interface CardFlags {
  /** The actions the menus offer now. */
  actions: CardAction[];
  /** A work order this window started for the card has not ended yet. */
  pending: boolean;
  physical: boolean;
  /** Pinned on its account: the menus offer Unpin instead of Pin. */
  pinned: boolean;
  /** Needs attention names it (the menus offer Dismiss), or the person dismissed it (they offer Restore). */
  attention?: 'needs' | 'dismissed';
  /** In a data pool: the menus offer Show Pool. */
  pooled?: boolean;
}

/**
 * `partial`: only what a snapshot keeps is known of the card (its full record is being read), so
 * no action is offered yet: which apply depends on fields it lacks.
 */
export function cardFlags(card: CardRecord, pending: boolean, pinned = false, extra: { attention?: CardFlags['attention']; partial?: boolean } = {}): CardFlags {
  // While a work order runs, no action that starts another is offered: the service would refuse it.
  const actions = extra.partial ? [] : offeredActions(card, pending);
  return { actions, pending, physical: isPhysical(card), pinned, pooled: !!card.sim_pool_id, ...(extra.attention ? { attention: extra.attention } : {}) };
}

export function cardContextValue(flags: CardFlags): string {
  const words = ['simFleet.card', ...flags.actions.map((a) => ACTION_FLAGS[a])];
  if (flags.pending) words.push('pending');
  if (flags.physical) words.push('physical');
  if (flags.pinned) words.push('pinned');
  if (flags.attention === 'needs') words.push('attention');
  if (flags.attention === 'dismissed') words.push('dismissed');
  if (flags.pooled) words.push('pooled');
  return words.join(' ');
}

/** The actions a context value offers (the inverse of `cardContextValue`, for tests and menus). */
export function actionsInContextValue(contextValue: string): CardAction[] {
  const words = new Set(contextValue.split(' '));
  return CARD_ACTIONS.filter((a) => words.has(ACTION_FLAGS[a]));
}
