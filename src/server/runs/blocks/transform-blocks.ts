import {
  filterConditions,
  type DeduplicateSpec,
  type FilterCondition,
  type FilterSpec,
  type GroupBySpec,
  type ReadOperator,
  type RemoveColumnsSpec,
} from '@core/workflow/block-specs.ts';
import { MAX_MATCHED_CHARS } from '@core/workflow/safe-regex.ts';
import type { BlockRunner } from './block-runner.ts';
import { cell, cellText, type Row } from './row.ts';

const asNumber = (value: unknown): number | undefined => {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
};

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);

/** `in` / `not_in` take a list, or a comma-separated string [decision]. */
const listOf = (target: unknown): unknown[] =>
  Array.isArray(target)
    ? target
    : typeof target === 'string'
      ? target.split(',').map((part) => part.trim())
      : [target];

/** Equal as numbers when both are numeric, else as text (exact, case-sensitive). */
const same = (left: unknown, right: unknown): boolean => {
  const a = asNumber(left);
  const b = asNumber(right);
  return a !== undefined && b !== undefined ? a === b : cellText(left) === cellText(right);
};

/** Compares as numbers when both sides are numeric, else as text (ISO dates order right). */
const order = (left: unknown, right: unknown): number | undefined => {
  if (isEmpty(left)) return undefined;
  const a = asNumber(left);
  const b = asNumber(right);
  if (a !== undefined && b !== undefined) return a - b;
  return cellText(left).localeCompare(cellText(right));
};

type Condition = FilterCondition & { operator: ReadOperator };

/** Whether one condition holds for a row. A list cell `contains` a value when one item equals it. */
function holds(row: Row, condition: Condition, regexes: Map<string, RegExp>): boolean {
  const value = cell(row, condition.column);
  const target = condition.value ?? null;
  const text = cellText(value).toLowerCase();
  const targetText = cellText(target).toLowerCase();
  const contains = () =>
    Array.isArray(value) ? value.some((item) => same(item, target)) : text.includes(targetText);
  switch (condition.operator) {
    case 'equals':
      return same(value, target);
    case 'not_equals':
      return !same(value, target);
    case 'contains':
      return contains();
    case 'not_contains':
      return !contains();
    case 'greater':
      return (order(value, target) ?? 0) > 0;
    case 'less': {
      const compared = order(value, target);
      return compared !== undefined && compared < 0;
    }
    case 'gte':
      return (order(value, target) ?? -1) >= 0;
    case 'lte': {
      const compared = order(value, target);
      return compared !== undefined && compared <= 0;
    }
    case 'in':
      return listOf(target).some((item) => same(value, item));
    case 'not_in':
      return !listOf(target).some((item) => same(value, item));
    case 'is_empty':
      return isEmpty(value);
    case 'is_not_empty':
      return !isEmpty(value);
    case 'matches': {
      const pattern = typeof target === 'string' ? target : '';
      let regex = regexes.get(pattern);
      if (!regex) {
        // Checked at save by regexProblem: valid, bounded and without nested repetition.
        regex = new RegExp(pattern, 'u');
        regexes.set(pattern, regex);
      }
      return regex.test(cellText(value).slice(0, MAX_MATCHED_CHARS));
    }
  }
}

/**
 * Whether a row passes a filter: conditions combine left to right, each joined to the ones
 * before it by its own `logic` ("and" by default; the first one's is ignored) [decision].
 */
export function passesFilter(
  row: Row,
  spec: FilterSpec,
  regexes = new Map<string, RegExp>(),
): boolean {
  let result: boolean | undefined;
  for (const condition of filterConditions(spec)) {
    const value = holds(row, condition, regexes);
    result =
      result === undefined ? value : condition.logic === 'or' ? result || value : result && value;
  }
  return result ?? true;
}

export function filterRunner(spec: FilterSpec): BlockRunner {
  const regexes = new Map<string, RegExp>();
  return { processRow: (row) => (passesFilter(row, spec, regexes) ? [row] : []) };
}

/** A row's whole content as a key: the same columns with the same values, in any order. */
const wholeRowKey = (row: Row): string =>
  JSON.stringify(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

const columnsKey = (row: Row, columns: readonly string[]): string =>
  JSON.stringify(columns.map((column) => cellText(cell(row, column)).trim().toLowerCase()));

export function deduplicateRunner(spec: DeduplicateSpec): BlockRunner {
  const seen = new Set<string>();
  const columns = spec.columns ?? [];
  return {
    processRow(row) {
      const key = columns.length === 0 ? wholeRowKey(row) : columnsKey(row, columns);
      if (seen.has(key)) return [];
      seen.add(key);
      return [row];
    },
  };
}

export function removeColumnsRunner(spec: RemoveColumnsSpec): BlockRunner {
  const drop = new Set(spec.columns);
  return {
    processRow: (row) => [
      Object.fromEntries(Object.entries(row).filter(([key]) => !drop.has(key))),
    ],
  };
}

/** One row per combination of `columns` (first-seen values and order), with `group_count`. */
export function groupByRunner(spec: GroupBySpec): BlockRunner {
  const groups = new Map<string, { values: [string, unknown][]; count: number }>();
  return {
    processRow(row) {
      const key = columnsKey(row, spec.columns);
      const group = groups.get(key) ?? {
        values: spec.columns.map((column): [string, unknown] => [
          column,
          cell(row, column) ?? null,
        ]),
        count: 0,
      };
      group.count++;
      groups.set(key, group);
      return [];
    },
    finish: () =>
      [...groups.values()].map((group) =>
        Object.fromEntries<unknown>([...group.values, ['group_count', group.count]]),
      ),
  };
}
