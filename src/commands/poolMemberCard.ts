/**
 * The card a pool member names: a member row carries only the card's container id, so the card is
 * read by it (ListSimCards searching container ids) from the member's account.
 */
import type { SimDeviceVO } from '../gsl/models';
import { errorMessage } from '../core/errorWords';
import type { CommandContext } from './commandContext';

export interface MemberArg {
  accountId: string;
  member: { cid: string };
}

function isMemberArg(x: unknown): x is MemberArg {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as { accountId?: unknown; member?: { cid?: unknown } };
  return typeof o.accountId === 'string' && typeof o.member?.cid === 'string';
}

/** The member's card, or undefined after saying why. */
export async function poolMemberCard(ctx: CommandContext, arg: unknown): Promise<{ accountId: string; card: SimDeviceVO } | undefined> {
  if (!isMemberArg(arg)) return undefined;
  const { t, ui } = ctx;
  const client = ctx.accounts.get(arg.accountId)?.currentClient();
  if (!client) {
    void ui.info(t('The account this card belongs to is not signed in.'));
    return undefined;
  }
  try {
    const page = await client.listSimCards({ main_search_type: 1, main_search_key: arg.member.cid, limit: 10, offset: 1 });
    const card = page.sim_cards.find((c) => c.cid === arg.member.cid);
    if (!card) {
      void ui.info(t('No card with container id {0} was found in this account.', arg.member.cid));
      return undefined;
    }
    return { accountId: arg.accountId, card };
  } catch (err) {
    void ui.error(errorMessage(err, t));
    return undefined;
  }
}
