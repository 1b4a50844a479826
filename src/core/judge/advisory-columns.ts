import { columnNameKey } from '../spec/column-name.ts';
import { admit, report } from './finding-collector.ts';
import { advisoryColumnMessage, loneSurrogateKeyMessage } from './finding-messages.ts';
import { cellPointer, type JudgeContext, type PayloadLayout } from './judge-context.ts';
import { isWellFormedText } from './well-formed.ts';

/**
 * Columns the rows hold but the spec does not declare, each reported once with the number
 * of rows that hold it. A name that differs from a declared one only by case, spaces or
 * Unicode form is probably a typo, so it is a warning rather than a note.
 */
export function reportAdvisoryColumns(
  { table, out }: JudgeContext,
  rowCount: number,
  layout: PayloadLayout,
): void {
  if (table.advisory.length === 0) return;
  const declaredByKey = new Map<string, string>();
  for (const column of table.declared) declaredByKey.set(columnNameKey(column.name), column.name);
  for (const column of table.advisory) {
    const pointer = cellPointer(column.firstRow, layout, column.name);
    const nearMiss = declaredByKey.get(columnNameKey(column.name));
    const severity = nearMiss === undefined ? 'info' : 'warning';
    if (admit(out, 'advisory_column', severity)) {
      out.findings.push({
        kind: 'advisory_column',
        severity,
        row: column.firstRow,
        column: column.name,
        pointer,
        message: advisoryColumnMessage(column.name, column.present, rowCount, nearMiss),
      });
    }
    if (!isWellFormedText(column.name)) {
      report(out, {
        kind: 'lone_surrogate',
        severity: 'warning',
        row: column.firstRow,
        column: column.name,
        pointer,
        message: loneSurrogateKeyMessage(column.firstRow, column.name),
      });
    }
  }
}
