import { describe, expect, it } from 'vitest';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import { columnRules, previewRows } from './preview-rows.ts';

const spec: SpecModel = {
  dataframe_type: 'LEAD',
  columns: [
    { name: 'email', type: 'string', required: true, description: '' },
    { name: 'employees', type: 'integer', required: false, description: '' },
  ],
};
const summary = [
  { name: 'email', declared: true, present: 2, types: {} },
  { name: 'employees', declared: true, present: 2, types: {} },
  { name: 'nickname', declared: false, present: 1, types: {} },
];

describe('previewRows', () => {
  it('marks each cell against the spec, in the summary’s column order', () => {
    const rows = [{ employees: '50', nickname: '<b>x</b>' }, { email: null, employees: null }, 7];
    const preview = previewRows(rows, columnRules(summary, spec), 0, 10);
    expect(preview).toEqual([
      {
        index: 0,
        cells: [
          { text: '', state: 'error' },
          { text: '"50"', state: 'warning' },
          { text: '<b>x</b>', state: 'ok' },
        ],
      },
      {
        index: 1,
        cells: [
          { text: 'null', state: 'error' },
          { text: 'null', state: 'null' },
          { text: '', state: 'absent' },
        ],
      },
      { index: 2, cells: [], notObject: '7' },
    ]);
  });

  it('returns only the asked window', () => {
    const rows = Array.from({ length: 100 }, (_, index) => ({ email: `r${String(index)}` }));
    const preview = previewRows(rows, columnRules(summary, spec), 40, 43);
    expect(preview.map((row) => row.index)).toEqual([40, 41, 42]);
  });
});
