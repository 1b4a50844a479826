import type { JsonObject } from '../wire/json-object.ts';

/**
 * Two runs' result rows side by side: rows matched by a key column, cells compared as JSON
 * values, fields marked as noisy left out. Pure, so the page and tests share it.
 */

/** A result row as the download-links answer's `results` hold it (`jsonObjectSchema`). */
export type ResultRow = Readonly<JsonObject>;

export type CellChange = { column: string; before: unknown; after: unknown };

export type ComparedRow =
  | { kind: 'same'; key: string; before: ResultRow; after: ResultRow }
  | { kind: 'changed'; key: string; before: ResultRow; after: ResultRow; changes: CellChange[] }
  | { kind: 'added'; key: string; after: ResultRow }
  | { kind: 'removed'; key: string; before: ResultRow };

export type RunComparison = {
  rows: ComparedRow[];
  /** Columns compared (in either run, noisy ones left out), in first-seen order. */
  columns: string[];
  counts: { same: number; changed: number; added: number; removed: number };
  /** Rows without the key column (or with an empty one), matched by position among them. */
  keyless: number;
};

const own = (row: ResultRow, column: string): boolean =>
  Object.prototype.hasOwnProperty.call(row, column);

/** A key as text: strings as they are, anything else as JSON; missing or empty is none. */
function keyOf(row: ResultRow, column: string): string | undefined {
  if (!own(row, column)) return undefined;
  const value = row[column];
  if (value === null || value === undefined || value === '') return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** JSON equality, key order ignored in objects. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  // Object.entries of an `object` types the values `any`: they are JSON values, unknown here.
  const left: [string, unknown][] = Object.entries(a);
  const right = new Map<string, unknown>(Object.entries(b));
  return (
    left.length === right.size &&
    left.every(([key, value]) => right.has(key) && sameValue(value, right.get(key)))
  );
}

/** Columns in first-seen order across both runs' rows. */
export function columnsOf(...runs: readonly (readonly ResultRow[])[]): string[] {
  const seen = new Set<string>();
  for (const rows of runs)
    for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

/**
 * Rows of `before` and `after` matched by `keyColumn`. A key seen twice matches its nth
 * occurrence with the other run's nth. Rows without a key match by position among keyless rows.
 */
export function compareRuns(
  before: readonly ResultRow[],
  after: readonly ResultRow[],
  keyColumn: string,
  ignored: ReadonlySet<string> = new Set(),
): RunComparison {
  const columns = columnsOf(before, after).filter((column) => !ignored.has(column));
  const label = (row: ResultRow, seen: Map<string, number>): string => {
    const key = keyOf(row, keyColumn) ?? '\u0000keyless';
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    return nth === 1 ? key : `${key}\u0000${nth}`;
  };
  const beforeSeen = new Map<string, number>();
  const byKey = new Map<string, ResultRow>();
  for (const row of before) byKey.set(label(row, beforeSeen), row);
  const afterSeen = new Map<string, number>();
  const rows: ComparedRow[] = [];
  const matched = new Set<string>();
  const shown = (key: string): string =>
    key.startsWith('\u0000keyless') ? '(no key)' : (key.split('\u0000')[0] ?? key);
  for (const row of after) {
    const key = label(row, afterSeen);
    const old = byKey.get(key);
    if (old === undefined) {
      rows.push({ kind: 'added', key: shown(key), after: row });
      continue;
    }
    matched.add(key);
    const changes = columns
      .filter(
        (column) => own(old, column) !== own(row, column) || !sameValue(old[column], row[column]),
      )
      .map((column) => ({ column, before: old[column], after: row[column] }));
    rows.push(
      changes.length === 0
        ? { kind: 'same', key: shown(key), before: old, after: row }
        : { kind: 'changed', key: shown(key), before: old, after: row, changes },
    );
  }
  for (const [key, row] of byKey) {
    if (!matched.has(key)) rows.push({ kind: 'removed', key: shown(key), before: row });
  }
  const counts = { same: 0, changed: 0, added: 0, removed: 0 };
  for (const row of rows) counts[row.kind] += 1;
  const keyless = (beforeSeen.get('\u0000keyless') ?? 0) + (afterSeen.get('\u0000keyless') ?? 0);
  return { rows, columns, counts, keyless };
}

/** The column to match by when the user has not chosen: one every row of both runs has. */
export function suggestKeyColumn(
  before: readonly ResultRow[],
  after: readonly ResultRow[],
  preferred: readonly string[] = ['company_name', 'email', 'id', 'full_name', 'website'],
): string | undefined {
  const all = [...before, ...after];
  const everywhere = columnsOf(before, after).filter((column) =>
    all.every((row) => keyOf(row, column) !== undefined),
  );
  return preferred.find((column) => everywhere.includes(column)) ?? everywhere[0];
}
