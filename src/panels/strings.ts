/**
 * The words the panel pages show around the data. The host translates them (vscode.l10n.t) and
 * sends them in `init`; the page never loads a bundle itself. Chinese: l10n/parts/panels.zh-cn.json.
 */
import type { Translate } from '../core/translate';
import type { Strings } from './protocol';

export const WEBVIEW_STRINGS: readonly string[] = [
  // shared
  'Loading…',
  'Something went wrong',
  'Retry',
  'Refresh',
  // card detail
  'Copy',
  'Copy {0}',
  'Card actions',
  'Open usage',
  'Pin',
  'Unpin',
  'Keep the card in the Pinned group at the top of the Cards view',
  'Take the card out of the Pinned group',
  'Plan traffic used',
  'Work orders',
  'Work orders started from this window',
  'No work orders were started for this card in this window.',
  'Work order',
  'Action',
  'Status',
  'Started',
  'Finished',
  'Reason',
  'History',
  'Plans',
  'This card has no plan.',
  'Every plan of this card: the main plan, then add-ons',
  'Kind',
  'Valid',
  'Left',
  'No work order has touched this card.',
  'Every work order that touched this card, newest first',
  'Type',
  'Started by',
  'Order status',
  'This card',
  'Created',
  '{0} actions',
  'SMS',
  'SMS actions',
  'No SMS was sent to this card yet.',
  'SMS sent to this card, newest first',
  'Sent',
  'Message',
  'Delivery',
  'Delivered at',
  // usage
  'Cards',
  'Usage actions',
  'Show tables',
  'Show charts',
  'Export CSV',
  'Daily traffic',
  'Monthly traffic',
  'Daily traffic in {0}, MB',
  'Monthly traffic over the last six months, MB',
  'No days with data in this month yet.',
  '{0} chart. Use "Show tables" for the numbers.',
  'Traffic (MB)',
  'Day',
  'Month',
  'Total',
  'Plan usage',
  'Card',
  'Plan',
  'Used',
  'Used (MB)',
  'Left (MB)',
  'Total (MB)',
  // forecast (both panels)
  'Forecast for this cycle',
  'Forecast chart: {0} {1}',
  'Plan total {0} MB',
  'Projected (MB)',
  'Likely range (MB)',
  'Forecast for this cycle, MB (plan total {0})',
  'Used so far',
  'Projection',
  'Likely range',
  'Plan total',
];

export function localizedStrings(t: Translate): Strings {
  const out: Strings = {};
  for (const s of WEBVIEW_STRINGS) out[s] = t(s);
  return out;
}
