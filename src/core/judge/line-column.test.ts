import { describe, expect, it } from 'vitest';
import { lineColumnAt, lineStarts, offsetToLineColumn } from './line-column.ts';

describe('lines and columns of offsets', () => {
  const text = 'a\nbc\r\nd\re\r\r\nf';

  it('counts "\\n", "\\r\\n" and a lone "\\r" as one line break each, as Monaco does', () => {
    expect(offsetToLineColumn(text, text.indexOf('b'))).toEqual({ line: 2, column: 1 });
    expect(offsetToLineColumn(text, text.indexOf('d'))).toEqual({ line: 3, column: 1 });
    expect(offsetToLineColumn(text, text.indexOf('e'))).toEqual({ line: 4, column: 1 });
    expect(offsetToLineColumn(text, text.indexOf('f'))).toEqual({ line: 6, column: 1 });
    expect(offsetToLineColumn(text, text.indexOf('c'))).toEqual({ line: 2, column: 2 });
  });

  it('the walk and the search over line starts agree at every offset', () => {
    const starts = lineStarts(text);
    for (let offset = 0; offset <= text.length; offset += 1) {
      expect(lineColumnAt(starts, offset), `offset ${offset}`).toEqual(
        offsetToLineColumn(text, offset),
      );
    }
  });
});
