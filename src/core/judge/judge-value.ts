import { columnNameKey } from '../spec/column-name.ts';
import { matchesFieldType } from '../spec/field-type.ts';
import type { SpecModel } from '../spec/webhook-spec.ts';
import { advisoryState, buildColumnTable, type ColumnTable } from './column-table.ts';
import type { FindingCollector } from './finding-collector.ts';
import {
  advisoryColumnMessage,
  cellLabel,
  EMPTY_PAYLOAD_MESSAGE,
  impreciseIntegerMessage,
  infiniteNumberMessage,
  loneSurrogateKeyMessage,
  loneSurrogateMessage,
  missingRequiredMessage,
  notRowMessage,
  notRowsPayloadMessage,
  nullRequiredMessage,
  rowLabel,
  tooDeepMessage,
  tooManyRowsMessage,
  typeMismatchMessage,
} from './finding-messages.ts';
import { inspectNested } from './inspect-nested.ts';
import type { DatasetSummary, Finding, FindingKind, Severity } from './judgement.ts';
import { escapePointerToken } from './json-pointer.ts';
import type { JudgeLimits } from './judge-limits.ts';
import { summarize } from './summary.ts';
import { isWellFormedText } from './well-formed.ts';

/** How the payload holds its rows: an array of them, one object, or neither. */
export type PayloadLayout = 'array' | 'object' | 'none';

export type ValueJudgement = {
  layout: PayloadLayout;
  summary: DatasetSummary;
  /**
   * Per top-level element, the object members inside it at any depth (-1 when it is too
   * deep to count). The text scan counts members too; a difference means a duplicate key.
   */
  members: Int32Array;
};

type Context = {
  table: ColumnTable;
  limits: JudgeLimits;
  out: FindingCollector;
};

const isRow = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The pointer of a row: "/3" in an array, "" for a single object. Built only for a kept
 * finding, as are cell pointers: a string per row would cost more than judging the row.
 */
const rowPointerOf = (row: number, layout: PayloadLayout): string =>
  layout === 'array' ? `/${String(row)}` : '';

const cellPointer = (row: number, layout: PayloadLayout, column: string): string =>
  `${rowPointerOf(row, layout)}/${escapePointerToken(column)}`;

/** A finding about one cell. */
const cellFinding = (
  kind: FindingKind,
  severity: Severity,
  row: number,
  column: string,
  layout: PayloadLayout,
  message: string,
): Finding => ({ kind, severity, row, column, pointer: cellPointer(row, layout, column), message });

/**
 * Checks one row object; returns its member count (see `ValueJudgement.members`). The
 * type test is inlined per JSON type for speed; it agrees with `matchesFieldType`, which
 * decides lists (judge-value.test.ts checks the two agree).
 */
function judgeRow(
  { table, limits, out }: Context,
  row: Record<string, unknown>,
  index: number,
  layout: PayloadLayout,
): number {
  // The payload is depth 1, so a row of an array is depth 2 and a single object depth 1.
  const rowDepth = layout === 'array' ? 2 : 1;
  // Object.keys and Object.values (own keys only, in the same order) rather than for…in or
  // row[key]: optimised code that reads rows by their hidden class is thrown away each time
  // the garbage collector frees those classes, which happens between two payloads.
  const keys = Object.keys(row);
  const values = Object.values(row);
  let members = keys.length;
  for (let position = 0; position < keys.length; position += 1) {
    const key = keys[position] ?? '';
    const cell: unknown = values[position];
    let column = table.byName.get(key);
    if (column === undefined) {
      column = advisoryState(key);
      column.firstRow = index;
      table.byName.set(key, column);
      table.advisory.push(column);
    }
    column.present += 1;
    column.lastRow = index;
    const type = column.type;
    let fits = true;
    if (cell === null) {
      column.types.null += 1;
      if (column.required && out.admit('null_required', 'error')) {
        out.add(
          cellFinding(
            'null_required',
            'error',
            index,
            key,
            layout,
            nullRequiredMessage(index, key, type ?? 'string'),
          ),
        );
      }
      continue;
    }
    switch (typeof cell) {
      case 'string':
        column.types.string += 1;
        fits = type === undefined || type === 'string';
        if (!isWellFormedText(cell) && out.admit('lone_surrogate', 'warning')) {
          out.add(
            cellFinding(
              'lone_surrogate',
              'warning',
              index,
              key,
              layout,
              loneSurrogateMessage(index, key),
            ),
          );
        }
        break;
      case 'number':
        if (Number.isInteger(cell)) {
          column.types.integer += 1;
          fits = type === undefined || type === 'integer' || type === 'number';
          if (
            type === 'integer' &&
            !Number.isSafeInteger(cell) &&
            out.admit('unsafe_number', 'warning')
          ) {
            out.add(
              cellFinding(
                'unsafe_number',
                'warning',
                index,
                key,
                layout,
                impreciseIntegerMessage(index, key, cell),
              ),
            );
          }
        } else if (Number.isFinite(cell)) {
          column.types.number += 1;
          fits = type === undefined || type === 'number';
        } else {
          // 1e400 parses to Infinity: reported once as such, not also as a type mismatch.
          column.types.number += 1;
          if (out.admit('unsafe_number', 'warning')) {
            out.add(
              cellFinding(
                'unsafe_number',
                'warning',
                index,
                key,
                layout,
                infiniteNumberMessage(index, key),
              ),
            );
          }
        }
        break;
      case 'boolean':
        column.types.boolean += 1;
        fits = type === undefined || type === 'boolean';
        break;
      case 'object': {
        if (Array.isArray(cell)) {
          column.types.array += 1;
          fits = type === undefined || matchesFieldType(cell, type);
        } else {
          column.types.object += 1;
          fits = type === undefined || type === 'dict';
        }
        const nested = inspectNested(cell, rowDepth + 1, limits.maxDepth);
        if (nested < 0) {
          members = -1;
          if (out.admit('too_deep', 'error')) {
            out.add(
              cellFinding(
                'too_deep',
                'error',
                index,
                key,
                layout,
                tooDeepMessage(cellLabel(index, key), limits.maxDepth),
              ),
            );
          }
        } else if (members >= 0) {
          members += nested;
        }
        break;
      }
      default:
        // Not a JSON value (undefined, a function…): only a JS caller can pass one.
        fits = type === undefined;
    }
    if (!fits && type !== undefined && out.admit('type_mismatch', 'warning')) {
      out.add(
        cellFinding(
          'type_mismatch',
          'warning',
          index,
          key,
          layout,
          typeMismatchMessage(index, key, type, cell),
        ),
      );
    }
  }
  for (const column of table.required) {
    if (column.lastRow !== index && out.admit('missing_required', 'error')) {
      out.add({
        kind: 'missing_required',
        severity: 'error',
        row: index,
        column: column.name,
        pointer: rowPointerOf(index, layout),
        message: missingRequiredMessage(index, column.name),
      });
    }
  }
  return members;
}

/** An array element that is not an object: reported, and its depth still checked. */
function judgeNonRow({ limits, out }: Context, value: unknown, index: number): number {
  const pointer = `/${String(index)}`;
  out.report({
    kind: 'not_rows',
    severity: 'error',
    row: index,
    column: null,
    pointer,
    message: notRowMessage(index, value),
  });
  if (typeof value !== 'object' || value === null) return 0;
  const nested = inspectNested(value, 2, limits.maxDepth);
  if (nested < 0) {
    out.report({
      kind: 'too_deep',
      severity: 'error',
      row: index,
      column: null,
      pointer,
      message: tooDeepMessage(rowLabel(index), limits.maxDepth),
    });
  }
  return nested;
}

function reportAdvisoryColumns(
  { table, out }: Context,
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
    if (out.admit('advisory_column', severity)) {
      out.add({
        kind: 'advisory_column',
        severity,
        row: column.firstRow,
        column: column.name,
        pointer,
        message: advisoryColumnMessage(column.name, column.present, rowCount, nearMiss),
      });
    }
    if (!isWellFormedText(column.name)) {
      out.report({
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

/**
 * Judges a parsed payload against the spec: the part of the judge that both variants
 * share, so browser and sandbox reach the same verdict. Iterative throughout.
 */
export function judgeParsedValue(
  value: unknown,
  spec: SpecModel,
  limits: JudgeLimits,
  out: FindingCollector,
): ValueJudgement {
  const table = buildColumnTable(spec);
  const context: Context = { table, limits, out };
  if (isRow(value)) {
    const members = new Int32Array(1);
    members[0] = judgeRow(context, value, 0, 'object');
    reportAdvisoryColumns(context, 1, 'object');
    return { layout: 'object', summary: summarize(1, table), members };
  }
  if (!Array.isArray(value)) {
    out.report({
      kind: 'not_rows',
      severity: 'error',
      row: null,
      column: null,
      pointer: '',
      message: notRowsPayloadMessage(value),
    });
    return { layout: 'none', summary: summarize(0, table), members: new Int32Array(0) };
  }
  const rows: readonly unknown[] = value;
  const rowCount = rows.length;
  if (rowCount === 0) {
    out.report({
      kind: 'empty_payload',
      severity: 'error',
      row: null,
      column: null,
      pointer: '',
      message: EMPTY_PAYLOAD_MESSAGE,
    });
  } else if (rowCount > limits.maxRows) {
    out.report({
      kind: 'too_many_rows',
      severity: 'error',
      row: limits.maxRows,
      column: null,
      pointer: `/${String(limits.maxRows)}`,
      message: tooManyRowsMessage(rowCount, limits.maxRows),
    });
  }
  const members = new Int32Array(rowCount);
  for (let index = 0; index < rowCount; index += 1) {
    const row = rows[index];
    members[index] = isRow(row)
      ? judgeRow(context, row, index, 'array')
      : judgeNonRow(context, row, index);
  }
  reportAdvisoryColumns(context, rowCount, 'array');
  return { layout: 'array', summary: summarize(rowCount, table), members };
}
