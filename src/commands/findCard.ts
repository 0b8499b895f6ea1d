import type { SimDeviceVO } from '../gsl/models';
import { cardDescription, cardLabel } from '../core/cardText';
import { errorMessage } from '../core/errorWords';
import { simStatusWord } from '../core/words';
import { classifyFindInput, findQuery, validateFindInput } from '../fleet/findInput';
import type { CommandContext } from './commandContext';
import { requireClient } from './commandContext';
import { revealInTree } from './revealInTree';

/**
 * simFleet.card.find — asks for an ICCID, IMSI, MSISDN or IMEI (the core's shapes, as the hovers
 * read them), finds the card in the whole fleet, whatever the filter, and reveals it in the tree,
 * loading it into its group if its page is not loaded. The server searches ICCIDs, IMEIs and
 * MSISDNs; it cannot search IMSIs, which the card lookup finds by reading the fleet.
 */
export async function findCard(ctx: CommandContext, text?: unknown): Promise<SimDeviceVO | undefined> {
  const { t, ui } = ctx;
  const client = requireClient(ctx);
  if (!client) return undefined;
  const typed =
    typeof text === 'string'
      ? text
      : await ui.input({
          title: t('Find Card'),
          prompt: t('ICCID (19–20 digits), IMSI or IMEI (15 digits), or MSISDN'),
          placeHolder: '8986…',
          validateInput: (v) => validateFindInput(v, t),
        });
  if (typed === undefined) return undefined;
  const problem = validateFindInput(typed, t);
  const shaped = classifyFindInput(typed);
  if (problem || !shaped) {
    void ui.error(problem ?? t('Enter an ICCID, an IMSI, an MSISDN or an IMEI.'));
    return undefined;
  }
  let cards: SimDeviceVO[];
  try {
    const query = findQuery(shaped);
    if (query) {
      cards = (await client.listSimCards({ ...query, limit: 10, offset: 1 })).sim_cards;
    } else {
      const found = await ctx.lookup.resolveOne(shaped, { urgent: true });
      if (found.state === 'unknown' && found.reason === 'tooLarge') {
        void ui.info(t('This fleet is too large to look IMSIs up (the GSL API cannot search by IMSI).'));
        return undefined;
      }
      cards = found.state === 'found' ? [found.found.card] : [];
    }
  } catch (err) {
    void ui.error(errorMessage(err, t));
    return undefined;
  }
  let card = cards[0];
  if (cards.length === 0) {
    void ui.info(t('No card matches {0}.', shaped.value));
    return undefined;
  }
  if (cards.length > 1) {
    card = (await ui.pickOne(
      cards.map((c) => ({ value: c, label: cardLabel(c), description: `${simStatusWord(c.sim_status, t)} · ${cardDescription(c, t)}` })),
      { title: t('{0} cards match {1}', cards.length, shaped.value) },
    )) as SimDeviceVO;
    if (!card) return undefined;
  }
  await revealInTree(ctx, card);
  return card;
}
