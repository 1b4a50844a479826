import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_TYPES, matchesFieldType } from '../spec/field-type.ts';
import { judgePayloadValue } from './judge-payload.ts';

describe('the inlined type test', () => {
  it('reports a type mismatch exactly when matchesFieldType says the value does not fit', () => {
    const valueArb = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(1.5, -0, 2 ** 60, '1', true, [1, 2.5], [1, 'a'], ['a'], [], {}),
    );
    fc.assert(
      fc.property(fc.constantFrom(...FIELD_TYPES), valueArb, (type, value) => {
        fc.pre(value !== null);
        const judgement = judgePayloadValue([{ cell: value }], {
          dataframe_type: 'LEAD',
          columns: [{ name: 'cell', type, required: false, description: '' }],
        });
        const mismatch = judgement.findings.some((finding) => finding.kind === 'type_mismatch');
        expect(mismatch).toBe(!matchesFieldType(value, type));
      }),
      { numRuns: 1000 },
    );
  });
});
