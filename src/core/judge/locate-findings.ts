import { findDuplicateKeys } from './find-duplicate-keys.ts';
import type { FindingCollector } from './finding-collector.ts';
import { cellLabel, duplicateKeyMessage, rowLabel } from './finding-messages.ts';
import type { Finding } from './judgement.ts';
import { parsePointer, toPointer } from './json-pointer.ts';
import type { PayloadLayout, ValueJudgement } from './judge-value.ts';
import { locateValue } from './locate-value.ts';
import type { RowTable } from './scan-rows.ts';

/** Findings whose range is set where they are made, or that have none (the whole text). */
const LOCATED_ELSEWHERE = new Set<Finding['kind']>([
  'invalid_json',
  'byte_order_mark',
  'too_large',
]);

/**
 * Sets `offset` and `length` on each finding from its pointer: the row comes from the row
 * table, and only that row's text is scanned to reach the value inside it.
 */
export function locateFindings(
  text: string,
  findings: readonly Finding[],
  layout: PayloadLayout,
  table: RowTable,
): void {
  for (const finding of findings) {
    if (finding.offset !== undefined || LOCATED_ELSEWHERE.has(finding.kind)) continue;
    const tokens = parsePointer(finding.pointer);
    let start = table.valueStart;
    let rest: readonly string[] = tokens;
    const rowStart =
      layout === 'array' && tokens[0] !== undefined ? table.starts[Number(tokens[0])] : undefined;
    if (rowStart !== undefined) {
      start = rowStart;
      rest = tokens.slice(1);
    }
    const range = locateValue(text, start, rest);
    if (range) {
      finding.offset = range.offset;
      finding.length = range.length;
    }
  }
}

/**
 * Duplicate keys: rows whose text holds more members than the parsed row are scanned
 * key by key. JSON.parse keeps the last of a repeated key; the finding points at that one.
 */
export function reportDuplicateKeys(
  text: string,
  judged: ValueJudgement,
  table: RowTable,
  out: FindingCollector,
): void {
  const { members, layout } = judged;
  for (let row = 0; row < members.length; row += 1) {
    const textMembers = table.colons[row] ?? 0;
    const valueMembers = members[row] ?? 0;
    if (valueMembers >= 0 && textMembers === valueMembers) continue;
    const start = table.starts[row] ?? 0;
    const end = table.ends[row] ?? 0;
    for (const duplicate of findDuplicateKeys(text, start, end)) {
      if (!out.admit('duplicate_key', 'warning')) continue;
      const column = typeof duplicate.path[0] === 'string' ? duplicate.path[0] : null;
      const path = layout === 'array' ? [row, ...duplicate.path] : duplicate.path;
      out.add({
        kind: 'duplicate_key',
        severity: 'warning',
        row: layout === 'none' ? null : row,
        column,
        pointer: toPointer(path),
        offset: duplicate.valueStart,
        length: duplicate.valueEnd - duplicate.valueStart,
        message: duplicateKeyMessage(
          column === null ? rowLabel(row) : cellLabel(row, column),
          duplicate.key,
        ),
      });
    }
  }
}
