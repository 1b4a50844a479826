import {
  deduplicateSpecSchema,
  filterSpecSchema,
  findBlockDefinition,
  removeColumnsSpecSchema,
} from '../../core/workflow/block-catalogue.ts';
import type { Block } from '../../core/wire/workflow.ts';
import { BlockNotExecutableError, type BlockRunner } from './blocks/block-runner.ts';
import { simulatedRunner } from './blocks/simulated-blocks.ts';
import { deduplicateRunner, filterRunner, removeColumnsRunner } from './blocks/transform-blocks.ts';

/** What the executor runs for one block; throws BlockNotExecutableError for blocks it cannot run. */
export function blockRunner(block: Block): BlockRunner {
  const definition = findBlockDefinition(block.block_name);
  const notExecutable = () =>
    new BlockNotExecutableError(
      `The sandbox cannot execute the "${block.block_name}" block (${block.block_id ?? 'no id'}); remove it to test the rest of the workflow here, or run it on api.sixtyfour.ai.`,
    );
  if (!definition || definition.sandbox === 'not_executable') throw notExecutable();
  switch (block.block_name) {
    case 'webhook':
      return { processRow: (row) => [row] };
    case 'filter':
      return filterRunner(filterSpecSchema.parse(block.specs));
    case 'deduplicate':
      return deduplicateRunner(deduplicateSpecSchema.parse(block.specs));
    case 'remove_columns':
      return removeColumnsRunner(removeColumnsSpecSchema.parse(block.specs));
    case 'outgoing_webhook':
      // Rows pass through; the executor delivers them once the run's results are stored.
      return { processRow: (row) => [row] };
    default: {
      const runner = simulatedRunner(block.block_name);
      if (!runner) throw notExecutable();
      return runner;
    }
  }
}
