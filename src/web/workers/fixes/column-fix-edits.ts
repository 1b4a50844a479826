import { judgePayloadText } from '@core/judge/judge-payload.ts';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import { missingColumnEdit } from './missing-column.ts';
import { type TextEdit, fixValue } from './value-fix.ts';

/** What a column fix mends: values of the wrong type, or the column missing from rows. */
export const COLUMN_FIX_KINDS = ['type_mismatch', 'missing_required'] as const;
export type ColumnFixKind = (typeof COLUMN_FIX_KINDS)[number];

/**
 * Every edit that gives one column's wrongly typed values its type (or, for
 * `missing_required`, adds the column with a typed placeholder where a row lacks it), over all rows (the
 * judgement the page holds keeps at most 1,000 findings a kind; this judges without a cap).
 * Runs in the judge worker, so 100k rows never hold up the page; the page applies the edits
 * as one undoable operation.
 */
export function columnFixEdits(
  text: string,
  spec: SpecModel,
  columns: readonly string[],
  kind: ColumnFixKind = 'type_mismatch',
): TextEdit[] {
  const types = new Map(
    spec.columns
      .filter((column) => columns.includes(column.name))
      .map((column) => [column.name, column.type]),
  );
  if (types.size === 0) return [];
  const judgement = judgePayloadText(text, spec, { maxFindingsPerKind: Number.MAX_SAFE_INTEGER });
  const edits: TextEdit[] = [];
  const read = (offset: number, length: number): string => text.slice(offset, offset + length);
  for (const finding of judgement.findings) {
    if (finding.kind !== kind || finding.column === null) continue;
    const type = types.get(finding.column);
    if (type === undefined || finding.offset === undefined || finding.length === undefined)
      continue;
    if (kind === 'missing_required') {
      const edit = missingColumnEdit(read, finding.offset, finding.length, finding.column, type);
      if (edit) edits.push(edit);
      continue;
    }
    const fix = fixValue(text.slice(finding.offset, finding.offset + finding.length), type);
    if (fix) edits.push({ offset: finding.offset, length: finding.length, text: fix.text });
  }
  return edits;
}
