import { describe, expect, it } from 'vitest';
import { csvChunks, toCsv } from './to-csv.ts';

describe('toCsv', () => {
  it('writes RFC 4180 CSV with a header of every column in first-seen order', () => {
    expect(
      toCsv([
        { a: 'x', b: 1 },
        { b: true, c: null },
      ]),
    ).toBe('a,b,c\r\nx,1,\r\n,true,\r\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv([{ a: 'x,y', b: 'say "hi"', c: 'two\nlines' }])).toBe(
      'a,b,c\r\n"x,y","say ""hi""","two\nlines"\r\n',
    );
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    const csv = toCsv([{ '=head': '=1+1', b: '+x', c: '-y', d: '@z', e: '\tt', f: '\rr', n: -5 }]);
    expect(csv).toBe(`'=head,b,c,d,e,f,n\r\n'=1+1,'+x,'-y,'@z,'\tt,"'\rr",-5\r\n`);
  });

  it('writes nested values as JSON', () => {
    expect(toCsv([{ a: [1, 2], b: { c: 'd' } }])).toBe('a,b\r\n"[1,2]","{""c"":""d""}"\r\n');
  });

  it('renders a thousand rows a chunk, each chunk ending at a line end', () => {
    const rows = Array.from({ length: 2_500 }, (_, index) => ({ n: index, text: 'a\r\nb' }));
    const chunks = [...csvChunks(rows)];
    expect(chunks).toHaveLength(3);
    for (const chunk of chunks) expect(chunk.endsWith('"\r\n')).toBe(true);
    expect(chunks.join('').split('"\r\n').length).toBe(2_501);
    expect(csvChunks([]).next()).toEqual({ done: false, value: '\r\n' });
  });
});
