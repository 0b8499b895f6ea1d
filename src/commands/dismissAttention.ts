import { attentionShort } from '../core/attentionWords';
import { cardLabel } from '../core/cardText';
import type { Dismissal } from '../core/dismissals';
import { DISMISS_CHOICES, DISMISS_WORDS, dismissNoteProblem } from '../core/dismissals';
import { partialCard } from '../fleet/attention';
import { attentionTargets } from './attentionArgs';
import type { AccountScopedCard } from './cardArgs';
import type { CommandContext } from './commandContext';

/**
 * simFleet.attention.dismiss — takes cards out of Needs attention for a while, with a reason,
 * remembered per account. The notification offers Undo; Show Dismissed (the group's last row)
 * lists them with Restore.
 */
export async function dismissAttention(ctx: CommandContext, node?: unknown, nodes?: unknown): Promise<Dismissal[]> {
  const { t, ui } = ctx;
  const title = t('Dismiss from Needs Attention');
  const targets = await attentionTargets(ctx, node, nodes, {
    title,
    placeholder: t('Choose the cards to dismiss'),
    list: (a) => a.cards(),
    empty: (a) => t('No card needs attention on {0}.', a.fleet.account.label),
    item: (c) => ({ value: c, label: c.label, description: attentionShort(c.reasons, t) }),
    card: (c) => partialCard(c),
  });
  if (targets.length === 0) return [];
  const choice = await ui.pickOne(
    DISMISS_CHOICES.map((c) => ({ value: c, label: t(DISMISS_WORDS[c]) })),
    { title, placeholder: t('For how long?') },
  );
  if (!choice) return [];
  const note = await ui.input({
    title,
    prompt: t('Why? (optional; kept with the dismissal on this machine)'),
    validateInput: (v) => {
      const problem = dismissNoteProblem(v);
      return problem ? t(problem, 200) : undefined;
    },
  });
  if (note === undefined || dismissNoteProblem(note)) return [];
  const made: Dismissal[] = [];
  const byAccount = new Map<string, AccountScopedCard[]>();
  for (const target of targets) byAccount.set(target.accountId, [...(byAccount.get(target.accountId) ?? []), target]);
  for (const [accountId, list] of byAccount) {
    const attention = ctx.attention.get(accountId);
    if (!attention) continue;
    made.push(...(await attention.dismiss(list.map(({ card }) => ({ cardId: card.sim_card_id, label: cardLabel(card) })), choice, note)));
  }
  ctx.log.info(`Dismissed ${made.length} card(s) from Needs attention (${choice})`);
  const message = made.length === 1 ? t('Dismissed {0} from Needs attention.', made[0].label) : t('Dismissed {0} cards from Needs attention.', made.length);
  // Not awaited: the command is done; Undo restores exactly these cards.
  void ui.info(message, t('Undo')).then(async (answer) => {
    if (answer !== t('Undo')) return;
    for (const [accountId, list] of byAccount) await ctx.attention.get(accountId)?.restore(list.map(({ card }) => card.sim_card_id));
  });
  return made;
}
