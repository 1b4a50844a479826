import { describe, expect, it } from 'vitest';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import { csvToJson } from './csv-to-json.ts';

const spec: SpecModel = {
  dataframe_type: 'LEAD',
  columns: [
    { name: 'email', type: 'string', required: true, description: '' },
    { name: 'employees', type: 'integer', required: false, description: '' },
    { name: 'active', type: 'boolean', required: false, description: '' },
  ],
};

describe('csvToJson', () => {
  it('turns headers into columns and types cells, saying what it converted', () => {
    const result = csvToJson('email,employees,active\na@x.io,12,true\nb@x.io,many,false\n', spec);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(JSON.parse(result.text)).toEqual([
      { email: 'a@x.io', employees: 12, active: true },
      { email: 'b@x.io', employees: 'many', active: false },
    ]);
    expect(result.rowCount).toBe(2);
    expect(result.notes).toContain(
      'Converted 3 cells from text: active (boolean) ×2, employees (integer) ×1.',
    );
    expect(result.notes).toContain(
      "Kept 1 cell as text that did not read as the column's type: employees (integer) ×1.",
    );
  });

  it('leaves empty cells out, keeps quoted commas, and names blank or repeated headers', () => {
    const result = csvToJson('\uFEFFemail,,email\n"Doe, J",,x\n', spec);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(JSON.parse(result.text)).toEqual([{ email: 'Doe, J', email_2: 'x' }]);
    expect(result.notes.join(' ')).toMatch(/column_2/);
    expect(result.notes.join(' ')).toMatch(/email_2/);
    expect(result.notes.join(' ')).toMatch(/Left out 1 empty cell/);
  });

  it('keeps a column named __proto__ as a column', () => {
    const result = csvToJson('__proto__,email\nx,a@x.io\n', spec);
    expect(result.ok && result.text).toContain('"__proto__": "x"');
  });

  it('refuses a file without rows', () => {
    expect(csvToJson('email\n', spec)).toEqual({
      ok: false,
      message: 'The CSV file has a header row but no rows of data.',
    });
    expect(csvToJson('', spec).ok).toBe(false);
  });
});
