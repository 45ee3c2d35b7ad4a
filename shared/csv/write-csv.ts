/** The one CSV writer: every CSV the service sends (reports, templates, lists) goes through it. */

/**
 * One CSV cell: quoted when it holds a comma, quote or line break, and with a leading
 * apostrophe when it starts like a spreadsheet formula (so a name like "=HYPERLINK(…)" typed
 * into the service cannot run when the file is opened).
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV document (RFC 4180, CRLF line ends) of a header and rows. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
