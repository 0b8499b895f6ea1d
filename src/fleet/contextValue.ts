/**
 * The one place a card's `contextValue` is built. Menus in package.json match its words with
 * regexes (`viewItem =~ /\bresumable\b/`), so a card can carry several flags at once. Which
 * action applies is the core's rule (`applicableActions`); this only spells it for menus.
 */
import type { SimDeviceVO } from '../gsl/models';
import type { CardAction } from '../core/cardRules';
import { applicableActions, isPhysical } from '../core/cardRules';

/** The menu word for each action, as package.json's `when` clauses match it. */
export const ACTION_FLAGS: Record<CardAction, string> = { resume: 'resumable', stop: 'stoppable', activate: 'activatable' };

export interface CardFlags {
  /** The actions the menus offer now. */
  actions: CardAction[];
  /** A work order this window started for the card has not ended yet. */
  pending: boolean;
  physical: boolean;
  /** Pinned on its account: the menus offer Unpin instead of Pin. */
  pinned: boolean;
}

export function cardFlags(card: SimDeviceVO, pending: boolean, pinned = false): CardFlags {
  // While a work order runs, no further action is offered: the service would refuse it anyway.
  return { actions: pending ? [] : applicableActions(card), pending, physical: isPhysical(card), pinned };
}

export function cardContextValue(flags: CardFlags): string {
  const words = ['simFleet.card', ...flags.actions.map((a) => ACTION_FLAGS[a])];
  if (flags.pending) words.push('pending');
  if (flags.physical) words.push('physical');
  if (flags.pinned) words.push('pinned');
  return words.join(' ');
}

/** The actions a context value offers (the inverse of `cardContextValue`, for tests and menus). */
export function actionsInContextValue(contextValue: string): CardAction[] {
  const words = new Set(contextValue.split(' '));
  return (Object.keys(ACTION_FLAGS) as CardAction[]).filter((a) => words.has(ACTION_FLAGS[a]));
}
