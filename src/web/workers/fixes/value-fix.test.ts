import { describe, expect, it } from 'vitest';
import { columnFixEdits } from './column-fix-edits.ts';
import { fixTitle, fixValue } from './value-fix.ts';

describe('fixValue', () => {
  it('drops the quotes from a number in an integer or number column', () => {
    expect(fixValue('"50"', 'integer')).toEqual({ kind: 'remove-quotes', text: '50' });
    expect(fixValue('"2.5"', 'number')).toEqual({ kind: 'remove-quotes', text: '2.5' });
  });
  it('sets other values to the column type when they read as it', () => {
    expect(fixValue('"true"', 'boolean')).toEqual({ kind: 'set-type', text: 'true' });
    expect(fixValue('42', 'string')).toEqual({ kind: 'set-type', text: '"42"' });
  });
  it('guesses nothing: text that is not a number stays, and so does a right value', () => {
    expect(fixValue('"fifty"', 'integer')).toBeUndefined();
    expect(fixValue('50', 'integer')).toBeUndefined();
    expect(fixValue('"9007199254740993"', 'integer')).toBeUndefined();
  });
  it('says what it does, for one row or all', () => {
    expect(fixTitle('remove-quotes', 'integer')).toBe('Remove the quotes');
    expect(fixTitle('set-type', 'boolean', 1200)).toBe(
      'Set the value to boolean in all 1,200 rows',
    );
  });
});

describe('columnFixEdits', () => {
  const spec = {
    columns: [{ name: 'n', type: 'integer' as const, required: false, description: '' }],
    dataframe_type: 'COMPANY' as const,
  };
  it('fixes every row of the column, beyond the judge’s 1,000 findings a kind', () => {
    const rows = Array.from({ length: 1500 }, (_, index) => ({ n: String(index) }));
    const text = JSON.stringify(rows);
    const edits = columnFixEdits(text, spec, ['n']);
    expect(edits).toHaveLength(1500);
    let fixed = text;
    for (const edit of [...edits].sort((a, b) => b.offset - a.offset))
      fixed = fixed.slice(0, edit.offset) + edit.text + fixed.slice(edit.offset + edit.length);
    expect(JSON.parse(fixed)).toEqual(rows.map((_, index) => ({ n: index })));
  });
  it('leaves a column that is not in the spec alone', () => {
    expect(columnFixEdits('[{"m":"1"}]', spec, ['m'])).toEqual([]);
  });
});
