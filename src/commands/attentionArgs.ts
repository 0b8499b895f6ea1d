/** Which account's Needs attention a command acts on, and which of its cards. */
import type { SimDeviceVO } from '../gsl/models';
import type { AccountAttention } from '../fleet/attention';
import type { SnapshotEntry } from '../fleet/fleetHistory';
import { formatDate } from '../core/dateText';
import type { PickItem } from '../host/ui';
import type { AccountScopedCard } from './cardArgs';
import { cardsFromArgs } from './cardArgs';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';

/** The account its argument names, else the only one, else the one picked; undefined (after saying why) when it is off. */
export async function chooseAttention(ctx: CommandContext, arg: unknown, title: string): Promise<AccountAttention | undefined> {
  const fleet = await chooseFleet(ctx, arg, title);
  if (!fleet) return undefined;
  const attention = ctx.attention.get(fleet.account.id);
  if (!attention || attention.state.kind === 'off') {
    void ctx.ui.info(ctx.t('Needs attention is turned off (setting simFleet.attention.enabled).'));
    return undefined;
  }
  return attention;
}

export interface CardChoice<T> {
  title: string;
  placeholder: string;
  /** The cards offered, and what to say when there are none. */
  list(attention: AccountAttention): T[];
  empty(attention: AccountAttention): string;
  item(x: T): PickItem<T>;
  card(x: T): SimDeviceVO;
}

/** The cards a tree menu or selection names; from the palette, the ones the person picks from `choice.list`. */
export async function attentionTargets<T>(ctx: CommandContext, node: unknown, nodes: unknown, choice: CardChoice<T>): Promise<AccountScopedCard[]> {
  const named = cardsFromArgs(node, nodes, ctx.fleets.only()?.account.id);
  if (named.length > 0) return named;
  const attention = await chooseAttention(ctx, node, choice.title);
  if (!attention) return [];
  const offered = choice.list(attention);
  if (offered.length === 0) {
    void ctx.ui.info(choice.empty(attention));
    return [];
  }
  const picked = await ctx.ui.pickMany(offered.map(choice.item), { title: choice.title, placeholder: choice.placeholder });
  return (picked ?? []).map((x) => ({ accountId: attention.accountId, card: choice.card(x) }));
}

/**
 * An account's snapshot taken before `before` (epoch ms; none: any): the one `{ since }` in `arg`
 * names (links, tests), else the one the person picks, newest first. Says so when there is none.
 */
export async function chooseEarlierSnapshot(ctx: CommandContext, attention: AccountAttention, before: number | undefined, arg: unknown, title: string): Promise<SnapshotEntry | undefined> {
  const { t, ui } = ctx;
  const older = (await ctx.attention.history.list(attention.accountId)).filter((e) => before === undefined || e.takenAt < before);
  if (older.length === 0) {
    void ui.info(t('No earlier snapshot of {0} to compare with yet: one is kept each day while VS Code runs, or use Take Fleet Snapshot Now.', attention.fleet.account.label));
    return undefined;
  }
  const since = (arg as { since?: unknown } | undefined)?.since;
  if (typeof since === 'number') return older.find((e) => e.takenAt === since);
  return ui.pickOne(
    [...older].reverse().map((e) => ({ value: e, label: formatDate(new Date(e.takenAt).toISOString(), ctx.t), description: new Date(e.takenAt).toLocaleTimeString(), icon: 'history' })),
    { title, placeholder: t('Since which snapshot?') },
  );
}
