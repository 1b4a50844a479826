import { canonicalBlockName, findBlockDefinition } from './block-catalogue.ts';
import { foundRows, outputColumns } from './block-outputs.ts';
import { FINDING_SOURCES, type PlannedBlock } from './workflow-graph.ts';

/** A warning about the workflow itself, recorded with the run (no row). */
export type PlanWarning = { row: null; column: string | null; message: string };

/**
 * What a sandbox run of this plan should be told before it starts: an unknown row type, and
 * every column a simulated block adds (contract, "Revision of 2026-12-02").
 */
export function planWarnings(plan: readonly PlannedBlock[]): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  for (const planned of plan) {
    const name = canonicalBlockName(planned.block.block_name);
    const definition = findBlockDefinition(name);
    if (!definition) continue;
    const label = `"${planned.block.block_name}" (${planned.blockId})`;
    if (name === 'webhook' && planned.rowType === 'ANY') {
      warnings.push({
        row: null,
        column: null,
        message: `The webhook block ${label} has no dataframe_type, so its row type is unknown and every block after it was accepted; Sixtyfour's docs call dataframe_type required: set it to "LEAD" or "COMPANY".`,
      });
    }
    if (definition.sandbox !== 'simulated') continue;
    if (FINDING_SOURCES.includes(name)) {
      const { count, rowType } = foundRows(planned.block.specs);
      warnings.push({
        row: null,
        column: null,
        message: `Block ${label} is simulated: its ${count} ${rowType} rows are made up from its specs and marked "_simulated".`,
      });
      continue;
    }
    if (name === 'company_to_leads' || name === 'leads_to_company') {
      warnings.push({
        row: null,
        column: null,
        message: `Block ${label} is simulated: its ${name === 'company_to_leads' ? 'lead' : 'company'} rows are made up from the input rows and marked "_simulated".`,
      });
      continue;
    }
    const columns = outputColumns(name, planned.block.specs);
    if (columns.length === 0) {
      warnings.push({
        row: null,
        column: null,
        message: `Block ${label} is simulated: the sandbox sends nothing anywhere; the rows pass through unchanged.`,
      });
      continue;
    }
    for (const column of columns) {
      warnings.push({
        row: null,
        column: column.name,
        message: `Column "${column.name}" (${column.type}) is simulated by block ${label}: its values are made up from each row.`,
      });
    }
  }
  return warnings;
}
