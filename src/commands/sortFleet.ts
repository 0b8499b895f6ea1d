import type { SortKey, SortOrder } from '../gsl/models';
import { SORT_KEYS } from '../gsl/models';
import { SORT_KEY_WORDS, type FleetSort } from '../fleet/filter';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';

/** simFleet.fleet.sort — the server sorts each group by one of the five keys. */
export async function sortFleet(ctx: CommandContext, arg?: unknown): Promise<FleetSort | undefined> {
  const { t } = ctx;
  const fleet = await chooseFleet(ctx, arg, t('Sort Cards'));
  if (!fleet) return undefined;
  const current = fleet.model.sort;
  const items = SORT_KEYS.flatMap((key: SortKey) =>
    (['asc', 'desc'] as SortOrder[]).map((order) => ({
      value: { key, order } as FleetSort | null,
      label: `${t(SORT_KEY_WORDS[key])} ${order === 'asc' ? t('ascending') : t('descending')}`,
      description: current?.key === key && current.order === order ? t('current') : undefined,
    })),
  );
  items.push({ value: null, label: t('Server order (no sorting)'), description: current ? undefined : t('current') });
  const picked = await ctx.ui.pickOne(items, { title: t('Sort Cards'), placeholder: t('Sort every status group by') });
  if (picked === undefined) return undefined;
  fleet.model.setSort(picked ?? undefined);
  return picked ?? undefined;
}
