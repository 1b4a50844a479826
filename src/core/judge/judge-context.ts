import type { ColumnTable } from './column-table.ts';
import type { FindingCollector } from './finding-collector.ts';
import { escapePointerToken } from './json-pointer.ts';
import type { JudgeLimits } from './judge-limits.ts';

/** How the payload holds its rows: an array of them, one object, or neither. */
export type PayloadLayout = 'array' | 'object' | 'none';

/** What every part of the value judge works with. */
export type JudgeContext = {
  table: ColumnTable;
  limits: JudgeLimits;
  out: FindingCollector;
};

/**
 * The pointer of a row: "/3" in an array, "" for a single object. Built only for a kept
 * finding, as are cell pointers: a string per row would cost more than judging the row.
 */
export const rowPointerOf = (row: number, layout: PayloadLayout): string =>
  layout === 'array' ? `/${String(row)}` : '';

export const cellPointer = (row: number, layout: PayloadLayout, column: string): string =>
  `${rowPointerOf(row, layout)}/${escapePointerToken(column)}`;
