import type { WebhookSpec } from '@core/spec/webhook-spec.ts';
import type { WorkflowGraph } from '@core/wire/workflow.ts';
import { WEBHOOK_BLOCK_NAME } from '@core/spec/webhook-block.ts';

/**
 * The saved graph with its source webhook block's specs replaced by the form's, every other
 * block and edge as they were: "Save to workflow" changes the spec and nothing else.
 * Undefined when the graph has no source webhook block.
 */
export function withWebhookSpecs(
  graph: WorkflowGraph,
  specs: WebhookSpec,
): WorkflowGraph | undefined {
  const targets = new Set(graph.edges.map((edge) => edge.to_block_id));
  const index = graph.blocks.findIndex(
    (block) => block.block_name === WEBHOOK_BLOCK_NAME && !targets.has(block.block_id ?? ''),
  );
  const source = graph.blocks[index];
  if (!source) return undefined;
  const blocks = graph.blocks.map((block, at) =>
    at === index ? { ...block, specs: { ...specs } } : block,
  );
  return { ...graph, blocks };
}
