import type { DataframeType, SpecModel } from '../spec/webhook-spec.ts';
import { canonicalBlockName, findBlockDefinition } from './block-catalogue.ts';
import { COMPANY_ROW_COLUMNS, LEAD_ROW_COLUMNS, outputColumns } from './block-outputs.ts';

/** A block after the webhook, as the Save dialog edits it. */
export type DownstreamBlock = { block_name: string; specs: Record<string, unknown> };

/**
 * What the blocks after the webhook ask of the rows that reach them:
 * - `missing`: a block names a column no row will have there (not in input_schema, not made
 *   by a block before it, or dropped by one);
 * - `advisory`: a block names a column the spec does not require, so rows may come without it;
 * - `row_type`: a block that takes the other row type, with the converter that fixes it.
 */
export type DownstreamFinding =
  | { kind: 'missing'; block: number; block_name: string; column: string; fix: string }
  | { kind: 'advisory'; block: number; block_name: string; column: string; fix: string }
  | {
      kind: 'row_type';
      block: number;
      block_name: string;
      expected: DataframeType;
      actual: DataframeType;
      converter: 'company_to_leads' | 'leads_to_company';
      fix: string;
    };

type Available = Map<string, 'required' | 'optional' | 'made'>;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The columns a block's specs name as inputs (the blocks that read columns by name). */
export function referencedColumns(blockName: string, specs: Record<string, unknown>): string[] {
  switch (blockName) {
    case 'filter': {
      const conditions = Array.isArray(specs.filters) ? specs.filters : [specs];
      return conditions.flatMap((condition: unknown) =>
        typeof condition === 'object' &&
        condition !== null &&
        'column' in condition &&
        typeof condition.column === 'string'
          ? [condition.column]
          : [],
      );
    }
    case 'deduplicate':
    case 'remove_columns':
    case 'group_by':
      return strings(specs.columns);
    default:
      return [];
  }
}

/** Where rows of one type must become the other, and the converter that does it. */
const converterFor = (from: DataframeType) =>
  from === 'COMPANY' ? ('company_to_leads' as const) : ('leads_to_company' as const);

/**
 * Walks the chain after the webhook with the columns each row carries, and says what each
 * block asks for that the rows will not (or may not) have. Same catalogue and output columns
 * the sandbox runs with.
 */
export function downstreamCheck(
  spec: SpecModel,
  blocks: readonly DownstreamBlock[],
): DownstreamFinding[] {
  const available: Available = new Map(
    spec.columns.map((column) => [column.name, column.required ? 'required' : 'optional']),
  );
  let rowType: DataframeType | undefined = spec.dataframe_type;
  const findings: DownstreamFinding[] = [];
  blocks.forEach((raw, index) => {
    const block = index + 2; // The webhook is block 1.
    const name = canonicalBlockName(raw.block_name);
    const definition = findBlockDefinition(name);
    if (
      definition &&
      rowType !== undefined &&
      definition.input !== 'ANY' &&
      definition.input !== rowType
    ) {
      const converter = converterFor(rowType);
      findings.push({
        kind: 'row_type',
        block,
        block_name: raw.block_name,
        expected: definition.input,
        actual: rowType,
        converter,
        fix: `Insert ${converter} before block ${block}: ${raw.block_name} takes ${definition.input} rows and gets ${rowType} rows.`,
      });
    }
    for (const column of new Set(referencedColumns(name, raw.specs))) {
      const state = available.get(column);
      if (state === undefined) {
        findings.push({
          kind: 'missing',
          block,
          block_name: raw.block_name,
          column,
          fix: `Add "${column}" to input_schema (or a block before ${raw.block_name} that makes it): no row has it at block ${block}.`,
        });
      } else if (state === 'optional') {
        findings.push({
          kind: 'advisory',
          block,
          block_name: raw.block_name,
          column,
          fix: `"${column}" is not required in input_schema, so rows may come without it: make it required, or expect ${raw.block_name} to treat those rows as empty.`,
        });
      }
    }
    // The columns after this block.
    if (name === 'remove_columns')
      for (const column of strings(raw.specs.columns)) available.delete(column);
    else if (name === 'group_by') {
      const kept = new Set(strings(raw.specs.columns));
      for (const column of [...available.keys()]) if (!kept.has(column)) available.delete(column);
      available.set('group_count', 'made');
    } else if (name === 'company_to_leads') {
      for (const column of LEAD_ROW_COLUMNS) available.set(column.name, 'made');
    } else if (name === 'leads_to_company') {
      available.clear();
      for (const column of COMPANY_ROW_COLUMNS) available.set(column.name, 'made');
    } else {
      for (const column of outputColumns(name, raw.specs)) available.set(column.name, 'made');
    }
    if (definition?.output === 'LEAD' || definition?.output === 'COMPANY')
      rowType = definition.output;
  });
  return findings;
}
