import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_TYPES } from '../spec/field-type.ts';
import type { SpecModel } from '../spec/webhook-spec.ts';
import { judgePayloadText, judgePayloadValue } from './judge-payload.ts';
import type { Judgement } from './judgement.ts';
import { parsePointer } from './json-pointer.ts';

const HOSTILE_NAMES = [
  'email',
  'employees',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '🦄',
  'a/b',
  'c~d',
  '~1',
  '',
  ' padded ',
  '"quoted"',
  'back\\slash',
  'k'.repeat(300),
];

const nameArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NAMES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) },
);

const specArb: fc.Arbitrary<SpecModel> = fc
  .uniqueArray(
    fc.record({ name: nameArb, type: fc.constantFrom(...FIELD_TYPES), required: fc.boolean() }),
    { selector: (column) => column.name, maxLength: 5 },
  )
  .map((columns) => ({
    dataframe_type: 'LEAD',
    columns: columns.map((column) => ({ ...column, description: '' })),
  }));

const cellArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('50', 'true', 12345678901234567000, 2 ** 53 + 2, 1.5, -0, null, '\ud800', 'x'),
  fc.string({ maxLength: 8, unit: 'binary' }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 3 })), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Object.fromEntries defines own properties, so "__proto__" becomes a plain key. */
const rowArb = fc
  .array(fc.tuple(nameArb, cellArb), { maxLength: 6 })
  .map((entries) => Object.fromEntries(entries) as Record<string, unknown>);

const payloadArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.array(rowArb, { maxLength: 6 }) },
  { weight: 2, arbitrary: rowArb },
  {
    weight: 1,
    arbitrary: fc.array(fc.oneof(rowArb, fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

const indentArb = fc.constantFrom<number | string | undefined>(undefined, 2, '\t');

/** The value a pointer names, reading own properties only. */
function resolve(value: unknown, pointer: string): unknown {
  let current: unknown = value;
  for (const token of parsePointer(pointer)) {
    if (Array.isArray(current)) current = current[Number(token)] as unknown;
    else if (typeof current === 'object' && current !== null && Object.hasOwn(current, token)) {
      current = (current as Record<string, unknown>)[token];
    } else return undefined;
  }
  return current;
}

const RANGE_IS_NOT_THE_VALUE = new Set(['invalid_json', 'byte_order_mark']);

function expectRangesPointAtValues(text: string, judgement: Judgement): void {
  const parsed: unknown = JSON.parse(text);
  for (const finding of judgement.findings) {
    if (finding.kind === 'too_large') continue;
    expect(finding.offset, `${finding.kind} ${finding.pointer} has a range`).toBeDefined();
    const offset = finding.offset ?? -1;
    const length = finding.length ?? -1;
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(length).toBeGreaterThanOrEqual(0);
    expect(offset + length).toBeLessThanOrEqual(text.length);
    if (Array.isArray(parsed) && finding.row !== null) {
      // Rows are located by `row`, so it must be the pointer's first step.
      expect(parsePointer(finding.pointer)[0]).toBe(String(finding.row));
    }
    if (RANGE_IS_NOT_THE_VALUE.has(finding.kind)) continue;
    const inRange: unknown = JSON.parse(text.slice(offset, offset + length));
    expect(JSON.stringify(inRange)).toBe(JSON.stringify(resolve(parsed, finding.pointer)));
  }
}

describe('text and value variants agree', () => {
  it('reach the same verdict, and every range points at the value its pointer names', () => {
    fc.assert(
      fc.property(specArb, payloadArb, indentArb, (spec, value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const fromText = judgePayloadText(text, spec);
        const fromValue = judgePayloadValue(value, spec);
        expect(fromText.verdict).toBe(fromValue.verdict);
        expect(fromText.rejection?.status).toBe(fromValue.rejection?.status);
        expect(fromText.totals).toEqual(fromValue.totals);
        expectRangesPointAtValues(text, fromText);
      }),
      { numRuns: 400 },
    );
  });

  it('finds a key written twice in a row and points at the value kept', () => {
    const rowsArb = fc.array(rowArb, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(specArb, rowsArb, fc.nat(), (spec, rows, pick) => {
        const index = pick % rows.length;
        const row = rows[index] ?? {};
        const keys = Object.keys(row);
        fc.pre(keys.length > 0);
        const key = keys[pick % keys.length] ?? '';
        // Write the key once more at the start of the row: JSON.parse keeps the later one.
        const rowTexts = rows.map((each, at) => {
          const body = JSON.stringify(each);
          return at === index ? `{${JSON.stringify(key)}: "dropped", ${body.slice(1)}` : body;
        });
        const text = `[${rowTexts.join(',\n')}]`;
        const judgement = judgePayloadText(text, spec);
        expect(judgement.verdict).toBe(judgePayloadValue(rows, spec).verdict);
        const duplicates = judgement.findings.filter((f) => f.kind === 'duplicate_key');
        expect(duplicates.map((f) => [f.row, f.column])).toContainEqual([index, key]);
        expectRangesPointAtValues(text, judgement);
      }),
      { numRuns: 200 },
    );
  });
});
