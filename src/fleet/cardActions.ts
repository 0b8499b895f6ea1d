/**
 * Which lifecycle actions apply to a card (gsl-api.md 5.2, 5.3). Pure, so menus, commands and
 * unit tests agree on one rule.
 */
import type { SimDeviceVO } from '../gsl/models';
import type { CardAction } from './services';

/** China Mobile cards suspended for a violation (6) or a device/SIM separation (7) must be rebound, not resumed. */
const NOT_RESUMABLE_OPERATOR_STATUSES = new Set([6, 7]);

export const CARD_ACTIONS: readonly CardAction[] = ['resume', 'stop', 'activate'];

export function isPhysical(card: Pick<SimDeviceVO, 'sim_type'>): boolean {
  return card.sim_type === 3;
}

export function canResume(card: SimDeviceVO): boolean {
  return card.sim_status === 14 && !NOT_RESUMABLE_OPERATOR_STATUSES.has(card.operator_status ?? -1);
}

export function canStop(card: SimDeviceVO): boolean {
  return card.sim_status === 20;
}

/** Enable is a physical-card operation. */
export function canActivate(card: SimDeviceVO): boolean {
  return (card.sim_status === 10 || card.sim_status === 13) && isPhysical(card);
}

export function actionApplies(action: CardAction, card: SimDeviceVO): boolean {
  switch (action) {
    case 'resume':
      return canResume(card);
    case 'stop':
      return canStop(card);
    case 'activate':
      return canActivate(card);
  }
}

/** The status a card reaches when the action's work order completes. */
export function targetStatus(action: CardAction): 14 | 20 {
  return action === 'stop' ? 14 : 20;
}

/** Verb shown in menus and messages, English source text for `t`. */
export const ACTION_WORDS: Record<CardAction, string> = { resume: 'Resume', stop: 'Stop', activate: 'Activate' };
