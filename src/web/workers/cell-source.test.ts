import { describe, expect, it } from 'vitest';
import { scanRows } from '@core/judge/scan-rows.ts';
import { cellSource } from './cell-source.ts';

describe('cellSource', () => {
  const text =
    '[\n  {"email": "ada@example.com", "employees": "50"},\n  {"employees": 40},\n  7\n]';
  const table = scanRows(text, 0, 3);

  it('finds the value of a column in its row', () => {
    expect(cellSource(text, table, 0, 'employees')).toBe(text.indexOf('"50"'));
    expect(cellSource(text, table, 1, 'employees')).toBe(text.indexOf('40'));
  });

  it('points at the row when the column is not in it, or the row is no object', () => {
    expect(cellSource(text, table, 1, 'email')).toBe(text.indexOf('{"employees": 40}'));
    expect(cellSource(text, table, 2, 'email')).toBe(text.indexOf('7'));
    expect(cellSource(text, table, 2, undefined)).toBe(text.indexOf('7'));
  });

  it('finds the cell of a single-object payload, after a byte order mark', () => {
    const single = '\uFEFF { "email": "x" }';
    expect(cellSource(single, scanRows(single, 1, 1), 0, 'email')).toBe(single.indexOf('"x"'));
  });

  it('has no source for a row beyond the payload', () => {
    expect(cellSource(text, table, 3, 'email')).toBeUndefined();
  });
});
