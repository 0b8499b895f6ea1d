import type { Dismissal } from '../core/dismissals';
import { dismissalUntilText } from '../core/dismissals';
import { attentionTargets } from './attentionArgs';
import type { CommandContext } from './commandContext';

/** simFleet.attention.restore — brings dismissed cards back into Needs attention. */
export async function restoreAttention(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<Dismissal[]> {
  const { t } = ctx;
  const title = t('Restore to Needs Attention');
  const targets = await attentionTargets(ctx, node, nodes, {
    title,
    placeholder: t('Choose the cards to restore'),
    list: (a) => a.dismissed().map((d) => d.dismissal),
    empty: (a) => t('No card is dismissed on {0}.', a.fleet.account.label),
    item: (d) => ({ value: d, label: d.label, description: [dismissalUntilText(d, t), d.note].filter(Boolean).join(': ') }),
    card: (d) => ({ sim_card_id: d.cardId }),
  });
  const restored: Dismissal[] = [];
  const accounts = new Set(targets.map((x) => x.accountId));
  for (const accountId of accounts) {
    const ids = targets.filter((x) => x.accountId === accountId).map((x) => x.card.sim_card_id);
    restored.push(...((await ctx.attention.get(accountId)?.restore(ids)) ?? []));
  }
  if (restored.length) ctx.log.info(`Restored ${restored.length} card(s) to Needs attention`);
  return restored;
}
