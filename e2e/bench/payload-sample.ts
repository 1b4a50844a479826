import type { FieldType } from '@core/spec/field-type.ts';

/** The benchmark's spec: ten flat columns, about 5% of rows bad, pretty-printed (320 bytes a row). */
export const BENCH_COLUMNS: { name: string; type: FieldType; required?: boolean }[] = [
  { name: 'email', type: 'string', required: true },
  { name: 'name', type: 'string' },
  { name: 'company', type: 'string' },
  { name: 'employees', type: 'integer' },
  { name: 'active', type: 'boolean' },
  { name: 'city', type: 'string' },
  { name: 'country', type: 'string' },
  { name: 'title', type: 'string' },
  { name: 'phone', type: 'string' },
  { name: 'score', type: 'number' },
];

/** `rows` pretty-printed rows, about 5% of them bad (a missing email or a number in quotes). */
export function benchPayload(rows: number): string {
  const out = Array.from({ length: rows }, (_, index) => {
    const row: Record<string, unknown> = {
      email: `person${String(index)}@example.com`,
      name: `Person ${String(index)}`,
      company: `Company ${String(index % 997)}`,
      employees: (index * 7) % 5000,
      active: index % 3 === 0,
      city: 'London',
      country: 'GB',
      title: 'Head of Operations',
      phone: '+44 20 7946 0000',
      score: (index % 100) / 10,
    };
    if (index % 40 === 7) delete row.email;
    if (index % 40 === 23) row.employees = String(row.employees);
    return row;
  });
  return JSON.stringify(out, null, 2);
}
