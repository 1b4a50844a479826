import { describe, expect, it } from 'vitest';
import { COLUMN_NAME_MAX_LENGTH } from '../limits.ts';
import { columnNameKey, columnNameProblem, findDuplicateColumns } from './column-name.ts';

describe('column names', () => {
  it.each([
    'email',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    '🚀 launch',
    'Ünïcødé',
    '2024',
    'a.b[0]',
  ])('accepts %j', (name) => {
    expect(columnNameProblem(name)).toBeUndefined();
  });

  it('refuses empty and blank names', () => {
    expect(columnNameProblem('')?.message).toMatch(/empty/);
    expect(columnNameProblem('   ')?.message).toMatch(/empty/);
  });

  it('counts length in code points after trimming', () => {
    expect(columnNameProblem('a'.repeat(COLUMN_NAME_MAX_LENGTH))).toBeUndefined();
    expect(columnNameProblem('😀'.repeat(COLUMN_NAME_MAX_LENGTH))).toBeUndefined();
    const long = columnNameProblem('a'.repeat(10_000));
    expect(long?.severity).toBe('error');
    expect(long?.message).toBe('Column name is 10000 characters long; shorten it to 128 or fewer.');
  });

  it('names the control character and where it is', () => {
    expect(columnNameProblem('em\tail')?.message).toBe(
      'Column name contains the control character U+0009 at position 3; remove it.',
    );
    expect(columnNameProblem('a\u0000')?.severity).toBe('error');
  });

  it('refuses bidi controls', () => {
    expect(columnNameProblem('admin\u202Etxt.exe')?.message).toMatch(/U\+202E at position 6/);
    expect(columnNameProblem('\u2066x')?.severity).toBe('error');
  });

  it('warns about surrounding spaces without refusing the name', () => {
    expect(columnNameProblem(' email ')).toMatchObject({ severity: 'warning' });
  });

  it('folds case and Unicode form for comparison', () => {
    expect(columnNameKey('Email')).toBe(columnNameKey('EMAIL'));
    expect(columnNameKey('straße')).toBe(columnNameKey('STRASSE'));
    expect(columnNameKey('e\u0301')).toBe(columnNameKey('\u00e9'));
    expect(columnNameKey('__proto__')).not.toBe(columnNameKey('__PROTO__ x'));
  });

  it('points each duplicate at the first column it clashes with', () => {
    expect(findDuplicateColumns(['Email', 'name', 'email', 'EMAIL', '', ''])).toEqual([
      undefined,
      undefined,
      0,
      0,
      undefined,
      undefined,
    ]);
    expect(findDuplicateColumns(['__proto__', 'constructor', '__proto__'])).toEqual([
      undefined,
      undefined,
      0,
    ]);
  });
});
