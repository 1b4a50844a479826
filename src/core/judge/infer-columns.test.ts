import { describe, expect, it } from 'vitest';
import { inferColumns } from './infer-columns.ts';

describe('inferColumns', () => {
  it('proposes a column per key, in first-seen order, with its evidence', () => {
    const columns = inferColumns([
      { email: 'ada@example.com', employees: 12, tags: ['a'] },
      { email: 'bob@example.com', employees: 3.5, active: true },
      { email: 'cy@example.com', employees: null, tags: [] },
    ]);
    expect(columns).toEqual([
      {
        name: 'email',
        type: 'string',
        required: true,
        evidence: {
          present: 3,
          rows: 3,
          typesSeen: ['string'],
          examples: ['ada@example.com', 'bob@example.com', 'cy@example.com'],
        },
      },
      {
        name: 'employees',
        type: 'number',
        required: false,
        evidence: {
          present: 3,
          rows: 3,
          typesSeen: ['integer', 'number', 'null'],
          examples: ['12', '3.5'],
        },
      },
      {
        name: 'tags',
        type: 'list[string]',
        required: false,
        evidence: { present: 2, rows: 3, typesSeen: ['array'], examples: ['["a"]', '[]'] },
      },
      {
        name: 'active',
        type: 'boolean',
        required: false,
        evidence: { present: 1, rows: 3, typesSeen: ['boolean'], examples: ['true'] },
      },
    ]);
  });

  it('picks integer only when every number is whole, and list types from every item', () => {
    const [count, ints, mixed, empty, dict] = inferColumns([
      { count: 1, ints: [1, 2], mixed: [1, 'a'], empty: [], dict: { a: 1 } },
      { count: 2, ints: [3], mixed: [], empty: [], dict: {} },
    ]);
    expect(count?.type).toBe('integer');
    expect(ints?.type).toBe('list[integer]');
    expect(mixed?.type).toBe('list');
    expect(empty?.type).toBe('list');
    expect(dict?.type).toBe('dict');
  });

  it('votes by the most common type, and says string when every value is null', () => {
    const [zip, note] = inferColumns([
      { zip: '01234', note: null },
      { zip: '98765', note: null },
      { zip: 12345 },
    ]);
    expect(zip).toMatchObject({ type: 'string', required: true });
    expect(zip?.evidence.typesSeen).toEqual(['string', 'integer']);
    expect(note).toMatchObject({ type: 'string', required: false });
  });

  it('keeps at most three distinct examples, each at most 60 characters', () => {
    const [column] = inferColumns([
      { text: 'a' },
      { text: 'a' },
      { text: 'x'.repeat(100) },
      { text: 'b' },
      { text: 'c' },
    ]);
    expect(column?.evidence.examples).toEqual(['a', `${'x'.repeat(60)}…`, 'b']);
  });

  it('treats a single object as one row and skips elements that are not rows', () => {
    expect(inferColumns({ a: 1 })).toEqual([
      expect.objectContaining({
        name: 'a',
        required: true,
        evidence: expect.objectContaining({ rows: 1 }) as unknown,
      }),
    ]);
    expect(inferColumns([{ a: 1 }, 3, null, ['x']])[0]?.evidence.rows).toBe(1);
    expect(inferColumns('text')).toEqual([]);
    expect(inferColumns([])).toEqual([]);
  });

  it('keeps hostile names as plain data', () => {
    const rows = JSON.parse('[{"__proto__": 1, "constructor": "x", "🦄": true}]') as unknown;
    expect(inferColumns(rows).map((column) => [column.name, column.type])).toEqual([
      ['__proto__', 'integer'],
      ['constructor', 'string'],
      ['🦄', 'boolean'],
    ]);
  });

  it('survives a value nested too deep for JSON.stringify', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    const [column] = inferColumns([{ deep }]);
    expect(column?.type).toBe('list');
    expect(column?.evidence.examples).toEqual(['[…]']);
  });
});

describe('inferColumns with typeText (a CSV’s cells)', () => {
  const rows = [
    { founded: '1998', is_public: 'true', score: '2.5', listed: '2001-04-02', tags: '["a"]' },
    { founded: '2004', is_public: 'FALSE', score: '3', tags: '[]' },
  ];

  it('reads integers, numbers, booleans and lists from text; a column in every row is required', () => {
    const byName = new Map(
      inferColumns(rows, { typeText: true }).map((column) => [column.name, column]),
    );
    expect(byName.get('founded')).toMatchObject({ type: 'integer', required: true });
    expect(byName.get('is_public')).toMatchObject({ type: 'boolean', required: true });
    expect(byName.get('score')?.type).toBe('number');
    expect(byName.get('tags')?.type).toBe('list[string]');
    expect(byName.get('founded')?.evidence.examples).toEqual(['1998', '2004']);
  });

  it('keeps ISO dates as text, and says so', () => {
    const listed = inferColumns(rows, { typeText: true }).find(
      (column) => column.name === 'listed',
    );
    expect(listed).toMatchObject({ type: 'string', required: false });
    expect(listed?.note).toMatch(/ISO dates/);
  });

  it('without typeText a string stays a string', () => {
    expect(inferColumns(rows).find((column) => column.name === 'founded')?.type).toBe('string');
  });
});
