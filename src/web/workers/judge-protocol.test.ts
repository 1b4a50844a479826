import { describe, expect, it } from 'vitest';
import { judgeRequestSchema, judgeResponseEnvelopeSchema } from './judge-protocol.ts';

const spec = {
  columns: [{ name: 'company_name', type: 'string', required: true, description: '' }],
  dataframe_type: 'COMPANY',
};

describe('the judge worker checks what it is asked', () => {
  it('accepts each request the page sends', () => {
    expect(judgeRequestSchema.safeParse({ type: 'judge', id: 1, text: '[]', spec }).success).toBe(
      true,
    );
    expect(
      judgeRequestSchema.safeParse({ type: 'rows', id: 2, judgeId: 1, start: 0, end: 50 }).success,
    ).toBe(true);
    expect(
      judgeRequestSchema.safeParse({ type: 'column-fix', id: 3, judgeId: 1, columns: ['a'] })
        .success,
    ).toBe(true);
  });

  it('refuses a request of another shape, saying where', () => {
    const noSpec = judgeRequestSchema.safeParse({ type: 'judge', id: 1, text: '[]' });
    expect(noSpec.success).toBe(false);
    expect(noSpec.error?.issues[0]?.path).toEqual(['spec']);
    expect(
      judgeRequestSchema.safeParse({ type: 'convert', id: 1, format: 'xml', text: '', spec })
        .success,
    ).toBe(false);
    expect(
      judgeRequestSchema.safeParse({ type: 'rows', id: 1, judgeId: 1, start: -1, end: 5 }).success,
    ).toBe(false);
  });

  it('checks an answer by its envelope', () => {
    expect(
      judgeResponseEnvelopeSchema.safeParse({ type: 'failed', id: 1, message: 'x' }).success,
    ).toBe(true);
    expect(judgeResponseEnvelopeSchema.safeParse({ type: 'judgd', id: 1 }).success).toBe(false);
  });
});
