import { judgePayloadText } from '../../../core/judge/judge-payload.ts';
import type { SpecModel } from '../../../core/spec/webhook-spec.ts';
import { type TextEdit, fixValue } from './value-fix.ts';

/**
 * Every edit that gives one column's wrongly typed values its type, over all rows (the
 * judgement the page holds keeps at most 1,000 findings a kind; this judges without a cap).
 * Runs in the judge worker, so 100k rows never hold up the page; the page applies the edits
 * as one undoable operation.
 */
export function columnFixEdits(
  text: string,
  spec: SpecModel,
  columns: readonly string[],
): TextEdit[] {
  const types = new Map(
    spec.columns
      .filter((column) => columns.includes(column.name))
      .map((column) => [column.name, column.type]),
  );
  if (types.size === 0) return [];
  const judgement = judgePayloadText(text, spec, { maxFindingsPerKind: Number.MAX_SAFE_INTEGER });
  const edits: TextEdit[] = [];
  for (const finding of judgement.findings) {
    if (finding.kind !== 'type_mismatch' || finding.column === null) continue;
    const type = types.get(finding.column);
    if (type === undefined || finding.offset === undefined || finding.length === undefined)
      continue;
    const fix = fixValue(text.slice(finding.offset, finding.offset + finding.length), type);
    if (fix) edits.push({ offset: finding.offset, length: finding.length, text: fix.text });
  }
  return edits;
}
