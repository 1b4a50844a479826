import { describe, expect, it } from 'vitest';
import { readSpecText } from './spec-text.ts';

describe('spec text problems', () => {
  it.each([
    ['\n', 'LF'],
    ['\r\n', 'CRLF'],
    ['\r', 'a lone CR'],
  ])('sit on the line Monaco shows, with %j (%s) line breaks', (eol) => {
    const lines = [
      '{',
      '  "input_schema": {',
      '    "email": "string",',
      '    "email": "integer"',
      '  },',
      '  "dataframe_type": "LEAD"',
      '}',
    ];
    const reading = readSpecText(lines.join(eol));
    expect(reading.status).toBe('invalid');
    if (reading.status === 'ok') return;
    expect(reading.problems).toHaveLength(1);
    expect(reading.problems[0]).toMatchObject({ line: 4, column: 5 });
  });
});
