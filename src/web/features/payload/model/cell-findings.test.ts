import { describe, expect, it } from 'vitest';
import type { Finding } from '@core/judge/judgement.ts';
import { cellKey, cellProblem, indexCellFindings } from './cell-findings.ts';

const finding = (over: Partial<Finding>): Finding => ({
  kind: 'type_mismatch',
  severity: 'warning',
  row: 2,
  column: 'employees',
  pointer: '/2/employees',
  offset: 40,
  length: 4,
  message:
    'Row 3 · employees: expected an integer, got the string "50", which looks like a number in quotes; remove the quotes.',
  ...over,
});

describe('indexCellFindings', () => {
  it('keeps the cell findings by row and column, the most severe per cell', () => {
    const mismatch = finding({});
    const duplicate = finding({ kind: 'duplicate_key', message: 'Row 3 · employees: dup.' });
    const missing = finding({ kind: 'missing_required', severity: 'error', column: 'email' });
    const advisory = finding({ kind: 'advisory_column', severity: 'info', row: null });
    const whole = finding({ kind: 'invalid_json', severity: 'error', row: null, column: null });
    const index = indexCellFindings([whole, advisory, mismatch, duplicate, missing]);
    expect(index.size).toBe(2);
    expect(index.get(cellKey(2, 'employees'))).toBe(mismatch);
    expect(index.get(cellKey(2, 'email'))).toBe(missing);
    expect(index.get(cellKey(3, 'employees'))).toBeUndefined();
  });

  it('prefers an error over a warning found first', () => {
    const warning = finding({ kind: 'unsafe_number' });
    const error = finding({ kind: 'null_required', severity: 'error' });
    expect(indexCellFindings([warning, error]).get(cellKey(2, 'employees'))).toBe(error);
  });

  it('tells cells apart whose keys would join alike', () => {
    const a = finding({ row: 1, column: '1' });
    const b = finding({ row: 11, column: '' });
    const index = indexCellFindings([a, b]);
    expect(index.size).toBe(2);
  });
});

describe('cellProblem', () => {
  it('says the judge’s finding in the column’s words', () => {
    expect(
      cellProblem('employees', { text: '"50"', state: 'warning' }, 'integer', finding({})),
    ).toEqual({
      severity: 'warning',
      text: 'employees: expected an integer, got the string "50", which looks like a number in quotes; remove the quotes',
    });
  });

  it('falls back on the cell’s state when the judge kept no finding for it', () => {
    expect(cellProblem('website', { text: '42', state: 'warning' }, 'string', undefined)).toEqual({
      severity: 'warning',
      text: 'website: wrong type, expected string',
    });
    expect(cellProblem('email', { text: '', state: 'error' }, 'string', undefined)?.text).toBe(
      'email: required column is missing',
    );
    expect(cellProblem('email', { text: 'null', state: 'error' }, 'string', undefined)?.text).toBe(
      'email: required column is null',
    );
    expect(cellProblem('email', { text: 'a', state: 'ok' }, 'string', undefined)).toBeUndefined();
    expect(cellProblem('x', { text: '', state: 'absent' }, undefined, undefined)).toBeUndefined();
  });
});
