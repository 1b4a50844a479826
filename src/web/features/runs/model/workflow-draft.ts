import { WEBHOOK_BLOCK_NAME } from '@core/spec/webhook-block.ts';
import type { WorkflowGraph } from '@core/wire/workflow.ts';

/** The source webhook block's specs in a saved graph, if it has one. */
export function findWebhookSpecs(
  graph: WorkflowGraph | null | undefined,
): Record<string, unknown> | undefined {
  if (!graph) return undefined;
  const targets = new Set(graph.edges.map((edge) => edge.to_block_id));
  const webhook = graph.blocks.find(
    (block) => block.block_name === WEBHOOK_BLOCK_NAME && !targets.has(block.block_id ?? ''),
  );
  return webhook?.specs;
}
