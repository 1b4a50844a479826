import type { SpecModel } from '../spec/webhook-spec.ts';
import { buildColumnTable, type ColumnState } from './column-table.ts';
import { createCollector } from './finding-collector.ts';
import { tooLargeMessage } from './finding-messages.ts';
import { parsePointer } from './json-pointer.ts';
import type { JudgeContext } from './judge-context.ts';
import { resolveLimits, type JudgeLimits } from './judge-limits.ts';
import { judgeRow } from './judge-row.ts';
import { isRow, judgeNonRow } from './judge-value.ts';
import type {
  ColumnSummary,
  Finding,
  FindingKind,
  JsonTypeName,
  Judgement,
  JudgeOptions,
} from './judgement.ts';
import { locateValue } from './locate-value.ts';
import { reportRowDuplicates } from './locate-findings.ts';
import { CHAR, skipWhitespace } from './scan-json.ts';
import { countStrings, scanRows, type RowTable } from './scan-rows.ts';
import { applyTextChange, type TextChange } from './text-change.ts';
import { bytesOverLimit } from './utf8-length.ts';
import { decideVerdict } from './verdict-rules.ts';

/*
 * Judging again after an edit inside one row, without reading the rest of the text: the
 * row is parsed and judged alone, its findings replace the old row's, the findings after it
 * move by the edit's length, and the counts move by the difference. The result equals
 * judgePayloadText of the edited text exactly (judge-edit.test.ts checks it over random
 * edits); whenever that cannot be known from the row alone the answer is undefined and the
 * caller judges the whole text. That happens when the edit leaves its row, breaks the
 * JSON, changes which undeclared columns the row holds (their order and counts are global)
 * or changes a kind of finding whose list was cut at the limit.
 */

/** A judged text that an edit can be judged against: an array of rows, with their extents. */
export type EditableJudgement = {
  text: string;
  spec: SpecModel;
  judgement: Judgement;
  table: RowTable;
};

export type EditJudged = EditableJudgement & {
  /** The row the edit changed, and its new value (for a caller that keeps parsed rows). */
  row: number;
  value: unknown;
};

/**
 * The row table of a judged text, so later edits can be judged row by row; undefined
 * unless the text is a valid array with rows (other payloads are small or invalid).
 */
export function editableJudgement(
  text: string,
  spec: SpecModel,
  judgement: Judgement,
): EditableJudgement | undefined {
  if (judgement.summary.rowCount === 0 || judgement.totals.byKind.invalid_json > 0) {
    return undefined;
  }
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.charCodeAt(skipWhitespace(text, from)) !== CHAR.OPEN_BRACKET) return undefined;
  return { text, spec, judgement, table: scanRows(text, from, judgement.summary.rowCount) };
}

/** The row whose extent holds the whole replaced range, if any (binary search on starts). */
function rowHolding(table: RowTable, change: TextChange): number | undefined {
  const { starts, ends } = table;
  let low = 0;
  let high = starts.length - 1;
  if (high < 0 || change.offset < (starts[0] ?? 0)) return undefined;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? 0) <= change.offset) low = middle;
    else high = middle - 1;
  }
  return change.offset + change.length <= (ends[low] ?? 0) ? low : undefined;
}

type RowJudgement = {
  /** The row's own findings in the order the whole-text judge makes them; ranges set. */
  findings: Finding[];
  duplicates: Finding[];
  counts: Map<FindingKind, number>;
  errors: number;
  warnings: number;
  infos: number;
  columns: Map<string, ColumnState>;
  advisory: string[];
};

/** Judges one row alone, as the whole-text judge does inside an array at `index`. */
function judgeOneRow(
  rowText: string,
  rowStart: number,
  value: unknown,
  index: number,
  spec: SpecModel,
  limits: JudgeLimits,
): RowJudgement {
  const table = buildColumnTable(spec);
  // Every finding is kept here: which of them the whole payload keeps is decided later.
  const out = createCollector(Number.POSITIVE_INFINITY);
  const context: JudgeContext = { table, limits, out };
  const strings = isRow(value)
    ? judgeRow(context, value, index, 'array')
    : judgeNonRow(context, value, index);
  const findings = out.findings.splice(0);
  for (const finding of findings) {
    const range = locateValue(rowText, 0, parsePointer(finding.pointer).slice(1));
    if (range) {
      finding.offset = range.offset + rowStart;
      finding.length = range.length;
    }
  }
  // As locate-findings.ts decides: only a row whose text holds more strings than its value
  // (or one too deep to count) is read for repeated keys.
  if (strings < 0 || countStrings(rowText, 0, rowText.length) !== strings) {
    reportRowDuplicates(rowText, index, 0, rowText.length, 'array', out);
  }
  const duplicates = out.findings.map((finding) => ({
    ...finding,
    offset: (finding.offset ?? 0) + rowStart,
  }));
  const columns = new Map<string, ColumnState>();
  for (const column of [...table.declared, ...table.advisory]) columns.set(column.name, column);
  return {
    findings,
    duplicates,
    counts: out.counts,
    errors: out.errors,
    warnings: out.warnings,
    infos: out.infos,
    columns,
    advisory: table.advisory.map((column) => column.name),
  };
}

const countOf = (counts: ReadonlyMap<FindingKind, number>, kind: FindingKind): number =>
  counts.get(kind) ?? 0;

/** The first `keep.get(kind)` findings of each kind, in order. */
function keptOf(findings: readonly Finding[], keep: ReadonlyMap<FindingKind, number>): Finding[] {
  const taken = new Map<FindingKind, number>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const count = taken.get(finding.kind) ?? 0;
    if (count < (keep.get(finding.kind) ?? 0)) kept.push(finding);
    taken.set(finding.kind, count + 1);
  }
  return kept;
}

const sameFindings = (a: readonly Finding[], b: readonly Finding[]): boolean =>
  a.length === b.length &&
  a.every(
    (finding, index) => finding.kind === b[index]?.kind && finding.message === b[index].message,
  );

const TYPE_NAMES: readonly JsonTypeName[] = [
  'string',
  'number',
  'integer',
  'boolean',
  'null',
  'array',
  'object',
];

/** A column's summary with one row's counts taken out and another's put in. */
function patchColumn(
  column: ColumnSummary,
  before: ColumnState | undefined,
  after: ColumnState | undefined,
): ColumnSummary {
  if (!before && !after) return column;
  const types: ColumnSummary['types'] = {};
  for (const name of TYPE_NAMES) {
    const count =
      (column.types[name] ?? 0) - (before?.types[name] ?? 0) + (after?.types[name] ?? 0);
    if (count > 0) types[name] = count;
  }
  return {
    ...column,
    present: column.present - (before?.present ?? 0) + (after?.present ?? 0),
    types,
  };
}

/** A finding outside the edited row, its range moved with the text after the row. */
function shifted(finding: Finding, rowStart: number, rowEnd: number, delta: number): Finding {
  if (delta === 0 || finding.offset === undefined) return finding;
  if (finding.offset >= rowEnd) return { ...finding, offset: finding.offset + delta };
  const end = finding.offset + (finding.length ?? 0);
  if (finding.offset <= rowStart && end >= rowEnd) {
    return { ...finding, length: (finding.length ?? 0) + delta };
  }
  return finding;
}

/** A payload-wide finding placed in the edited row (too_many_rows, an undeclared column), placed again. */
function relocated(finding: Finding, rowText: string, rowStart: number): Finding {
  const range = locateValue(rowText, 0, parsePointer(finding.pointer).slice(1));
  if (range) return { ...finding, offset: range.offset + rowStart, length: range.length };
  const unplaced = { ...finding };
  delete unplaced.offset;
  delete unplaced.length;
  return unplaced;
}

/** How many findings of each kind the cut lists keep of this row (undefined: not knowable). */
function keptCounts(
  before: ReadonlyMap<FindingKind, number>,
  previous: Judgement,
  oldRow: RowJudgement,
  newRow: RowJudgement,
  limit: number,
): { old: Map<FindingKind, number>; new: Map<FindingKind, number> } | undefined {
  const kinds = new Set<FindingKind>([...oldRow.counts.keys(), ...newRow.counts.keys()]);
  const keptOld = new Map<FindingKind, number>();
  const keptNew = new Map<FindingKind, number>();
  for (const kind of kinds) {
    const oldCount = countOf(oldRow.counts, kind);
    const newCount = countOf(newRow.counts, kind);
    const total = previous.totals.byKind[kind];
    const nextTotal = total - oldCount + newCount;
    const room = Math.max(0, limit - (before.get(kind) ?? 0));
    const whole = total <= limit && nextTotal <= limit;
    // A cut list of lone surrogates also holds the undeclared columns' (made after every
    // row), so what precedes this row in it is not known: only uncut lists are patched.
    const knowable =
      whole ||
      (kind !== 'lone_surrogate' && (room === 0 || (oldCount === newCount && total > limit)));
    if (!knowable) return undefined;
    keptOld.set(kind, Math.min(oldCount, room));
    keptNew.set(kind, Math.min(newCount, room));
  }
  return { old: keptOld, new: keptNew };
}

/** The payload-level too_large finding for the edited text's size, if over the limit. */
function tooLargeFinding(text: string, limits: JudgeLimits): Finding | undefined {
  const size = bytesOverLimit(text, limits.maxBodyBytes);
  if (!size) return undefined;
  return {
    kind: 'too_large',
    severity: 'error',
    row: null,
    column: null,
    pointer: '',
    message: tooLargeMessage(size.bytes, limits.maxBodyBytes, size.exact),
  };
}

/**
 * The judgement of `previous.text` with `change` applied, judging only the row the change
 * falls in; undefined when the whole text must be judged (see the note at the top). The
 * options must be the ones `previous` was judged with.
 */
export function judgeEdit(
  previous: EditableJudgement,
  change: TextChange,
  options?: JudgeOptions,
): EditJudged | undefined {
  // Without ranges (locate: false) repeated keys are not looked for either: judge it all.
  if (options?.locate === false) return undefined;
  const row = rowHolding(previous.table, change);
  if (row === undefined) return undefined;
  const { text, spec, table, judgement } = previous;
  const limits = resolveLimits(options);
  const oldStart = table.starts[row] ?? 0;
  const oldEnd = table.ends[row] ?? 0;
  const region =
    text.slice(oldStart, change.offset) +
    change.text +
    text.slice(change.offset + change.length, oldEnd);
  let value: unknown;
  try {
    // Text around a row is untouched, so the whole text is valid iff the row's text is one
    // JSON value (JSON whitespace around it allowed), and the row's value is that value.
    value = JSON.parse(region);
  } catch {
    return undefined;
  }
  const lead = skipWhitespace(region, 0);
  let trail = region.length;
  while (trail > lead && region.charCodeAt(trail - 1) <= 32) trail -= 1;
  const rowText = region.slice(lead, trail);
  const newStart = oldStart + lead;
  const oldRowText = text.slice(oldStart, oldEnd);
  const oldValue: unknown = JSON.parse(oldRowText);
  const oldRow = judgeOneRow(oldRowText, oldStart, oldValue, row, spec, limits);
  const newRow = judgeOneRow(rowText, newStart, value, row, spec, limits);
  const sameAdvisory =
    oldRow.advisory.length === newRow.advisory.length &&
    oldRow.advisory.every((name, index) => newRow.advisory[index] === name);
  if (!sameAdvisory) return undefined;

  const findings = judgement.findings;
  let blockStart = 0;
  while (blockStart < findings.length && (findings[blockStart]?.row ?? -1) < row) blockStart += 1;
  let blockEnd = blockStart;
  while (blockEnd < findings.length && findings[blockEnd]?.row === row) blockEnd += 1;
  const before = new Map<FindingKind, number>();
  for (let index = 0; index < blockStart; index += 1) {
    const kind = findings[index]?.kind;
    if (kind !== undefined) before.set(kind, (before.get(kind) ?? 0) + 1);
  }
  const kept = keptCounts(before, judgement, oldRow, newRow, limits.maxFindingsPerKind);
  if (!kept) return undefined;

  // The row's place in the sorted list: a too_many_rows naming it, its own findings, the
  // undeclared columns first seen in it, its repeated keys (the order they are made in).
  const block = findings.slice(blockStart, blockEnd);
  const lead0 = block[0]?.kind === 'too_many_rows' ? 1 : 0;
  const oldOwn = keptOf(oldRow.findings, kept.old);
  const oldDuplicates = keptOf(oldRow.duplicates, kept.old);
  const middleEnd = block.length - oldDuplicates.length;
  if (middleEnd < lead0 + oldOwn.length) return undefined;
  if (!sameFindings(block.slice(lead0, lead0 + oldOwn.length), oldOwn)) return undefined;
  if (!sameFindings(block.slice(middleEnd), oldDuplicates)) return undefined;
  const delta = change.text.length - change.length;
  const newBlock = [
    ...block.slice(0, lead0).map((finding) => relocated(finding, rowText, newStart)),
    ...keptOf(newRow.findings, kept.new),
    ...block
      .slice(lead0 + oldOwn.length, middleEnd)
      .map((finding) => relocated(finding, rowText, newStart)),
    ...keptOf(newRow.duplicates, kept.new),
  ];
  const nextText = applyTextChange(text, change);
  const tooLarge = tooLargeFinding(nextText, limits);
  const head = findings
    .slice(0, blockStart)
    .filter((finding) => finding.kind !== 'too_large')
    .map((finding) => shifted(finding, oldStart, oldEnd, delta));
  if (tooLarge) head.splice(head[0]?.kind === 'byte_order_mark' ? 1 : 0, 0, tooLarge);
  const nextFindings = [
    ...head,
    ...newBlock,
    ...findings.slice(blockEnd).map((finding) => shifted(finding, oldStart, oldEnd, delta)),
  ];

  const byKind = { ...judgement.totals.byKind };
  for (const kind of new Set([...oldRow.counts.keys(), ...newRow.counts.keys()])) {
    byKind[kind] += countOf(newRow.counts, kind) - countOf(oldRow.counts, kind);
  }
  const tooLargeChange = (tooLarge ? 1 : 0) - byKind.too_large;
  byKind.too_large += tooLargeChange;
  const errors = judgement.totals.errors - oldRow.errors + newRow.errors + tooLargeChange;
  const warnings = judgement.totals.warnings - oldRow.warnings + newRow.warnings;
  const infos = judgement.totals.infos - oldRow.infos + newRow.infos;
  const columns = judgement.summary.columns.map((column) =>
    patchColumn(column, oldRow.columns.get(column.name), newRow.columns.get(column.name)),
  );

  const starts = table.starts.slice();
  const ends = table.ends.slice();
  const strings = table.strings.slice();
  starts[row] = newStart;
  ends[row] = newStart + rowText.length;
  strings[row] = countStrings(rowText, 0, rowText.length);
  for (let index = row + 1; index < starts.length; index += 1) {
    starts[index] = (starts[index] ?? 0) + delta;
    ends[index] = (ends[index] ?? 0) + delta;
  }
  const nextJudgement: Judgement = {
    ...decideVerdict(nextFindings, byKind, errors),
    findings: nextFindings,
    totals: { errors, warnings, infos, byKind },
    truncated: Object.values(byKind).some((count) => count > limits.maxFindingsPerKind),
    summary: { rowCount: judgement.summary.rowCount, columns },
  };
  return {
    text: nextText,
    spec,
    judgement: nextJudgement,
    table: {
      valueStart: table.valueStart,
      valueEnd: table.valueEnd + delta,
      starts,
      ends,
      strings,
    },
    row,
    value,
  };
}
