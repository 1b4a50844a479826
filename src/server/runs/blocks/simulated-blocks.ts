import {
  COMPANY_ROW_COLUMNS,
  FOUND_COLUMNS,
  foundRows,
  LEAD_ROW_COLUMNS,
  outputColumns,
  type OutputColumn,
} from '@core/workflow/block-outputs.ts';
import type { BlockRunner } from './block-runner.ts';
import { withEntries, type Row } from './row.ts';
import {
  companyDomain,
  companyName,
  personName,
  seededNumbers,
  simulatedValue,
} from './simulated-values.ts';

/** Marks every row a simulated block touched. */
export const SIMULATED_MARKER = '_simulated';

/** The row with each column set to its simulated value, and the marker. */
function addColumns(row: Row, blockName: string, columns: readonly OutputColumn[]): Row {
  return withEntries(row, [
    ...columns.map((column): [string, unknown] => [
      column.name,
      simulatedValue(column.type, column.name, row, seededNumbers(row, blockName, column.name)),
    ]),
    [SIMULATED_MARKER, true],
  ]);
}

const COMPANY_WORDS = ['Northwind', 'Brightline', 'Kestrel', 'Lumen', 'Quarry', 'Tidewater'];
const COMPANY_ENDINGS = ['Labs', 'Systems', 'Works', 'Group', 'Analytics', 'Robotics'];

/**
 * The rows a source that finds its own rows (search, read_notebook) hands on [decision]: as
 * many as `foundRows` says, each made up from the block, its specs and the row's number (the
 * same specs find the same rows), built column by column so later ones follow from earlier
 * ones (a lead's LinkedIn URL from their name), each marked.
 */
function foundRowsOf(blockName: string, specs: Record<string, unknown>): Row[] {
  const { count, rowType } = foundRows(specs);
  const seed = JSON.stringify(Object.entries(specs));
  return Array.from({ length: count }, (_, index) => {
    const next = seededNumbers({ seed, index }, blockName, '');
    const company = `${COMPANY_WORDS[next() % COMPANY_WORDS.length] ?? 'Northwind'} ${COMPANY_ENDINGS[next() % COMPANY_ENDINGS.length] ?? 'Labs'}`;
    let row: Row = rowType === 'COMPANY' ? {} : { full_name: personName({}, next) };
    for (const column of FOUND_COLUMNS[rowType]) {
      if (Object.hasOwn(row, column.name)) continue;
      const value =
        column.name === 'company_name'
          ? company
          : simulatedValue(
              column.type,
              column.name,
              row,
              seededNumbers(row, blockName, column.name),
            );
      row = withEntries(row, [[column.name, value]]);
    }
    return withEntries(row, [[SIMULATED_MARKER, true]]);
  });
}

/** Each company row becomes one to three lead rows: its columns, then the person's. */
function companyToLeads(row: Row): Row[] {
  const count = 1 + (seededNumbers(row, 'company_to_leads', '')() % 3);
  return Array.from({ length: count }, (_, index) => {
    const lead = withEntries(row, [['lead_index', index + 1]]);
    return addColumns(lead, 'company_to_leads', LEAD_ROW_COLUMNS);
  });
}

/** Lead rows grouped by company domain, one company row each, in first-seen order. */
function leadsToCompanyRunner(): BlockRunner {
  const companies = new Map<string, { name: string; domain: string; leads: number }>();
  return {
    processRow(row) {
      const domain = companyDomain(row);
      const entry = companies.get(domain) ?? { name: companyName(row), domain, leads: 0 };
      entry.leads++;
      companies.set(domain, entry);
      return [];
    },
    finish: () =>
      [...companies.values()].map((company) =>
        Object.fromEntries<unknown>([
          [COMPANY_ROW_COLUMNS[0]?.name ?? 'company_name', company.name],
          [COMPANY_ROW_COLUMNS[1]?.name ?? 'company_domain', company.domain],
          [COMPANY_ROW_COLUMNS[2]?.name ?? 'lead_count', company.leads],
          [SIMULATED_MARKER, true],
        ]),
      ),
  };
}

/**
 * A simulated block by its catalogue name: deterministic values of the declared types under
 * the declared names (`return_fields`, else the block's fixed columns), each touched row
 * marked. A block that adds nothing (an output, deduplicate_wrt_notebook) passes rows through.
 */
export function simulatedRunner(blockName: string, specs: Record<string, unknown>): BlockRunner {
  switch (blockName) {
    case 'company_to_leads':
      return { processRow: companyToLeads };
    case 'leads_to_company':
      return leadsToCompanyRunner();
    case 'search':
    case 'read_notebook':
      // A source: no input rows; what it finds comes out once the block runs.
      return { processRow: () => [], finish: () => foundRowsOf(blockName, specs) };
    default: {
      const columns = outputColumns(blockName, specs);
      if (columns.length === 0) return { processRow: (row) => [row] };
      return { processRow: (row) => [addColumns(row, blockName, columns)] };
    }
  }
}
