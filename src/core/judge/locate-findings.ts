import { findDuplicateKeys } from './find-duplicate-keys.ts';
import { admit, type FindingCollector } from './finding-collector.ts';
import { cellLabel, duplicateKeyMessage, rowLabel } from './finding-messages.ts';
import type { Finding } from './judgement.ts';
import { parsePointer, toPointer } from './json-pointer.ts';
import type { PayloadLayout } from './judge-context.ts';
import type { ValueJudgement } from './judge-value.ts';
import { locateValue } from './locate-value.ts';
import { findRowStarts } from './row-starts.ts';
import { scanRows } from './scan-rows.ts';
import { skipWhitespace } from './scan-json.ts';

/** Findings whose range is set where they are made, or that have none (the whole text). */
export const LOCATED_ELSEWHERE = new Set<Finding['kind']>([
  'invalid_json',
  'byte_order_mark',
  'too_large',
]);

/** In an array payload a finding's row is its pointer's first step ("/3/email": row 3). */
const rowOf = (finding: Finding, layout: PayloadLayout): number | undefined =>
  layout === 'array' && finding.row !== null ? finding.row : undefined;

/**
 * Sets `offset` and `length` on each finding from its pointer: the row's offset comes
 * from `rowStarts`, and only that row's text is scanned to reach the value inside it.
 */
function setRanges(
  text: string,
  findings: readonly Finding[],
  layout: PayloadLayout,
  valueStart: number,
  rowStarts: ReadonlyMap<number, number>,
): void {
  for (const finding of findings) {
    if (finding.offset !== undefined || LOCATED_ELSEWHERE.has(finding.kind)) continue;
    const tokens = parsePointer(finding.pointer);
    const row = rowOf(finding, layout);
    const rowStart = row === undefined ? undefined : rowStarts.get(row);
    const range =
      rowStart === undefined
        ? locateValue(text, valueStart, tokens)
        : locateValue(text, rowStart, tokens.slice(1));
    if (range) {
      finding.offset = range.offset;
      finding.length = range.length;
    }
  }
}

/**
 * The duplicate keys of one row, between `start` and `end` of `text` (offsets into `text`);
 * JSON.parse keeps the last of a repeated key, and the finding points at that one.
 */
export function reportRowDuplicates(
  text: string,
  row: number,
  start: number,
  end: number,
  layout: PayloadLayout,
  out: FindingCollector,
): void {
  for (const duplicate of findDuplicateKeys(text, start, end)) {
    if (!admit(out, 'duplicate_key', 'warning')) continue;
    const column = typeof duplicate.path[0] === 'string' ? duplicate.path[0] : null;
    const path = layout === 'array' ? [row, ...duplicate.path] : duplicate.path;
    out.findings.push({
      kind: 'duplicate_key',
      severity: 'warning',
      row,
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

/**
 * Duplicate keys, the thorough way: every row's strings are counted in the text and the
 * rows with more than their parsed value holds (or too deep to count) are read key by key.
 */
function reportDuplicateKeys(
  text: string,
  judged: ValueJudgement,
  table: ReturnType<typeof scanRows>,
  out: FindingCollector,
): void {
  const { strings, layout } = judged;
  for (let row = 0; row < strings.length; row += 1) {
    const parsedStrings = strings[row] ?? 0;
    if (parsedStrings >= 0 && (table.strings[row] ?? 0) === parsedStrings) continue;
    reportRowDuplicates(text, row, table.starts[row] ?? 0, table.ends[row] ?? 0, layout, out);
  }
}

/**
 * The text variant's second half: finds duplicate keys and the source range of every
 * finding. The quick path walks the text's strings once (row-starts.ts); only when their
 * count shows a dropped key does it scan every character (scan-rows.ts) to find which.
 */
export function locatePayload(
  text: string,
  from: number,
  judged: ValueJudgement,
  out: FindingCollector,
): void {
  const valueStart = skipWhitespace(text, from);
  const { layout } = judged;
  if (layout === 'none') {
    setRanges(text, out.findings, layout, valueStart, new Map());
    return;
  }
  const neededRows = [
    ...new Set(
      out.findings
        .filter((finding) => finding.offset === undefined && !LOCATED_ELSEWHERE.has(finding.kind))
        .map((finding) => rowOf(finding, layout))
        .filter((row): row is number => row !== undefined),
    ),
  ].sort((a, b) => a - b);
  const quick = findRowStarts(text, valueStart, judged, neededRows);
  if (quick) {
    setRanges(text, out.findings, layout, valueStart, quick);
    return;
  }
  const table = scanRows(text, from, judged.strings.length);
  reportDuplicateKeys(text, judged, table, out);
  const starts = new Map<number, number>();
  if (layout === 'array') table.starts.forEach((start, row) => starts.set(row, start));
  setRanges(text, out.findings, layout, valueStart, starts);
}
