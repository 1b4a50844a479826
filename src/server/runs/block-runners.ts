import {
  deduplicateSpecSchema,
  filterSpecSchema,
  groupBySpecSchema,
  removeColumnsSpecSchema,
} from '@core/workflow/block-specs.ts';
import { canonicalBlockName, findBlockDefinition } from '@core/workflow/block-catalogue.ts';
import type { Block } from '@core/wire/workflow.ts';
import { BlockNotExecutableError, type BlockRunner } from './blocks/block-runner.ts';
import { simulatedRunner } from './blocks/simulated-blocks.ts';
import {
  deduplicateRunner,
  filterRunner,
  groupByRunner,
  removeColumnsRunner,
} from './blocks/transform-blocks.ts';

/**
 * What the executor runs for one block (aliases such as enrich_lead resolved). Throws
 * BlockNotExecutableError only for read_csv (or a block unknown to the catalogue), which a
 * run never reaches (the run request is refused first).
 */
export function blockRunner(block: Block): BlockRunner {
  const name = canonicalBlockName(block.block_name);
  const definition = findBlockDefinition(name);
  if (!definition || definition.sandbox === 'not_executable') {
    throw new BlockNotExecutableError(
      `The sandbox cannot execute the "${block.block_name}" block (${block.block_id ?? 'no id'}); a sandbox run starts at a webhook, search or read_notebook block.`,
    );
  }
  switch (name) {
    case 'webhook':
      return { processRow: (row) => [row] };
    case 'filter':
      return filterRunner(filterSpecSchema.parse(block.specs));
    case 'deduplicate':
      return deduplicateRunner(deduplicateSpecSchema.parse(block.specs));
    case 'remove_columns':
      return removeColumnsRunner(removeColumnsSpecSchema.parse(block.specs));
    case 'group_by':
      return groupByRunner(groupBySpecSchema.parse(block.specs));
    case 'outgoing_webhook':
      // Rows pass through; the executor delivers them once the run's results are stored.
      return { processRow: (row) => [row] };
    default:
      return simulatedRunner(name, block.specs);
  }
}
