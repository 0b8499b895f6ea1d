/** Everything a route handler may reach: the fleet, work orders, the extra datasets and the clock. */
import type { NetworkSwitchPolicyVo, SimDeviceMultiplyVo, SmsSendDetailQueryVo } from '../gsl/models';
import type { AccountIdentity } from './catalog';
import type { Authenticator } from './auth';
import type { Card } from './generator';
import type { FleetStore } from './store';
import type { WorkOrderBook } from './workOrders';
import { asId, isIccid } from './validate';
import { badParam, noSuchCard, noSuchIccid } from './errors';

export interface SmsRecord extends SmsSendDetailQueryVo {
  sentMs: number;
}

export interface SimContext {
  readonly store: FleetStore;
  readonly book: WorkOrderBook;
  readonly auth: Authenticator;
  readonly account: AccountIdentity;
  readonly now: () => number;
  readonly sms: SmsRecord[];
  readonly multiply: SimDeviceMultiplyVo[];
  readonly policies: NetworkSwitchPolicyVo[];
  readonly endpoint: () => string;
  nextPolicyId: bigint;
}

/**
 * The card a `/v1/sim-cards/{sim_card_id}/...` call names: by id, or by ICCID when the id is 0
 * (gsl-api.md 1.2). An unknown id is GSL.00011001, an unknown ICCID GSL.00011011.
 */
export function resolveCard(sim: SimContext, idParam: string, iccid: unknown): Card {
  const id = asId(idParam);
  if (id === undefined) throw badParam('sim_card_id must be a non-negative integer');
  if (iccid !== undefined && iccid !== null && !isIccid(iccid)) throw badParam('iccid must be 19–20 characters');
  if (id === '0') {
    if (iccid === undefined || iccid === null) throw badParam('iccid is required when sim_card_id is 0');
    const card = sim.store.byCardIccid(iccid as string);
    if (!card) throw noSuchIccid(iccid as string);
    return card;
  }
  const card = sim.store.byCardId(id);
  if (!card) throw noSuchCard(id);
  return card;
}
