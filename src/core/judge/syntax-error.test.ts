import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSyntaxError } from './find-syntax-error.ts';
import { judgePayloadText } from './judge-payload.ts';
import { offsetToLineColumn } from './line-column.ts';

const noColumns = { dataframe_type: 'LEAD' as const, columns: [] };

const syntaxFinding = (text: string) => {
  const judgement = judgePayloadText(text, noColumns);
  expect(judgement.rejection?.status).toBe(422);
  const finding = judgement.findings.find((f) => f.kind === 'invalid_json');
  return { offset: finding?.offset, length: finding?.length, message: finding?.message ?? '' };
};

describe('malformed JSON is placed exactly', () => {
  it.each([
    ['[1, 2', 5, 0, 'expected "," or "]" here'],
    ['{"a": 1', 7, 0, 'expected "," or "}" here'],
    ['[{"a": 1,}]', 9, 1, 'trailing comma'],
    ['[1, 2,]', 6, 1, 'trailing comma'],
    ["[{'a': 1}]", 2, 1, 'double quotes'],
    ['{"a" 1}', 5, 1, 'expected ":"'],
    ['[1 2]', 3, 1, 'expected "," or "]"'],
    ['[01]', 2, 1, 'expected "," or "]"'],
    ['[1.]', 1, 3, 'this number is not written'],
    ['[-]', 1, 2, 'this number is not written'],
    ['[NaN]', 1, 1, 'no NaN, Infinity or undefined'],
    ['["a\\x"]', 3, 2, 'invalid escape'],
    ['["\\u12"]', 2, 4, 'invalid \\u escape'],
    ['["a\tb"]', 3, 1, 'control character'],
    ['["abc', 1, 4, 'not closed'],
    ['[1] [2]', 4, 1, 'unexpected text after the end'],
    ['[1] // note', 4, 1, 'unexpected text after the end'],
    ['[// note\n1]', 1, 1, 'comments are not allowed'],
    ['[1,\u00A02]', 3, 1, 'expected a value'],
    ['{"a": 1}\n\n  x', 12, 1, 'unexpected text'],
  ])('%j → offset %i', (text, offset, length, advice) => {
    const found = syntaxFinding(text);
    expect(found).toMatchObject({ offset, length });
    expect(found.message).toContain(advice);
    expect(found.message).toMatch(/\. The payload is not valid JSON\.$/);
  });

  it('gives the line and column in the message', () => {
    const text = '[\n  {"email": "a"},\n  {"email": "b",}\n]';
    const found = syntaxFinding(text);
    expect(found.offset).toBe(text.indexOf(',}') + 1);
    expect(found.message).toMatch(/^Syntax error at line 3, column 17: trailing comma/);
  });

  it('agrees with JSON.parse on what is valid, for corrupted JSON texts', () => {
    // Every character here is one UTF-16 unit, so splitting by code unit is exact.
    const noise = fc.constantFrom(
      ...Array.from('{}[],:"\\ 0123456789-+.eEtrufalsn\u0000\t\n\u00A0\uFEFFx\'/'),
    );
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.array(noise, { maxLength: 3 }), (json, at, chars) => {
        const position = json.length === 0 ? 0 : at % json.length;
        const text = json.slice(0, position) + chars.join('') + json.slice(position + 1);
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const error = findSyntaxError(text);
        expect(error === undefined).toBe(valid);
        if (error) expect(error.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('offsetToLineColumn', () => {
  it('counts 1-based lines and UTF-16 columns across \\n, \\r\\n and \\r', () => {
    const text = 'ab\ncd\r\nef\rgh';
    expect(offsetToLineColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(offsetToLineColumn(text, 2)).toEqual({ line: 1, column: 3 });
    expect(offsetToLineColumn(text, 3)).toEqual({ line: 2, column: 1 });
    expect(offsetToLineColumn(text, 7)).toEqual({ line: 3, column: 1 });
    expect(offsetToLineColumn(text, 10)).toEqual({ line: 4, column: 1 });
    expect(offsetToLineColumn(text, 99)).toEqual({ line: 4, column: 3 });
    expect(offsetToLineColumn('🦄x', 2)).toEqual({ line: 1, column: 3 });
  });
});
