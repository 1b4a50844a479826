import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MAX_JSON_DEPTH, MAX_ROWS } from '../limits.ts';
import type { FieldType } from '../spec/field-type.ts';
import type { SpecModel } from '../spec/webhook-spec.ts';
import { judgePayloadText, judgePayloadValue } from './judge-payload.ts';
import type { Finding, Judgement } from './judgement.ts';

const spec = (...columns: [string, FieldType, boolean?][]): SpecModel => ({
  dataframe_type: 'LEAD',
  columns: columns.map(([name, type, required]) => ({
    name,
    type,
    required: required ?? false,
    description: '',
  })),
});

const leads = spec(['email', 'string', true], ['employees', 'integer'], ['tags', 'list[string]']);

/** Judges the payload both ways and checks they agree on the verdict and findings. */
function judgeBoth(value: unknown, model: SpecModel = leads): Judgement {
  const text = judgePayloadText(JSON.stringify(value), model);
  const parsed = judgePayloadValue(value, model);
  expect(parsed.verdict).toBe(text.verdict);
  expect(parsed.rejection).toEqual(text.rejection);
  const withoutRange = (finding: Finding) => [
    finding.kind,
    finding.severity,
    finding.row,
    finding.column,
    finding.pointer,
    finding.message,
  ];
  expect(parsed.findings.map(withoutRange)).toEqual(text.findings.map(withoutRange));
  return text;
}

const kinds = (judgement: Judgement): string[] => judgement.findings.map((f) => f.kind);

describe('accepted payloads', () => {
  it('accepts an array of rows that match the spec, with no findings', () => {
    const judgement = judgeBoth([
      { email: 'ada@example.com', employees: 12, tags: ['a'] },
      { email: 'bob@example.com' },
    ]);
    expect(judgement).toMatchObject({ verdict: 'accepted', findings: [], truncated: false });
    expect(judgement.rejection).toBeUndefined();
    expect(judgement.totals).toMatchObject({ errors: 0, warnings: 0, infos: 0 });
  });

  it('accepts a single object as one row', () => {
    const judgement = judgeBoth({ email: 'ada@example.com' });
    expect(judgement.verdict).toBe('accepted');
    expect(judgement.summary.rowCount).toBe(1);
  });

  it('accepts null in an optional column without a finding', () => {
    expect(judgeBoth([{ email: 'a', employees: null }]).findings).toEqual([]);
  });

  it('accepts a type mismatch with a warning that says what to change', () => {
    const judgement = judgeBoth([
      { email: 'a', employees: 5 },
      { email: 'b', employees: 5 },
      { email: 'c', employees: 5 },
      { email: 'd', employees: '50-100' },
    ]);
    expect(judgement.verdict).toBe('accepted');
    expect(judgement.findings).toEqual([
      expect.objectContaining({
        kind: 'type_mismatch',
        severity: 'warning',
        row: 3,
        column: 'employees',
        pointer: '/3/employees',
        message: expect.stringContaining(
          'Row 4 · employees: expected an integer, got the string "50-100"',
        ) as unknown,
      }),
    ]);
  });

  it('says a number in quotes looks like a number in quotes', () => {
    const [finding] = judgeBoth([{ email: 'a', employees: '50' }]).findings;
    expect(finding?.message).toContain('looks like a number in quotes; remove the quotes');
  });

  it('names the bad item of a list column', () => {
    const [finding] = judgeBoth([{ email: 'a', tags: ['x', 3] }]).findings;
    expect(finding).toMatchObject({ kind: 'type_mismatch', pointer: '/0/tags' });
    expect(finding?.message).toContain('item 2 is the number 3');
  });

  it('reports an advisory column once with its row count, as info', () => {
    const judgement = judgeBoth([
      { email: 'a', source: 'x' },
      { email: 'b' },
      { email: 'c', source: 'y' },
    ]);
    expect(judgement.verdict).toBe('accepted');
    expect(judgement.findings).toEqual([
      expect.objectContaining({
        kind: 'advisory_column',
        severity: 'info',
        row: 0,
        column: 'source',
        pointer: '/0/source',
        message: expect.stringContaining('2 of 3 rows have it') as unknown,
      }),
    ]);
  });

  it('warns when an advisory column differs from a declared one only by case or spaces', () => {
    const judgement = judgeBoth([{ email: 'a', ' Employees': 3 }]);
    expect(judgement.findings).toEqual([
      expect.objectContaining({ kind: 'advisory_column', severity: 'warning' }),
    ]);
    expect(judgement.findings[0]?.message).toContain('rename the key to "employees"');
  });
});

describe('rejected payloads', () => {
  it('rejects invalid JSON with 422 and a line and column', () => {
    const judgement = judgePayloadText('[{"email": "a"},\n {"email" "b"}]', leads);
    expect(judgement.verdict).toBe('rejected');
    expect(judgement.rejection?.status).toBe(422);
    expect(judgement.findings).toEqual([
      expect.objectContaining({ kind: 'invalid_json', severity: 'error', offset: 27, length: 1 }),
    ]);
    expect(judgement.rejection?.message).toMatch(
      /^Syntax error at line 2, column 11: expected ":"/,
    );
  });

  // FastAPI checks webhook_payload against the OpenAPI model before anything else: a value
  // that is not a list or an object is a 422 (contract, "Revision of 2026-12-02").
  it.each([
    ['a string', 'hello'],
    ['a number', 42],
    ['a list', [[{ email: 'a' }]]],
  ])('rejects a payload that is %s with 422, as the API does', (_label, value) => {
    const judgement = judgeBoth(value);
    expect(judgement.rejection?.status).toBe(422);
    expect(kinds(judgement)).toContain('not_rows');
  });

  it.each([
    ['a scalar', 3],
    ['null', null],
    ['an array', [{ email: 'a' }]],
  ])('rejects a row that is %s with 422, naming the row', (_label, row) => {
    const judgement = judgeBoth([{ email: 'a' }, row]);
    expect(judgement.rejection?.status).toBe(422);
    expect(judgement.findings[0]).toMatchObject({ kind: 'not_rows', row: 1, pointer: '/1' });
    expect(judgement.findings[0]?.message).toMatch(/^Row 2 is /);
  });

  it('rejects a row that is not an object before a missing column or too many rows', () => {
    expect(judgeBoth([{}, 3]).rejection?.status).toBe(422);
    const many = [3, ...Array.from({ length: MAX_ROWS }, () => ({ email: 'a' }))];
    expect(judgePayloadValue(many, leads).rejection?.status).toBe(422);
  });

  // The OpenAPI allows webhook_payload null: the API reads it as no payload, which is a 400
  // when the block has no webhook_input either.
  it.each([
    ['null', null],
    ['undefined (no payload at all)', undefined],
  ])('rejects the value %s as no rows, with 400', (_label, value) => {
    const judgement = judgePayloadValue(value, leads);
    expect(judgement.rejection?.status).toBe(400);
    expect(kinds(judgement)).toEqual(['empty_payload']);
  });

  it('rejects an empty array with 400', () => {
    const judgement = judgeBoth([]);
    expect(judgement.rejection).toEqual({
      status: 400,
      message: 'The payload is an empty array; add at least one row object.',
    });
  });

  it('rejects empty text as invalid JSON with a message about the empty payload', () => {
    const judgement = judgePayloadText('  \n', leads);
    expect(judgement.rejection?.status).toBe(422);
    expect(judgement.rejection?.message).toContain('The payload is empty');
  });

  it('rejects a missing required column with 400 and says to add it', () => {
    const judgement = judgeBoth([{ email: 'a' }, { employees: 3 }]);
    expect(judgement.rejection?.status).toBe(400);
    expect(judgement.findings).toEqual([
      expect.objectContaining({
        kind: 'missing_required',
        severity: 'error',
        row: 1,
        column: 'email',
        pointer: '/1',
        message: 'Row 2 · email: required column is missing; add "email" to this row.',
      }),
    ]);
  });

  it('rejects null in a required column with 400', () => {
    const judgement = judgeBoth([{ email: null }]);
    expect(judgement.rejection?.status).toBe(400);
    expect(judgement.findings[0]).toMatchObject({ kind: 'null_required', pointer: '/0/email' });
  });

  it('rejects more rows than the limit with 400, and accepts exactly the limit', () => {
    const atLimit = Array.from({ length: MAX_ROWS }, () => ({ email: 'a' }));
    expect(judgePayloadValue(atLimit, leads).verdict).toBe('accepted');
    const over = judgePayloadValue([...atLimit, { email: 'b' }], leads);
    expect(over.rejection?.status).toBe(400);
    expect(over.findings[0]).toMatchObject({ kind: 'too_many_rows', pointer: `/${MAX_ROWS}` });
    expect(over.rejection?.message).toContain('100,001 rows; the limit is 100,000 rows');
  });

  it('honours a configured row limit', () => {
    const judgement = judgeBoth([{ email: 'a' }, { email: 'b' }, { email: 'c' }], leads);
    expect(judgement.verdict).toBe('accepted');
    const limited = judgePayloadText('[{"email":"a"},{"email":"b"},{"email":"c"}]', leads, {
      maxRows: 2,
    });
    expect(limited.rejection?.status).toBe(400);
    expect(limited.findings[0]).toMatchObject({ kind: 'too_many_rows', row: 2, offset: 29 });
  });

  it('rejects nesting deeper than the depth limit with 422, naming the limit', () => {
    const nest = (levels: number): unknown => {
      let value: unknown = 1;
      for (let level = 0; level < levels; level += 1) value = [value];
      return value;
    };
    // The array is depth 1, a row depth 2, so a cell may add MAX_JSON_DEPTH - 2 levels.
    expect(judgeBoth([{ email: 'a', deep: nest(MAX_JSON_DEPTH - 2) }]).verdict).toBe('accepted');
    const judgement = judgeBoth([{ email: 'a', deep: nest(MAX_JSON_DEPTH - 1) }]);
    expect(judgement.rejection?.status).toBe(422);
    expect(judgement.findings[0]).toMatchObject({ kind: 'too_deep', pointer: '/0/deep' });
    expect(judgement.rejection?.message).toContain(
      `nested more than ${MAX_JSON_DEPTH} levels deep`,
    );
  });

  it('rejects a text over the body limit with 413, counting UTF-8 bytes', () => {
    // 4 bytes per emoji, 2 UTF-16 units: under the limit in length, over it in bytes.
    const emoji = '😀'.repeat(Math.ceil(MAX_BODY_BYTES / 4));
    const judgement = judgePayloadText(JSON.stringify({ email: emoji }), leads);
    expect(judgement.rejection?.status).toBe(413);
    expect(judgement.findings[0]).toMatchObject({ kind: 'too_large', pointer: '' });
    expect(judgement.findings[0]?.message).toContain('10,485,772 bytes');
  });

  it('checks the body limit in the value variant only when told the size', () => {
    const value = [{ email: 'a' }];
    expect(judgePayloadValue(value, leads).verdict).toBe('accepted');
    const judgement = judgePayloadValue(value, leads, { bodyBytes: MAX_BODY_BYTES + 1 });
    expect(judgement.rejection?.status).toBe(413);
  });

  it('answers 413 before 422 when a text is both too large and invalid', () => {
    const judgement = judgePayloadText('[1,', leads, { maxBodyBytes: 2 });
    expect(judgement.rejection?.status).toBe(413);
    expect(kinds(judgement).sort()).toEqual(['invalid_json', 'too_large']);
  });

  it('counts the other errors in the rejection sentence', () => {
    const judgement = judgeBoth([{}, {}, {}]);
    expect(judgement.rejection?.message).toBe(
      'Row 1 · email: required column is missing; add "email" to this row. The payload has 2 more errors.',
    );
  });
});

describe('caps and totals', () => {
  it('keeps at most the cap of each kind but counts them all', () => {
    const rows = Array.from({ length: 1500 }, () => ({ employees: 'x' }));
    const judgement = judgePayloadText(JSON.stringify(rows), leads, { maxFindingsPerKind: 1000 });
    expect(judgement.truncated).toBe(true);
    expect(judgement.totals.byKind.missing_required).toBe(1500);
    expect(judgement.totals.byKind.type_mismatch).toBe(1500);
    expect(judgement.totals.errors).toBe(1500);
    expect(judgement.totals.warnings).toBe(1500);
    expect(kinds(judgement).filter((kind) => kind === 'missing_required')).toHaveLength(1000);
    expect(kinds(judgement).filter((kind) => kind === 'type_mismatch')).toHaveLength(1000);
    // Kept findings are the first ones, and each has its place in the text.
    expect(judgement.findings.at(-1)?.row).toBe(999);
    expect(judgement.findings.every((finding) => finding.offset !== undefined)).toBe(true);
  });

  it('is not truncated at exactly the cap', () => {
    const rows = Array.from({ length: 5 }, () => ({}));
    const judgement = judgePayloadValue(rows, leads, { maxFindingsPerKind: 5 });
    expect(judgement.truncated).toBe(false);
    expect(judgement.findings).toHaveLength(5);
  });

  it('sorts payload-level findings first, then by row', () => {
    const judgement = judgePayloadText('\uFEFF[{"email": "a", "x": 1}, {"employees": "3"}]', leads);
    expect(judgement.findings.map((f) => [f.kind, f.row])).toEqual([
      ['byte_order_mark', null],
      ['advisory_column', 0],
      ['type_mismatch', 1],
      ['missing_required', 1],
    ]);
  });
});

describe('summary', () => {
  it('lists declared columns in spec order, then advisory columns as first seen', () => {
    const judgement = judgeBoth([
      { zeta: 1, employees: 2, email: 'a' },
      { email: null, alpha: [1], employees: 2.5 },
      3,
    ]);
    expect(judgement.summary).toEqual({
      rowCount: 3,
      columns: [
        { name: 'email', declared: true, present: 2, types: { string: 1, null: 1 } },
        { name: 'employees', declared: true, present: 2, types: { integer: 1, number: 1 } },
        { name: 'tags', declared: true, present: 0, types: {} },
        { name: 'zeta', declared: false, present: 1, types: { integer: 1 } },
        { name: 'alpha', declared: false, present: 1, types: { array: 1 } },
      ],
    });
  });

  it('still lists the declared columns when the JSON is invalid', () => {
    const judgement = judgePayloadText('{', leads);
    expect(judgement.summary.rowCount).toBe(0);
    expect(judgement.summary.columns.map((column) => column.name)).toEqual([
      'email',
      'employees',
      'tags',
    ]);
  });
});
