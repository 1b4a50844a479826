import { describe, expect, it } from 'vitest';
import type { InferredColumn } from '@core/judge/judgement.ts';
import type { Column } from '@core/spec/webhook-spec.ts';
import { columnsToAdd, proposeColumns } from './column-proposals.ts';

const inferred = (
  name: string,
  type: InferredColumn['type'],
  required: boolean,
): InferredColumn => ({
  name,
  type,
  required,
  evidence: { present: 1, rows: 1, typesSeen: [type], examples: [] },
});

const existing: Column[] = [
  { name: 'Email', type: 'string', required: true, description: 'kept' },
  { name: 'employees', type: 'integer', required: false, description: '' },
];

describe('proposeColumns', () => {
  it('marks columns already in the spec, with conflicts, and never offers them again', () => {
    const proposals = proposeColumns(
      [
        inferred('email', 'string', false),
        inferred('employees', 'string', true),
        inferred('city', 'string', true),
      ],
      existing,
    );
    expect(proposals.map((proposal) => proposal.status)).toEqual(['existing', 'existing', 'new']);
    expect(proposals[0]?.status === 'existing' && proposals[0].conflict).toMatch(/spells it Email/);
    expect(proposals[0]?.status === 'existing' && proposals[0].conflict).toMatch(/requires it/);
    expect(proposals[1]?.status === 'existing' && proposals[1].conflict).toBe(
      'the spec says integer, the payload looks like string',
    );
    expect(columnsToAdd(proposals, new Set(['email', 'employees', 'city']))).toEqual([
      { name: 'city', type: 'string', required: true, description: '' },
    ]);
    expect(columnsToAdd(proposals, new Set())).toEqual([]);
  });
});
