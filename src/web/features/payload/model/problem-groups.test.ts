import { describe, expect, it } from 'vitest';
import { judgePayloadText } from '@core/judge/judge-payload.ts';
import { groupProblems } from './problem-groups.ts';

const spec = {
  columns: [
    { name: 'website', type: 'string' as const, required: true, description: '' },
    { name: 'size', type: 'integer' as const, required: false, description: '' },
  ],
  dataframe_type: 'COMPANY' as const,
};

describe('groupProblems', () => {
  const rows = [
    ...Array.from({ length: 5 }, () => ({ size: '3' })),
    { website: 'a.example', extra: 1 },
  ];
  const judgement = judgePayloadText(JSON.stringify(rows), spec);

  it('groups by kind and column, errors first, in words', () => {
    expect(groupProblems(judgement, 'all').map((group) => group.label)).toEqual([
      'website missing in 5 rows',
      'size of the wrong type in 5 rows',
      'extra is not in the spec (1 row)',
    ]);
  });
  it('filters by severity', () => {
    expect(groupProblems(judgement, 'warning').map((group) => group.kind)).toEqual([
      'type_mismatch',
    ]);
  });
  it('names a syntax error a syntax error', () => {
    const broken = judgePayloadText('[{"a": }]', spec);
    expect(groupProblems(broken, 'all').map((group) => group.label)).toEqual(['Syntax error']);
  });
});
