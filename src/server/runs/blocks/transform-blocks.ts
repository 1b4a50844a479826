import type {
  DeduplicateSpec,
  FilterSpec,
  RemoveColumnsSpec,
} from '../../../core/workflow/block-catalogue.ts';
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
  (Array.isArray(value) && value.length === 0);

/** Whether a row passes a filter. Numbers compare as numbers when both sides are numeric. */
export function passesFilter(row: Row, spec: FilterSpec): boolean {
  const value = cell(row, spec.column);
  const target = spec.value ?? null;
  const left = asNumber(value);
  const right = asNumber(target);
  const numeric = left !== undefined && right !== undefined;
  const text = cellText(value).toLowerCase();
  const targetText = cellText(target).toLowerCase();
  switch (spec.operator) {
    case 'eq':
      return numeric ? left === right : cellText(value) === cellText(target);
    case 'neq':
      return numeric ? left !== right : cellText(value) !== cellText(target);
    case 'contains':
      return text.includes(targetText);
    case 'not_contains':
      return !text.includes(targetText);
    case 'gt':
      return numeric ? left > right : text > targetText;
    case 'gte':
      return numeric ? left >= right : text >= targetText;
    case 'lt':
      return numeric ? left < right : text < targetText;
    case 'lte':
      return numeric ? left <= right : text <= targetText;
    case 'is_empty':
      return isEmpty(value);
    case 'is_not_empty':
      return !isEmpty(value);
  }
}

export const filterRunner = (spec: FilterSpec): BlockRunner => ({
  processRow: (row) => (passesFilter(row, spec) ? [row] : []),
});

export function deduplicateRunner(spec: DeduplicateSpec): BlockRunner {
  const seen = new Set<string>();
  return {
    processRow(row) {
      const key = JSON.stringify(
        spec.columns.map((column) => cellText(cell(row, column)).trim().toLowerCase()),
      );
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
