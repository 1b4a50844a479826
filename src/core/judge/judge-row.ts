import { matchesFieldType } from '../spec/field-type.ts';
import { advisoryState } from './column-table.ts';
import { admit } from './finding-collector.ts';
import {
  cellLabel,
  impreciseIntegerMessage,
  infiniteNumberMessage,
  loneSurrogateMessage,
  missingRequiredMessage,
  nullRequiredMessage,
  tooDeepMessage,
  typeMismatchMessage,
} from './finding-messages.ts';
import { inspectNested } from './inspect-nested.ts';
import {
  cellPointer,
  rowPointerOf,
  type JudgeContext,
  type PayloadLayout,
} from './judge-context.ts';
import type { Finding, FindingKind, Severity } from './judgement.ts';
import { isWellFormedText } from './well-formed.ts';

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
 * Checks one row object; returns the strings it is written with (`ValueJudgement.strings`
 * in judge-value.ts). The type test is inlined per JSON type for speed; it agrees with
 * `matchesFieldType`, which decides lists (judge-row.test.ts checks that they agree).
 *
 * Findings are built in place, without closures: a closure over the loop's variables
 * makes V8 allocate a context object for every cell, found or not.
 */
export function judgeRow(
  { table, limits, out }: JudgeContext,
  row: Record<string, unknown>,
  index: number,
  layout: PayloadLayout,
): number {
  // The payload is depth 1, so a row of an array is depth 2 and a single object depth 1.
  const rowDepth = layout === 'array' ? 2 : 1;
  let strings = 0;
  // for…in allocates nothing per row (Object.keys would) and V8 reads row[key] through the
  // row's enum cache. The guard keeps inherited enumerable properties (a polluted
  // prototype) out: only own keys are columns, and reading an own key never reaches the
  // prototype chain, so "__proto__" is data like any other key.
  for (const key in row) {
    if (!Object.prototype.hasOwnProperty.call(row, key)) continue;
    strings += 1;
    const cell = row[key];
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
      if (column.required && admit(out, 'null_required', 'error')) {
        out.findings.push(
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
        strings += 1;
        fits = type === undefined || type === 'string';
        if (!isWellFormedText(cell) && admit(out, 'lone_surrogate', 'warning')) {
          out.findings.push(
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
            admit(out, 'unsafe_number', 'warning')
          ) {
            out.findings.push(
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
          if (admit(out, 'unsafe_number', 'warning')) {
            out.findings.push(
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
          strings = -1;
          if (admit(out, 'too_deep', 'error')) {
            out.findings.push(
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
        } else if (strings >= 0) {
          strings += nested;
        }
        break;
      }
      default:
        // Not a JSON value (undefined, a function…): only a JS caller can pass one.
        fits = type === undefined;
    }
    if (!fits && type !== undefined && admit(out, 'type_mismatch', 'warning')) {
      out.findings.push(
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
    if (column.lastRow !== index && admit(out, 'missing_required', 'error')) {
      out.findings.push({
        kind: 'missing_required',
        severity: 'error',
        row: index,
        column: column.name,
        pointer: rowPointerOf(index, layout),
        message: missingRequiredMessage(index, column.name),
      });
    }
  }
  return strings;
}
