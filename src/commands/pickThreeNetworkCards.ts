import type { SimDeviceVO } from '../gsl/models';
import { errorMessage } from '../core/errorWords';
import { plainText } from '../core/text';
import { carrierNumberWord } from '../core/threeNetwork';
import type { AccountFleet } from '../fleet/fleets';
import type { CommandContext } from './commandContext';

/**
 * The palette's card picker for Switch Network and Apply Switch Policy: the account's
 * three-network cards (ListSimDeviceMultiply), each with the carrier it is online with and its
 * policy; the cards chosen are then read (ShowSimCard) for the rules. Undefined when cancelled or
 * after saying why nothing can be chosen.
 */
export async function pickThreeNetworkCards(ctx: Pick<CommandContext, 't' | 'ui'>, fleet: AccountFleet, title: string): Promise<SimDeviceVO[] | undefined> {
  const { t, ui } = ctx;
  const client = fleet.account.currentClient();
  if (!client) return undefined;
  try {
    const known = [...(await fleet.threeNetwork.all()).values()];
    if (known.length === 0) {
      void ui.info(t('The account {0} has no three-network cards.', fleet.account.label));
      return undefined;
    }
    const chosen = await ui.pickMany(
      known.map((c) => ({
        value: c,
        label: plainText(c.cid),
        description: plainText([t('online with {0}', carrierNumberWord(c.online_carrier, t)), c.policy_name].filter(Boolean).join(' · ')),
      })),
      { title, placeholder: t('Three-network cards') },
    );
    if (!chosen?.length) return undefined;
    return await Promise.all(chosen.map((c) => client.showSimCard({ sim_card_id: c.sim_card_id })));
  } catch (err) {
    void ui.error(t('Could not read the account\'s three-network cards: {0}', errorMessage(err, t)));
    return undefined;
  }
}
