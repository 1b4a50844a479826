import { describe, expect, it } from 'vitest';
import { coerceCell } from './coerce-cell.ts';

describe('coerceCell', () => {
  it('types text by the column type', () => {
    expect(coerceCell('42', 'integer')).toEqual({ kind: 'converted', value: 42 });
    expect(coerceCell(' -7 ', 'integer')).toEqual({ kind: 'converted', value: -7 });
    expect(coerceCell('2.5e3', 'number')).toEqual({ kind: 'converted', value: 2500 });
    expect(coerceCell('TRUE', 'boolean')).toEqual({ kind: 'converted', value: true });
    expect(coerceCell('false', 'boolean')).toEqual({ kind: 'converted', value: false });
    expect(coerceCell('["a","b"]', 'list[string]')).toEqual({
      kind: 'converted',
      value: ['a', 'b'],
    });
    expect(coerceCell('{"a":1}', 'dict')).toEqual({ kind: 'converted', value: { a: 1 } });
  });

  it('keeps text that does not read as the type, so nothing changes silently', () => {
    expect(coerceCell('4.2', 'integer')).toEqual({ kind: 'kept', value: '4.2' });
    expect(coerceCell('12345678901234567890', 'integer')).toEqual({
      kind: 'kept',
      value: '12345678901234567890',
    });
    expect(coerceCell('yes', 'boolean')).toEqual({ kind: 'kept', value: 'yes' });
    expect(coerceCell('[1,"a"]', 'list[integer]')).toEqual({ kind: 'kept', value: '[1,"a"]' });
    expect(coerceCell('Infinity', 'number')).toEqual({ kind: 'kept', value: 'Infinity' });
  });

  it('leaves text columns, advisory columns and empty cells alone', () => {
    expect(coerceCell('007', 'string')).toEqual({ kind: 'text', value: '007' });
    expect(coerceCell(' 42 ', undefined)).toEqual({ kind: 'text', value: ' 42 ' });
    expect(coerceCell('', 'integer')).toEqual({ kind: 'empty' });
  });
});
