import type { ColumnState, ColumnTable } from './column-table.ts';
import type { ColumnSummary, DatasetSummary, JsonTypeName } from './judgement.ts';

const TYPE_NAMES: readonly JsonTypeName[] = [
  'string',
  'number',
  'integer',
  'boolean',
  'null',
  'array',
  'object',
];

function toColumnSummary(state: ColumnState): ColumnSummary {
  const types: Partial<Record<JsonTypeName, number>> = {};
  for (const name of TYPE_NAMES) {
    const count = state.types[name];
    if (count > 0) types[name] = count;
  }
  return { name: state.name, declared: state.type !== undefined, present: state.present, types };
}

/** Declared columns in spec order, then advisory columns in the order they were first seen. */
export function summarize(rowCount: number, table: ColumnTable): DatasetSummary {
  return {
    rowCount,
    columns: [...table.declared, ...table.advisory].map(toColumnSummary),
  };
}
