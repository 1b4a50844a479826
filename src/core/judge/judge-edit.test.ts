import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_TYPES } from '../spec/field-type.ts';
import type { SpecModel } from '../spec/webhook-spec.ts';
import { editableJudgement, judgeEdit } from './judge-edit.ts';
import { judgePayloadText } from './judge-payload.ts';
import { applyTextChange } from './text-change.ts';
import type { JudgeOptions } from './judgement.ts';

const NAMES = ['email', 'employees', 'name', '__proto__', '🦄', 'a/b', 'Email ', 'x'];

const specArb: fc.Arbitrary<SpecModel> = fc
  .uniqueArray(
    fc.record({
      name: fc.constantFrom(...NAMES),
      type: fc.constantFrom(...FIELD_TYPES),
      required: fc.boolean(),
    }),
    { selector: (column) => column.name, maxLength: 4 },
  )
  .map((columns) => ({
    dataframe_type: 'LEAD',
    columns: columns.map((column) => ({ ...column, description: '' })),
  }));

const cellArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('50', 'true', 2 ** 53 + 2, 1.5, null, '\ud800', 'x', 'a@b.c'),
  fc.integer({ min: -5, max: 5000 }),
  fc.boolean(),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 3 })), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Object.fromEntries defines own properties, so "__proto__" becomes a plain key. */
const rowArb = fc
  .array(fc.tuple(fc.constantFrom(...NAMES), cellArb), { maxLength: 5 })
  .map((entries) => Object.fromEntries(entries) as Record<string, unknown>);

const payloadArb = fc.array(
  fc.oneof(
    { weight: 8, arbitrary: rowArb },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
  ),
  { minLength: 1, maxLength: 6 },
);

/** Pieces an edit inserts: keeping the JSON valid, breaking it, adding keys, line breaks. */
const INSERTS = [
  '',
  ' ',
  'x',
  '"',
  '1',
  '0',
  ',',
  '{',
  '}',
  ']',
  'null',
  'true',
  '"a"',
  '"email": "a@b.c", ',
  '"employees": "12", ',
  '"x": 1, ',
  '"name": 1, "name": 2, ',
  '\r\n',
  '\n',
  '\r',
  '\\ud800',
  '{"email": null}, ',
  ':',
  '[[[[[1]]]]]',
];

const editArb = fc.record({
  at: fc.nat({ max: 1_000_000 }),
  remove: fc.oneof(
    { weight: 6, arbitrary: fc.constant(0) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) },
    { weight: 1, arbitrary: fc.integer({ min: 5, max: 80 }) },
  ),
  insert: fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...INSERTS) },
    // Line breaks and spaces keep the JSON valid almost anywhere outside strings.
    { weight: 1, arbitrary: fc.constantFrom(' ', '\n', '\r\n', '  ') },
  ),
});

const optionsArb: fc.Arbitrary<JudgeOptions> = fc.record({
  maxFindingsPerKind: fc.constantFrom(1, 2, 1000),
  maxRows: fc.constantFrom(2, 100_000),
  maxBodyBytes: fc.constantFrom(120, 400, 10 * 1024 * 1024),
  maxDepth: fc.constantFrom(4, 64),
});

describe('judgeEdit', () => {
  it('equals a full judge of the edited text, over random edits', () => {
    let incremental = 0;
    let editable = 0;
    fc.assert(
      fc.property(
        specArb,
        payloadArb,
        fc.constantFrom<number | string>(2, '\t', 0),
        fc.boolean(),
        optionsArb,
        fc.array(editArb, { minLength: 1, maxLength: 8 }),
        (spec, rows, indent, crlf, options, changes) => {
          let text = JSON.stringify(rows, null, indent);
          if (crlf) text = text.replaceAll('\n', '\r\n');
          let state = editableJudgement(text, spec, judgePayloadText(text, spec, options));
          for (const edit of changes) {
            const offset = edit.at % (text.length + 1);
            const change = {
              offset,
              length: Math.min(edit.remove, text.length - offset),
              text: edit.insert,
            };
            const next = applyTextChange(text, change);
            const full = judgePayloadText(next, spec, options);
            const judged = state ? judgeEdit(state, change, options) : undefined;
            if (state) editable += 1;
            if (judged) {
              incremental += 1;
              expect(judged.text).toBe(next);
              expect(judged.judgement).toEqual(full);
              const fresh = editableJudgement(next, spec, full);
              expect(fresh?.table).toEqual(judged.table);
              expect(judged.value).toEqual((JSON.parse(next) as unknown[])[judged.row]);
            }
            text = next;
            state = judged ?? editableJudgement(text, spec, full);
          }
        },
      ),
      { numRuns: 600 },
    );
    // Of the edits to a valid array, the row-by-row path must take many, or this shows nothing.
    expect(incremental).toBeGreaterThan(editable / 6);
  });

  it('judges a space typed inside a row of a large payload row by row', () => {
    const spec: SpecModel = {
      dataframe_type: 'LEAD',
      columns: [{ name: 'email', type: 'string', required: true, description: '' }],
    };
    const rows = Array.from({ length: 3000 }, (_, index) =>
      index % 40 === 7 ? { name: `P${String(index)}` } : { email: `p${String(index)}@x.io` },
    );
    const text = JSON.stringify(rows, null, 2);
    // The list of missing emails is cut at 10 of 75, so the fix below is past the cut.
    const options = { maxFindingsPerKind: 10 };
    const state = editableJudgement(text, spec, judgePayloadText(text, spec, options));
    if (!state) throw new Error('an array of rows is editable');
    const change = { offset: text.indexOf('{') + 1, length: 0, text: ' ' };
    const judged = judgeEdit(state, change, options);
    expect(judged).toBeDefined();
    expect(judged?.judgement).toEqual(
      judgePayloadText(applyTextChange(text, change), spec, options),
    );
    const bad = text.indexOf('"name": "P2807"');
    const fix = { offset: bad, length: 0, text: '"email": "p@x.io", ' };
    const fixed = judgeEdit(state, fix, options);
    expect(fixed).toBeDefined();
    expect(fixed?.judgement).toEqual(judgePayloadText(applyTextChange(text, fix), spec, options));
  });

  it('leaves an edit that adds a row, or spans two, to the full judge', () => {
    const spec: SpecModel = { dataframe_type: 'LEAD', columns: [] };
    const text = '[{"a": 1},\r\n{"a": 2}]';
    const state = editableJudgement(text, spec, judgePayloadText(text, spec));
    if (!state) throw new Error('an array of rows is editable');
    expect(judgeEdit(state, { offset: 9, length: 0, text: ', {"a": 3}' })).toBeUndefined();
    expect(judgeEdit(state, { offset: 5, length: 10, text: '' })).toBeUndefined();
    expect(judgeEdit(state, { offset: 6, length: 1, text: '"' })).toBeUndefined();
    expect(judgeEdit(state, { offset: 7, length: 1, text: '7' })?.judgement).toEqual(
      judgePayloadText('[{"a": 7},\r\n{"a": 2}]', spec),
    );
  });
});
