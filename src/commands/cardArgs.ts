/**
 * Turns a handler's `(node?, nodes?)` into cards. Tree menus pass the clicked node and the
 * selection; panels pass `{ card }`; the palette passes nothing.
 */
import type { SimDeviceVO } from '../gsl/models';

export interface CardCarrier {
  card: SimDeviceVO;
}

function isCarrier(x: unknown): x is CardCarrier {
  return typeof x === 'object' && x !== null && typeof (x as CardCarrier).card === 'object' && (x as CardCarrier).card !== null && typeof (x as CardCarrier).card.sim_card_id === 'string';
}

export function cardsFromArgs(node?: unknown, nodes?: unknown): SimDeviceVO[] {
  const selected = Array.isArray(nodes) ? nodes.filter(isCarrier) : [];
  // A right-click on a card outside the selection acts on that card alone.
  const list = selected.length > 0 && (!isCarrier(node) || selected.some((n) => n.card.sim_card_id === node.card.sim_card_id)) ? selected : isCarrier(node) ? [node] : [];
  const seen = new Set<string>();
  return list.map((n) => n.card).filter((c) => !seen.has(c.sim_card_id) && seen.add(c.sim_card_id));
}
