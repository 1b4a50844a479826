import { describe, expect, it } from 'vitest';
import { draftDifferences } from './draft-diff.ts';
import { createDraft, type Draft, sameContent } from './drafts-store.ts';

const base = (): Draft => ({
  ...createDraft('Leads', {
    dataframe_type: 'LEAD',
    columns: [{ name: 'email', type: 'string', required: true, description: '' }],
  }),
  id: 'd1',
  createdAt: 1,
  updatedAt: 1,
});

describe('draftDifferences', () => {
  it('names a column added in the other tab and a description edited here', () => {
    const start = base();
    const theirs: Draft = {
      ...start,
      model: {
        ...start.model,
        columns: [
          ...start.model.columns,
          { name: 'company', type: 'string', required: false, description: '' },
        ],
      },
    };
    const mine: Draft = {
      ...start,
      model: {
        ...start.model,
        columns: [{ name: 'email', type: 'string', required: true, description: 'Work email' }],
      },
    };
    expect(draftDifferences(mine, theirs)).toEqual([
      'Column “email”: string, required, “Work email” here; string, required there.',
      'Column “company”: only in the other tab.',
    ]);
    expect(sameContent(mine, theirs)).toBe(false);
  });

  it('sees an override typed in one tab only', () => {
    const start = base();
    const mine: Draft = { ...start, runs: { sandbox: { overrideText: '{}' } } };
    expect(draftDifferences(mine, start)).toEqual(['specs_override (sandbox) differs.']);
  });

  it('sees a payload changed there and one edited here', () => {
    const start = base();
    const theirs: Draft = { ...start, payload: { key: 'inlet.payload.v2.d1.b' } };
    expect(draftDifferences(start, theirs)).toEqual(['Sample payload: changed there.']);
    expect(draftDifferences(start, theirs, true)).toEqual([
      'Sample payload: edited here and changed there.',
    ]);
    expect(draftDifferences(start, start, true)).toEqual(['Sample payload: edited here.']);
    expect(sameContent(start, theirs)).toBe(false);
  });

  it('finds nothing between equal drafts saved at different times', () => {
    const start = base();
    expect(draftDifferences(start, { ...start, updatedAt: 99 })).toEqual([]);
    expect(sameContent(start, { ...start, updatedAt: 99 })).toBe(true);
  });
});
