import type { SpecModel } from '../spec/webhook-spec.ts';
import { reportAdvisoryColumns } from './advisory-columns.ts';
import { buildColumnTable } from './column-table.ts';
import { report, type FindingCollector } from './finding-collector.ts';
import {
  EMPTY_PAYLOAD_MESSAGE,
  notRowMessage,
  notRowsPayloadMessage,
  rowLabel,
  tooDeepMessage,
  tooManyRowsMessage,
} from './finding-messages.ts';
import { inspectNested } from './inspect-nested.ts';
import type { JudgeContext, PayloadLayout } from './judge-context.ts';
import type { JudgeLimits } from './judge-limits.ts';
import { judgeRow } from './judge-row.ts';
import type { DatasetSummary } from './judgement.ts';
import { summarize } from './summary.ts';

export type ValueJudgement = {
  layout: PayloadLayout;
  summary: DatasetSummary;
  /**
   * Per top-level element, the JSON strings it is written with: keys and string values at
   * any depth (-1 when too deep to count). See `inspectNested`.
   */
  strings: Int32Array;
  /** Per top-level element, 1 when it is an object with at least one key. */
  keyed: Uint8Array;
};

export const isRow = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An array element that is not an object: reported, and its depth still checked. */
export function judgeNonRow({ limits, out }: JudgeContext, value: unknown, index: number): number {
  const pointer = `/${String(index)}`;
  report(out, {
    kind: 'not_rows',
    severity: 'error',
    row: index,
    column: null,
    pointer,
    message: notRowMessage(index, value),
  });
  if (typeof value === 'string') return 1;
  if (typeof value !== 'object' || value === null) return 0;
  const nested = inspectNested(value, 2, limits.maxDepth);
  if (nested < 0) {
    report(out, {
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
  const context: JudgeContext = { table, limits, out };
  if (isRow(value)) {
    const strings = new Int32Array(1);
    strings[0] = judgeRow(context, value, 0, 'object');
    reportAdvisoryColumns(context, 1, 'object');
    const keyed = new Uint8Array(1);
    keyed[0] = 1;
    return { layout: 'object', summary: summarize(1, table), strings, keyed };
  }
  if (!Array.isArray(value)) {
    report(out, {
      // null is no payload to the API (the OpenAPI allows it), so no rows: a 400, not the
      // 422 of a value that is neither a list nor an object.
      kind: value === null || value === undefined ? 'empty_payload' : 'not_rows',
      severity: 'error',
      row: null,
      column: null,
      pointer: '',
      message: notRowsPayloadMessage(value),
    });
    return {
      layout: 'none',
      summary: summarize(0, table),
      strings: new Int32Array(0),
      keyed: new Uint8Array(0),
    };
  }
  const rows: readonly unknown[] = value;
  const rowCount = rows.length;
  if (rowCount === 0) {
    report(out, {
      kind: 'empty_payload',
      severity: 'error',
      row: null,
      column: null,
      pointer: '',
      message: EMPTY_PAYLOAD_MESSAGE,
    });
  } else if (rowCount > limits.maxRows) {
    report(out, {
      kind: 'too_many_rows',
      severity: 'error',
      row: limits.maxRows,
      column: null,
      pointer: `/${String(limits.maxRows)}`,
      message: tooManyRowsMessage(rowCount, limits.maxRows),
    });
  }
  const strings = new Int32Array(rowCount);
  const keyed = new Uint8Array(rowCount);
  for (let index = 0; index < rowCount; index += 1) {
    const row = rows[index];
    if (isRow(row)) {
      strings[index] = judgeRow(context, row, index, 'array');
      keyed[index] = strings[index] === 0 ? 0 : 1;
    } else {
      strings[index] = judgeNonRow(context, row, index);
    }
  }
  reportAdvisoryColumns(context, rowCount, 'array');
  return { layout: 'array', summary: summarize(rowCount, table), strings, keyed };
}
