import type { Row } from '../runs/blocks/row.ts';

/** Cells a spreadsheet would read as a formula (CSV injection, OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return FORMULA_START.test(value) ? `'${value}` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const json = JSON.stringify(value);
  return FORMULA_START.test(json) ? `'${json}` : json;
}

const quote = (text: string): string =>
  /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;

/** The columns of a set of rows, in first-seen order. */
export function columnsOf(rows: readonly Row[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  return [...columns];
}

/**
 * RFC 4180 CSV (CRLF line ends, quotes doubled) with a header row. Text cells that start
 * with = + - @ tab or CR get a leading single quote so a spreadsheet shows them as text.
 */
export function toCsv(rows: readonly Row[]): string {
  const columns = columnsOf(rows);
  const lines = [columns.map((column) => quote(cellText(column))).join(',')];
  for (const row of rows) {
    lines.push(
      columns
        .map((column) => quote(cellText(Object.hasOwn(row, column) ? row[column] : undefined)))
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
