import type { SimDeviceVO } from '../gsl/models';
import type { AccountId } from '../core/accounts';
import { cardDescription, cardLabel } from '../core/cardText';
import { errorMessage } from '../core/errorWords';
import { simStatusWord } from '../core/words';
import { classifyFindInput, findQuery, validateFindInput } from '../fleet/findInput';
import type { CommandContext } from './commandContext';
import { revealInTree } from './revealInTree';

interface Match {
  accountId: AccountId;
  card: SimDeviceVO;
}

/**
 * simFleet.card.find — asks for an ICCID, IMSI, MSISDN or IMEI (the core's shapes, as the hovers
 * read them), finds the card in every signed-in account, whatever the filter, and reveals it in
 * the tree, loading it into its group if its page is not loaded. The server searches ICCIDs, IMEIs
 * and MSISDNs; it cannot search IMSIs, which the card lookup finds by reading the fleets.
 */
export async function findCard(ctx: CommandContext, text?: unknown): Promise<SimDeviceVO | undefined> {
  const { t, ui } = ctx;
  const fleets = ctx.fleets.all();
  if (fleets.length === 0) {
    void ui.info(t('Sign in or start the demo fleet first.'));
    return undefined;
  }
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
  let matches: Match[];
  const query = findQuery(shaped);
  if (query) {
    // Every signed-in account is searched, at once.
    const answers = await Promise.allSettled(
      fleets.map(async (fleet) => {
        const client = fleet.account.currentClient();
        const found = client ? (await client.listSimCards({ ...query, limit: 10, offset: 1 })).sim_cards : [];
        return found.map((card) => ({ accountId: fleet.account.id, card }));
      }),
    );
    matches = answers.flatMap((a) => (a.status === 'fulfilled' ? a.value : []));
    const failure = answers.find((a): a is PromiseRejectedResult => a.status === 'rejected');
    if (matches.length === 0 && failure) {
      void ui.error(errorMessage(failure.reason, t));
      return undefined;
    }
  } else {
    const found = await ctx.lookup.resolveOne(shaped, { urgent: true });
    if (found.state === 'unknown' && found.reason === 'tooLarge') {
      void ui.info(t('This fleet is too large to look IMSIs up (the GSL API cannot search by IMSI).'));
      return undefined;
    }
    matches = found.state === 'found' ? [{ accountId: found.found.accountId, card: found.found.card }] : [];
  }
  if (matches.length === 0) {
    void ui.info(t('No card matches {0}.', shaped.value));
    return undefined;
  }
  let match = matches[0];
  if (matches.length > 1) {
    const several = fleets.length > 1;
    const chosen = await ui.pickOne(
      matches.map((m) => ({
        value: m,
        label: cardLabel(m.card),
        description: [several ? ctx.accounts.get(m.accountId)?.label : undefined, simStatusWord(m.card.sim_status, t), cardDescription(m.card, t)].filter(Boolean).join(' · '),
      })),
      { title: t('{0} cards match {1}', matches.length, shaped.value) },
    );
    if (!chosen) return undefined;
    match = chosen;
  }
  ctx.milestones.reached('found');
  await revealInTree(ctx, match.accountId, match.card);
  return match.card;
}
