import { describe, expect, it } from 'vitest';
import type { SpecModel } from '../spec/webhook-spec.ts';
import { downstreamCheck } from './downstream-check.ts';

const spec: SpecModel = {
  dataframe_type: 'COMPANY',
  columns: [
    { name: 'company_name', type: 'string', required: true, description: '' },
    { name: 'website', type: 'string', required: false, description: '' },
  ],
};

describe('downstreamCheck', () => {
  it('says a filter names a column no one sends, and one that may be missing', () => {
    const findings = downstreamCheck(spec, [
      {
        block_name: 'filter',
        specs: {
          filters: [
            { column: 'employee_count', operator: 'gt', value: 10 },
            { column: 'website', operator: 'is_not_empty' },
            { column: 'company_name', operator: 'is_not_empty' },
          ],
        },
      },
    ]);
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'missing', block: 2, column: 'employee_count' }),
      expect.objectContaining({ kind: 'advisory', block: 2, column: 'website' }),
    ]);
    expect(findings[0]?.fix).toContain('Add "employee_count" to input_schema');
  });

  it('knows the columns blocks before add and remove', () => {
    const ok = downstreamCheck(spec, [
      { block_name: 'company_enrichment', specs: {} },
      {
        block_name: 'filter',
        specs: { filters: [{ column: 'employee_count', operator: 'gt', value: 10 }] },
      },
    ]);
    expect(ok).toEqual([]);
    const dropped = downstreamCheck(spec, [
      { block_name: 'remove_columns', specs: { columns: ['company_name'] } },
      { block_name: 'deduplicate', specs: { columns: ['company_name'] } },
    ]);
    expect(dropped).toEqual([
      expect.objectContaining({ kind: 'missing', block: 3, column: 'company_name' }),
    ]);
    const returned = downstreamCheck(spec, [
      {
        block_name: 'enrich_company',
        specs: { return_fields: { funding: { type: 'int', description: '' } } },
      },
      { block_name: 'filter', specs: { column: 'funding', operator: 'gt', value: 1 } },
    ]);
    expect(returned).toEqual([]);
  });

  it('names the converter a row-type mismatch needs, and the rows it then carries', () => {
    const findings = downstreamCheck(spec, [{ block_name: 'find_email', specs: {} }]);
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'row_type', block: 2, converter: 'company_to_leads' }),
    ]);
    expect(
      downstreamCheck(spec, [
        { block_name: 'company_to_leads', specs: {} },
        { block_name: 'find_email', specs: {} },
        {
          block_name: 'filter',
          specs: { filters: [{ column: 'full_name', operator: 'is_not_empty' }] },
        },
      ]),
    ).toEqual([]);
  });

  it('checks no row type when the webhook has none (specs: {})', () => {
    const untyped: SpecModel = { columns: spec.columns };
    expect(downstreamCheck(untyped, [{ block_name: 'find_email', specs: {} }])).toEqual([]);
  });
});
