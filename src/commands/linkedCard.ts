/**
 * A card named by a link's `{ accountId, cardId }` (a hover, a document link): checked strictly
 * (core/cardLinks.ts), then fetched from that account.
 */
import type { SimDeviceVO } from '../gsl/models';
import type { AccountId } from '../core/accounts';
import { readAccountCard } from '../core/cardLinks';
import { errorMessage } from '../core/errorWords';
import type { CommandContext } from './commandContext';

export interface LinkedCard {
  accountId: AccountId;
  card: SimDeviceVO;
}

/**
 * `none` when the argument is not a link's (a tree node, nothing); undefined when it is one that
 * cannot be followed (malformed, an account not signed in, the card gone), after saying why.
 */
export async function linkedCard(ctx: CommandContext, arg: unknown): Promise<LinkedCard | 'none' | undefined> {
  const ref = readAccountCard(arg);
  if (ref === 'none') return 'none';
  const { t, ui } = ctx;
  if (ref === 'invalid') {
    ctx.log.warn('A command was given a card link it cannot read; nothing was done.');
    void ui.error(t('This link does not name a SIM card; nothing was done.'));
    return undefined;
  }
  const client = ctx.accounts.get(ref.accountId)?.currentClient();
  if (!client) {
    void ui.info(t('The account this card belongs to is not signed in.'));
    return undefined;
  }
  try {
    return { accountId: ref.accountId, card: await client.showSimCard({ sim_card_id: ref.cardId }) };
  } catch (err) {
    void ui.error(errorMessage(err, t));
    return undefined;
  }
}
