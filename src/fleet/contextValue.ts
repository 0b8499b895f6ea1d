/**
 * The one place a card's `contextValue` is built. Menus in package.json match its words with
 * regexes (`viewItem =~ /\bresumable\b/`), so a card can carry several flags at once.
 */
import type { SimDeviceVO } from '../gsl/models';
import { canActivate, canResume, canStop, isPhysical } from './cardActions';

export interface CardFlags {
  resumable: boolean;
  stoppable: boolean;
  activatable: boolean;
  /** A work order this window started for the card has not ended yet. */
  pending: boolean;
  physical: boolean;
}

export function cardFlags(card: SimDeviceVO, pending: boolean): CardFlags {
  // While a work order runs, no further action is offered: the service would refuse it anyway.
  return {
    resumable: !pending && canResume(card),
    stoppable: !pending && canStop(card),
    activatable: !pending && canActivate(card),
    pending,
    physical: isPhysical(card),
  };
}

export function cardContextValue(flags: CardFlags): string {
  const words = ['simFleet.card'];
  for (const name of ['resumable', 'stoppable', 'activatable', 'pending', 'physical'] as const) {
    if (flags[name]) words.push(name);
  }
  return words.join(' ');
}
