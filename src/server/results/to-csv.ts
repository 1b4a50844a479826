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

/** Rows rendered per chunk by `csvChunks`. */
const CHUNK_ROWS = 1_000;

/**
 * RFC 4180 CSV (CRLF line ends, quotes doubled) with a header row, in chunks of a thousand
 * rows, so a large download is rendered as the client reads it instead of in one long task.
 * Text cells that start with = + - @ tab or CR get a leading single quote so a spreadsheet
 * shows them as text.
 */
export function* csvChunks(rows: readonly Row[]): Generator<string> {
  const columns = columnsOf(rows);
  let chunk = `${columns.map((column) => quote(cellText(column))).join(',')}\r\n`;
  for (const [index, row] of rows.entries()) {
    chunk += columns
      .map((column) => quote(cellText(Object.hasOwn(row, column) ? row[column] : undefined)))
      .join(',');
    chunk += '\r\n';
    if ((index + 1) % CHUNK_ROWS === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** The whole CSV of `rows` as one string (see csvChunks). */
export const toCsv = (rows: readonly Row[]): string => [...csvChunks(rows)].join('');
