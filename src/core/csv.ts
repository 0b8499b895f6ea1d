/** CSV as SIM Fleet writes it (usage, What changed): RFC 4180 fields, safe to open in a spreadsheet. Pure. */

/**
 * One CSV field. Text that a spreadsheet would run as a formula (= + - @, and tab/CR which some
 * programs strip first) gets a leading apostrophe; numbers are written as numbers because a number
 * cannot be a formula, and a negative amount must stay a number.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return csvQuote(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

/** Text as one CSV field, as it is: quoted when it holds a separator, a quote, a line break or edge spaces. */
export function csvQuote(s: string): string {
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: readonly (string | number | undefined)[]): string {
  return cells.map(csvCell).join(',');
}
