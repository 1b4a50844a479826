import {
  deduplicateSpecSchema,
  filterSpecSchema,
  groupBySpecSchema,
  outgoingWebhookSpecSchema,
  removeColumnsSpecSchema,
} from '../../core/workflow/block-specs.ts';
import { canonicalBlockName, findBlockDefinition } from '../../core/workflow/block-catalogue.ts';
import type { Block } from '../../core/wire/workflow.ts';
import { BlockNotExecutableError, type BlockRunner } from './blocks/block-runner.ts';
import { sendOutgoingWebhook, type OutgoingWebhookOptions } from './blocks/outgoing-webhook.ts';
import type { Row } from './blocks/row.ts';
import { simulatedRunner } from './blocks/simulated-blocks.ts';
import {
  deduplicateRunner,
  filterRunner,
  groupByRunner,
  removeColumnsRunner,
} from './blocks/transform-blocks.ts';

export type RunnerContext = { jobId: string; workflowId: string; outgoing: OutgoingWebhookOptions };

function outgoingWebhookRunner(block: Block, context: RunnerContext): BlockRunner {
  const spec = outgoingWebhookSpecSchema.parse(block.specs);
  const rows: Row[] = [];
  return {
    processRow(row) {
      rows.push(row);
      return [row];
    },
    async finish() {
      await sendOutgoingWebhook(
        spec.url,
        {
          job_id: context.jobId,
          workflow_id: context.workflowId,
          block_id: block.block_id ?? '',
          rows,
        },
        context.outgoing,
      );
      return [];
    },
  };
}

/**
 * What the executor runs for one block (aliases such as enrich_lead resolved). Throws
 * BlockNotExecutableError only for a source other than webhook, which a run never reaches
 * (the run request is refused first).
 */
export function blockRunner(block: Block, context: RunnerContext): BlockRunner {
  const name = canonicalBlockName(block.block_name);
  const definition = findBlockDefinition(name);
  if (!definition || definition.sandbox === 'not_executable') {
    throw new BlockNotExecutableError(
      `The sandbox cannot execute the "${block.block_name}" block (${block.block_id ?? 'no id'}); a sandbox run starts at a webhook block.`,
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
      return outgoingWebhookRunner(block, context);
    default:
      return simulatedRunner(name, block.specs);
  }
}
