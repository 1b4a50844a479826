import { describe, expect, it } from 'vitest';
import { effectiveSpec } from './effective-spec.ts';
import {
  droppedColumns,
  editOverrideColumn,
  effectiveRows,
  startFromStored,
} from './effective-columns.ts';

const stored = {
  input_schema: {
    company_name: { type: 'string', required: true },
    website: 'string',
    employees: { type: 'integer', required: false },
  },
  dataframe_type: 'COMPANY',
};

const rowsFor = (override: Record<string, unknown> | undefined) =>
  effectiveRows(stored, override, effectiveSpec(stored, override));

const changed = (override: Record<string, unknown> | undefined) =>
  rowsFor(override).flatMap((row) =>
    row.changes.map((change) => `${change.path}: ${change.from} → ${change.to}`),
  );

describe('effectiveRows', () => {
  it('no override: nothing changed, nothing dropped', () => {
    expect(changed(undefined)).toEqual([]);
    expect(droppedColumns(rowsFor(undefined))).toEqual([]);
  });

  it('one column made required names exactly that value', () => {
    const override = editOverrideColumn(stored, undefined, {
      kind: 'required',
      name: 'employees',
      required: true,
    });
    expect(changed(override)).toEqual(['employees.required: false → true']);
    expect(droppedColumns(rowsFor(override))).toEqual([]);
  });

  it('a naive one-column input_schema drops the other stored columns, and says which', () => {
    const override = { input_schema: { employees: { type: 'integer', required: true } } };
    const rows = rowsFor(override);
    expect(droppedColumns(rows)).toEqual(['company_name', 'website']);
    expect(changed(override)).toEqual(['employees.required: false → true']);
  });

  it('a top-level key is compared too', () => {
    expect(changed({ dataframe_type: 'LEAD' })).toEqual(['dataframe_type: COMPANY → LEAD']);
  });
});

describe('editing the override column by column', () => {
  it('starts from the stored input_schema, keeping the override’s other keys', () => {
    expect(startFromStored(stored, { webhook_input: '[]' })).toEqual({
      webhook_input: '[]',
      input_schema: stored.input_schema,
    });
  });

  it('changes a type, removes and restores a column', () => {
    const typed = editOverrideColumn(stored, undefined, {
      kind: 'type',
      name: 'website',
      type: 'list[string]',
    });
    expect(changed(typed)).toEqual(['website.type: string → list[string]']);
    const removed = editOverrideColumn(stored, typed, { kind: 'remove', name: 'company_name' });
    expect(droppedColumns(rowsFor(removed))).toEqual(['company_name']);
    const restored = editOverrideColumn(stored, removed, { kind: 'restore', name: 'company_name' });
    expect(droppedColumns(rowsFor(restored))).toEqual([]);
    expect(changed(restored)).toEqual(['website.type: string → list[string]']);
  });
});
