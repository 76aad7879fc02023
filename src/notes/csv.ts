/**
 * CSV writing (RFC 4180), in one place: every cell of every CSV Footnote writes goes through `csvCell`.
 *
 * Records end with CRLF; a cell is quoted when it holds a comma, a double quote or a line break, and inner double
 * quotes are doubled. Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return,
 * which some of them skip before looking) as a formula, and a note's quote or comment is text from a web page or
 * from whoever shared the file: such cells get a leading single quote, the OWASP advice against CSV injection.
 */

/** The byte-order mark that makes spreadsheet programs read the file as UTF-8 rather than a legacy code page. */
export const UTF8_BOM = '\uFEFF';

const STARTS_A_FORMULA = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, neutralised against formulas and quoted as RFC 4180 requires. */
export function csvCell(value: string): string {
  const safe = STARTS_A_FORMULA.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of cells as CSV text: cells joined by commas, each record ended by CRLF. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
