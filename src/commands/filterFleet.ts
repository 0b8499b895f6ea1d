import type { DeviceStatus, SimType } from '../gsl/models';
import { errorMessage } from '../core/errorWords';
import { DEVICE_STATUS_WORDS, SIM_TYPE_WORDS } from '../core/words';
import type { AttributeSlot, FleetFilter, MbRange, SearchType } from '../fleet/filter';
import { MAX_TAGS, parseMb, validateAttributeValue, validateMb, validateMsisdn, validateRange, validateSearchKey } from '../fleet/filter';
import type { CommandContext } from './commandContext';
import { chooseFleet } from './commandContext';
import type { AccountFleet } from '../fleet/fleets';

type Facet = 'simType' | 'deviceStatus' | 'tags' | 'search' | 'msisdn' | 'usedMb' | 'leftMb' | 'realNamed' | 'attribute' | 'clear';
const ANY = 'any';

/**
 * simFleet.fleet.filter — adds one condition to the filter (run again to add more). Every
 * condition becomes a ListSimCards parameter: the server filters, the extension never
 * downloads the fleet to filter it.
 */
export async function filterFleet(ctx: CommandContext, arg?: unknown): Promise<FleetFilter | undefined> {
  const { t, ui: p } = ctx;
  // Tags and attributes belong to an account, so a filter does too.
  const fleet = await chooseFleet(ctx, arg, t('Filter Cards'));
  if (!fleet) return undefined;
  const facet = await p.pickOne<Facet>(
    [
      { value: 'simType', label: t('Card type') },
      { value: 'deviceStatus', label: t('Device status') },
      { value: 'tags', label: t('Tags') },
      { value: 'search', label: t('ICCID, batch or IMEI') },
      { value: 'msisdn', label: t('MSISDN') },
      { value: 'usedMb', label: t('Data used (MB)') },
      { value: 'leftMb', label: t('Data left (MB)') },
      { value: 'realNamed', label: t('Real-name registration') },
      { value: 'attribute', label: t('Custom attribute') },
      { value: 'clear', label: t('Clear filter') },
    ],
    { title: t('Filter Cards'), placeholder: t('Filter by') },
  );
  if (!facet) return undefined;
  const next: FleetFilter | undefined = await askFacet(ctx, fleet, facet, { ...fleet.model.filter });
  if (next === undefined) return undefined;
  fleet.model.setFilter(next);
  return next;
}

async function askFacet(ctx: CommandContext, fleet: AccountFleet, facet: Facet, filter: FleetFilter): Promise<FleetFilter | undefined> {
  const { t, ui: p } = ctx;
  switch (facet) {
    case 'clear':
      return {};
    case 'simType': {
      const v = await p.pickOne<SimType | typeof ANY>(
        [{ value: ANY, label: t('Any type') }, ...([3, 2, 1] as SimType[]).map((s) => ({ value: s, label: t(SIM_TYPE_WORDS[s]) }))],
        { title: t('Card type') },
      );
      if (v === undefined) return undefined;
      return { ...filter, simType: v === ANY ? undefined : v };
    }
    case 'deviceStatus': {
      const v = await p.pickOne<DeviceStatus | typeof ANY>(
        [{ value: ANY, label: t('Any device status') }, ...([1, 2, 3, 4] as DeviceStatus[]).map((s) => ({ value: s, label: t(DEVICE_STATUS_WORDS[s]) }))],
        { title: t('Device status') },
      );
      if (v === undefined) return undefined;
      return { ...filter, deviceStatus: v === ANY ? undefined : v };
    }
    case 'tags': {
      const client = fleet.account.currentClient();
      if (!client) return undefined;
      let tags;
      try {
        tags = (await client.listTags({ limit: 500, offset: 1 })).tags;
      } catch (err) {
        void p.error(errorMessage(err, t));
        return undefined;
      }
      if (tags.length === 0) {
        void p.info(t('This account has no tags.'));
        return undefined;
      }
      const chosen = new Set((filter.tags ?? []).map((x) => x.id));
      const picked = await p.pickMany(
        tags.map((tag) => ({ value: { id: tag.id, name: tag.tag_name }, label: tag.tag_name, picked: chosen.has(tag.id) })),
        { title: t('Tags (at most {0})', MAX_TAGS) },
      );
      if (picked === undefined) return undefined;
      if (picked.length > MAX_TAGS) {
        void p.error(t('Choose at most {0} tags; you chose {1}.', MAX_TAGS, picked.length));
        return undefined;
      }
      return { ...filter, tags: picked.length ? picked : undefined };
    }
    case 'search': {
      const type = await p.pickOne<SearchType>(
        [
          { value: 1, label: t('ICCID (or EID/CID for eSIM and vSIM)') },
          { value: 2, label: t('Batch number') },
          { value: 3, label: t('IMEI') },
        ],
        { title: t('Search by') },
      );
      if (type === undefined) return undefined;
      const key = await p.input({ title: t('Search'), prompt: t('Value to search for'), value: filter.search?.type === type ? filter.search.key : '', validateInput: (v) => validateSearchKey(type, v, t) });
      if (key === undefined || validateSearchKey(type, key, t)) return undefined;
      return { ...filter, search: { type, key: key.trim() } };
    }
    case 'msisdn': {
      const v = await p.input({ title: t('MSISDN'), prompt: t('Cards whose MSISDN matches'), value: filter.msisdn ?? '', validateInput: (x) => validateMsisdn(x, t) });
      if (v === undefined || validateMsisdn(v, t)) return undefined;
      return { ...filter, msisdn: v.trim() };
    }
    case 'usedMb':
    case 'leftMb': {
      const range = await askRange(ctx, facet === 'usedMb' ? t('Data used (MB)') : t('Data left (MB)'), filter[facet]);
      if (range === undefined) return undefined;
      return { ...filter, [facet]: range.min === undefined && range.max === undefined ? undefined : range };
    }
    case 'realNamed': {
      const v = await p.pickOne<boolean | typeof ANY>(
        [
          { value: ANY, label: t('Any') },
          { value: true, label: t('Real-name registered') },
          { value: false, label: t('Not real-name registered') },
        ],
        { title: t('Real-name registration') },
      );
      if (v === undefined) return undefined;
      return { ...filter, realNamed: v === ANY ? undefined : v };
    }
    case 'attribute': {
      const client = fleet.account.currentClient();
      if (!client) return undefined;
      let names: string[] = [];
      try {
        const attrs = (await client.listAttributes({ limit: 10, offset: 1 })).attributes;
        names = attrs.map((a) => a.cust_attr_name ?? a.default_attr_name_en ?? '');
      } catch (err) {
        // The names only label the slots; filtering by slot still works without them.
        ctx.log.warn(`Could not list custom attributes: ${errorMessage(err, t)}`);
      }
      const slot = await p.pickOne<AttributeSlot>(
        ([1, 2, 3, 4, 5, 6] as AttributeSlot[]).map((s) => ({ value: s, label: t('Attribute {0}', s), description: names[s - 1] || undefined })),
        { title: t('Custom attribute') },
      );
      if (slot === undefined) return undefined;
      const v = await p.input({ title: t('Attribute {0}', slot), prompt: t('Value to match'), value: filter.attributes?.[slot] ?? '', validateInput: (x) => validateAttributeValue(x, t) });
      if (v === undefined || validateAttributeValue(v, t)) return undefined;
      return { ...filter, attributes: { ...filter.attributes, [slot]: v.trim() } };
    }
  }
}

async function askRange(ctx: CommandContext, title: string, current: MbRange | undefined): Promise<MbRange | undefined> {
  const { t } = ctx;
  const min = await ctx.ui.input({ title, prompt: t('Minimum in MB (empty for none)'), value: current?.min?.toString() ?? '', validateInput: (v) => validateMb(v, t) });
  if (min === undefined || validateMb(min, t)) return undefined;
  const max = await ctx.ui.input({ title, prompt: t('Maximum in MB (empty for none)'), value: current?.max?.toString() ?? '', validateInput: (v) => validateMb(v, t) });
  if (max === undefined || validateMb(max, t)) return undefined;
  const range = { min: parseMb(min), max: parseMb(max) };
  const problem = validateRange(range, t);
  if (problem) {
    void ctx.ui.error(problem);
    return undefined;
  }
  return range;
}
