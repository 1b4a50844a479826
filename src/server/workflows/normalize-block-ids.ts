import { createHash, randomUUID } from 'node:crypto';
import type { Block, WorkflowGraph } from '@core/wire/workflow.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/** A UUID (version 8, name-based) derived from a workflow and a block id, so edges map the same way. */
function derivedUuid(workflowId: string, blockId: string): string {
  const hex = createHash('sha256').update(`${workflowId}\u0000${blockId}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Gives every block without a block_id a fresh one, before the graph is checked. */
export function fillMissingBlockIds(graph: WorkflowGraph): WorkflowGraph {
  return {
    ...graph,
    blocks: graph.blocks.map((block): Block =>
      block.block_id === undefined || block.block_id === null || block.block_id === ''
        ? { ...block, block_id: randomUUID() }
        : block,
    ),
  };
}

/**
 * Non-UUID block ids become UUIDs, as Sixtyfour normalizes them server-side (OpenAPI `Block.block_id`);
 * edges follow. A client must read the ids back from the saved workflow.
 */
export function normalizeBlockIds(workflowId: string, graph: WorkflowGraph): WorkflowGraph {
  const mapId = (id: string): string =>
    isUuid(id) ? id.toLowerCase() : derivedUuid(workflowId, id);
  return {
    blocks: graph.blocks.map((block) => ({ ...block, block_id: mapId(block.block_id ?? '') })),
    edges: graph.edges.map((edge) => ({
      ...edge,
      from_block_id: mapId(edge.from_block_id),
      to_block_id: mapId(edge.to_block_id),
    })),
  };
}
