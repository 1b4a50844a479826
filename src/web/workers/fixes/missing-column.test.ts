import { describe, expect, it } from 'vitest';
import { judgePayloadText } from '@core/judge/judge-payload.ts';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import { columnFixEdits } from './column-fix-edits.ts';
import { missingColumnEdit, missingColumnTitle } from './missing-column.ts';
import type { TextEdit } from './value-fix.ts';

const spec: SpecModel = {
  dataframe_type: 'LEAD',
  columns: [
    { name: 'email', type: 'string', required: true, description: '' },
    { name: 'employees', type: 'integer', required: true, description: '' },
  ],
};

/** Applies edits from the end, as the editor applies them together. */
const apply = (text: string, edits: readonly TextEdit[]): string =>
  [...edits]
    .sort((a, b) => b.offset - a.offset)
    .reduce(
      (out, edit) => out.slice(0, edit.offset) + edit.text + out.slice(edit.offset + edit.length),
      text,
    );

const readOf = (text: string) => (offset: number, length: number) =>
  text.slice(offset, offset + length);

describe('adding a missing required column', () => {
  it('puts a typed placeholder into the row, which the judge then accepts', () => {
    const text = '[{"email": "a@example.com"}, {"employees": 5}]';
    const judged = judgePayloadText(text, spec);
    const missing = judged.findings.filter((finding) => finding.kind === 'missing_required');
    expect(missing.map((finding) => finding.column)).toEqual(['employees', 'email']);
    const edits = missing.flatMap((finding) => {
      const type = spec.columns.find((column) => column.name === finding.column)?.type;
      if (finding.offset === undefined || finding.length === undefined || !type) return [];
      const edit = missingColumnEdit(
        readOf(text),
        finding.offset,
        finding.length,
        finding.column ?? '',
        type,
      );
      return edit ? [edit] : [];
    });
    const fixed = apply(text, edits);
    expect(fixed).toBe(
      '[{"employees": 0, "email": "a@example.com"}, {"email": "", "employees": 5}]',
    );
    expect(judgePayloadText(fixed, spec).verdict).toBe('accepted');
  });

  it('fills an empty row without a trailing comma, even one of many spaces', () => {
    const spaces = `{${' '.repeat(300)}}`;
    expect(missingColumnEdit(readOf(spaces), 0, spaces.length, 'email', 'string')).toEqual({
      offset: 1,
      length: 0,
      text: '"email": ""',
    });
    expect(missingColumnEdit(readOf('{}'), 0, 2, 'tags', 'list[string]')?.text).toBe('"tags": []');
    expect(missingColumnEdit(readOf('3'), 0, 1, 'email', 'string')).toBeUndefined();
  });

  it('in all rows: the worker adds the column wherever it is missing, and only there', () => {
    const text = '[{"email": "a@example.com"}, {}, {"employees": "7"}]';
    const edits = columnFixEdits(text, spec, ['employees'], 'missing_required');
    expect(apply(text, edits)).toBe(
      '[{"employees": 0, "email": "a@example.com"}, {"employees": 0}, {"employees": "7"}]',
    );
    expect(missingColumnTitle('employees', 'integer', 2)).toBe(
      'Add “employees” with a placeholder 0 in all 2 rows',
    );
  });
});
