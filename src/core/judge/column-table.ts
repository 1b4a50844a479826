import type { FieldType } from '../spec/field-type.ts';
import type { SpecModel } from '../spec/webhook-spec.ts';
import type { JsonTypeName } from './judgement.ts';

/** What the judge learns about one column while it reads the rows. */
export type ColumnState = {
  name: string;
  /** The declared type; undefined for an advisory column. */
  type: FieldType | undefined;
  required: boolean;
  present: number;
  firstRow: number;
  /** The last row that held the key, so a required column's absence costs one compare. */
  lastRow: number;
  types: Record<JsonTypeName, number>;
};

const newState = (name: string, type: FieldType | undefined, required: boolean): ColumnState => ({
  name,
  type,
  required,
  present: 0,
  firstRow: -1,
  lastRow: -1,
  types: { string: 0, number: 0, integer: 0, boolean: 0, null: 0, array: 0, object: 0 },
});

export const advisoryState = (name: string): ColumnState => newState(name, undefined, false);

export type ColumnTable = {
  /** Keyed by the exact name: a Map keeps `__proto__` and `constructor` as plain data. */
  byName: Map<string, ColumnState>;
  declared: ColumnState[];
  required: ColumnState[];
  advisory: ColumnState[];
};

/**
 * The spec's columns as the judge looks them up. A name declared twice (an invalid spec)
 * counts once, as the first declaration, which is how the wire form would merge it too.
 */
export function buildColumnTable(spec: SpecModel): ColumnTable {
  const byName = new Map<string, ColumnState>();
  const declared: ColumnState[] = [];
  for (const column of spec.columns) {
    if (byName.has(column.name)) continue;
    const state = newState(column.name, column.type, column.required);
    byName.set(column.name, state);
    declared.push(state);
  }
  return {
    byName,
    declared,
    required: declared.filter((state) => state.required),
    advisory: [],
  };
}
