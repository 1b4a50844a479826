/** The file formats a payload can be imported from; CSV and NDJSON become a JSON array. */
export const IMPORT_FORMATS = ['json', 'ndjson', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export type ConversionResult =
  | {
      ok: true;
      /** The payload as JSON text, ready for the editor. */
      text: string;
      rowCount?: number;
      /** Sentences for the user: what was converted, left as text or left out. */
      notes: string[];
    }
  | { ok: false; message: string };

/**
 * Sets an own, enumerable property, so a column named `__proto__` stays a column instead of
 * replacing the row's prototype (contract: such names are ordinary and must round-trip).
 */
export function setOwn(row: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(row, key, { value, enumerable: true, writable: true, configurable: true });
}

export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

/** Pretty-printed like a person would write it, so markers land on readable lines. */
export const rowsToJsonText = (rows: readonly unknown[]): string => JSON.stringify(rows, null, 2);
