import { describe, expect, it } from 'vitest';
import { judgePayloadText } from '@core/judge/judge-payload.ts';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import { countsLine, formatBytes, messageWithoutPlace, verdictLine } from './summary-text.ts';

const spec: SpecModel = {
  dataframe_type: 'LEAD',
  columns: [
    { name: 'email', type: 'string', required: true, description: '' },
    { name: 'employees', type: 'integer', required: false, description: '' },
  ],
};

describe('status line', () => {
  it('counts errors, warnings and advisory columns and gives the verdict', () => {
    const judgement = judgePayloadText('[{"employees": "5"}, {"email": "a", "city": "x"}]', spec);
    expect(countsLine(judgement)).toBe('1 error · 1 warning · 1 advisory column');
    expect(verdictLine(judgement)).toMatch(/^The API would reject this payload: .+\(HTTP 400\)$/);
  });

  it('says when the API would accept it', () => {
    const judgement = judgePayloadText('[{"email": "a"}]', spec);
    expect(countsLine(judgement)).toBe('0 errors · 0 warnings · 0 advisory columns');
    expect(verdictLine(judgement)).toBe('The API would accept this payload (1 row).');
  });
});

describe('helpers', () => {
  it('drops a place the list already shows from a message', () => {
    expect(
      messageWithoutPlace({
        row: 2,
        column: 'email',
        message: 'Row 3 · email: required column is missing.',
      }),
    ).toBe('Required column is missing.');
    expect(messageWithoutPlace({ row: null, column: null, message: 'Not JSON.' })).toBe(
      'Not JSON.',
    );
  });

  it('formats sizes', () => {
    expect(formatBytes(265)).toBe('265 bytes');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10.0 MB');
    expect(formatBytes(3.2 * 1024 * 1024)).toBe('3.2 MB');
  });
});
