import { locateValue } from '@core/judge/locate-value.ts';
import type { RowTable } from '@core/judge/scan-rows.ts';

/**
 * Where a preview cell comes from in the judged text: the offset of `column`'s value in
 * row `row` or, when the row has no such key (or is not an object), the row itself. The
 * row table is the judge's own scan (scan-rows.ts), made once per judgement on the first
 * cell asked for; the value is then found by reading that one row only.
 */
export function cellSource(
  text: string,
  table: RowTable,
  row: number,
  column: string | undefined,
): number | undefined {
  const rowStart = table.starts[row];
  if (rowStart === undefined) return undefined;
  if (column === undefined) return rowStart;
  return locateValue(text, rowStart, [column])?.offset ?? rowStart;
}
