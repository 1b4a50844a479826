/** One row as it flows between blocks: a JSON object whose keys are all plain data. */
export type Row = Record<string, unknown>;

/** A row with `extra` entries added or replaced, built without ever assigning through a prototype. */
export function withEntries(row: Row, extra: [string, unknown][]): Row {
  const entries = new Map<string, unknown>(Object.entries(row));
  for (const [key, value] of extra) entries.set(key, value);
  return Object.fromEntries(entries);
}

/** Own value of a column (never an inherited one such as `constructor`). */
export const cell = (row: Row, column: string): unknown =>
  Object.hasOwn(row, column) ? row[column] : undefined;

/** A cell as text, for comparisons and grouping. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
