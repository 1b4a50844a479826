import { describe, expect, it } from 'vitest';
import { compareRuns, sameValue, suggestKeyColumn } from './compare-rows.ts';

const before = [
  { company_name: 'Acme', website: 'acme.com', employees: 10, fetched_at: '1' },
  { company_name: 'Beta', website: 'beta.io', employees: 5, fetched_at: '1' },
  { company_name: 'Gone', website: 'gone.example', employees: 1, fetched_at: '1' },
];
const after = [
  { company_name: 'Beta', website: 'beta.io', employees: 5, fetched_at: '2' },
  { company_name: 'Acme', website: 'acme.io', employees: 10, fetched_at: '2' },
  { company_name: 'New', website: 'new.example', employees: 3, fetched_at: '2' },
];

describe('compareRuns', () => {
  it('matches rows by key whatever their order, marking changed cells, added and removed', () => {
    const result = compareRuns(before, after, 'company_name', new Set(['fetched_at']));
    expect(result.counts).toEqual({ same: 1, changed: 1, added: 1, removed: 1 });
    const acme = result.rows.find((row) => row.key === 'Acme');
    expect(acme).toMatchObject({
      kind: 'changed',
      changes: [{ column: 'website', before: 'acme.com', after: 'acme.io' }],
    });
    expect(result.rows.find((row) => row.key === 'New')?.kind).toBe('added');
    expect(result.rows.find((row) => row.key === 'Gone')?.kind).toBe('removed');
    expect(result.columns).not.toContain('fetched_at');
  });

  it('counts a noisy field as a change until it is ignored', () => {
    const result = compareRuns(before, after, 'company_name');
    expect(result.counts.changed).toBe(2);
    expect(result.rows.find((row) => row.key === 'Beta')).toMatchObject({
      kind: 'changed',
      changes: [{ column: 'fetched_at' }],
    });
  });

  it('matches a repeated key occurrence by occurrence, and keyless rows by position', () => {
    const twice = [{ k: 'a', v: 1 }, { k: 'a', v: 2 }, { v: 9 }];
    const result = compareRuns(twice, [{ k: 'a', v: 1 }, { k: 'a', v: 3 }, { v: 9 }], 'k');
    expect(result.rows.map((row) => row.kind)).toEqual(['same', 'changed', 'same']);
    expect(result.keyless).toBe(2);
    expect(result.rows[2]?.key).toBe('(no key)');
  });

  it('tells a missing cell from a null one, and compares objects by value', () => {
    const result = compareRuns(
      [{ k: 'a', x: null, o: { p: 1, q: [1] } }],
      [{ k: 'a', o: { q: [1], p: 1 } }],
      'k',
    );
    expect(result.rows[0]).toMatchObject({ kind: 'changed', changes: [{ column: 'x' }] });
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });

  it('does not trip over odd column names', () => {
    const odd = [{ ['__proto__']: 'x', k: '🚀' }];
    const parsed = JSON.parse('[{"__proto__": "y", "k": "🚀"}]') as Record<string, unknown>[];
    const result = compareRuns(
      JSON.parse(JSON.stringify(odd)) as Record<string, unknown>[],
      parsed,
      'k',
    );
    expect(result.counts.changed + result.counts.same).toBe(1);
  });
});

describe('suggestKeyColumn', () => {
  it('prefers a well-known key that every row has', () => {
    expect(suggestKeyColumn(before, after)).toBe('company_name');
    expect(suggestKeyColumn([{ id: 1, email: '' }], [{ id: 2, email: 'a' }])).toBe('id');
    expect(suggestKeyColumn([{ a: 1 }], [{ b: 1 }])).toBeUndefined();
  });
});
