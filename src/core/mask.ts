/**
 * *Hide identifiers*: for screen sharing and recordings, the middle digits of every ICCID, IMSI,
 * MSISDN and IMEI SIM Fleet shows are replaced with dots. One rule, applied where text leaves for
 * a surface (tree, panels, notifications, quick picks, the log), so nothing shown escapes it;
 * copying still copies the real value, after a warning.
 */

/**
 * A run of 11 to 20 digits standing alone (an ICCID may end in a hex filler letter, an MSISDN may
 * start with +): every identifier SIM Fleet shows has that shape; counts, megabytes, dates and
 * work-order ids do not. GSL's own card ids (16 digits) are hidden too.
 */
const IDENTIFIER = /(?<![0-9A-Za-z])\+?\d{10,19}[0-9A-Fa-f]?(?![0-9A-Za-z])/g;
const DOT = '•';

/** The identifier with its middle replaced: first and last four shown (three and two when short). */
export function maskIdentifier(id: string): string {
  const plus = id.startsWith('+') ? '+' : '';
  const digits = plus ? id.slice(1) : id;
  const [head, tail] = digits.length >= 15 ? [4, 4] : [3, 2];
  if (digits.length <= head + tail) return id;
  return `${plus}${digits.slice(0, head)}${DOT.repeat(digits.length - head - tail)}${digits.slice(-tail)}`;
}

/** Text with every identifier in it masked. */
export function maskIdentifiersIn(text: string): string {
  return text.replace(IDENTIFIER, (m) => (m.replace('+', '').length >= 11 ? maskIdentifier(m) : m));
}

/** What a surface applies to the text it shows: masking when *Hide identifiers* is on, nothing otherwise. */
export type Masker = (text: string) => string;
export const showAll: Masker = (text) => text;

export function masker(hidden: boolean): Masker {
  return hidden ? maskIdentifiersIn : showAll;
}

/** Fields that name a card or account to the program (ids the page sends back), never shown as such. */
const IDENTITY_KEYS = new Set(['cardId', 'cardIds', 'accountId', 'identity']);

/**
 * Every string in a message (deeply) masked, but for the identity fields the page sends back to
 * the host: for webview payloads, whose shown values are all data.
 */
export function maskDeep<T>(value: T, mask: Masker): T {
  if (mask === showAll) return value;
  if (typeof value === 'string') return mask(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => maskDeep(v, mask)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = IDENTITY_KEYS.has(k) ? v : maskDeep(v, mask);
    return out as T;
  }
  return value;
}
