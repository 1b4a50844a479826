import { WEBHOOK_BLOCK_NAME } from '../../../../core/spec/webhook-block.ts';
import type { DataframeType, WebhookSpec } from '../../../../core/spec/webhook-spec.ts';
import type { BlockInfoResponse, WorkflowGraph } from '../../../../core/wire/workflow.ts';
import { findBlockDefinition } from '../../../../core/workflow/block-catalogue.ts';

export const OUTGOING_WEBHOOK = 'outgoing_webhook';

/** What the user picks downstream of the webhook block. */
export type Downstream = {
  enrichment: string;
  /** One field a line: `name: what to find`. */
  returnFieldsText: string;
  outgoingUrl: string | undefined;
};

/** The row type a block takes, from the server's answer or else the core catalogue. */
export function blockInputType(block: BlockInfoResponse): DataframeType | 'ANY' | undefined {
  return block.input_row_type ?? findBlockDefinition(block.block_name)?.input;
}

/** Enrichment blocks that take the spec's rows (LEAD or COMPANY). */
export function enrichmentChoices(
  blocks: readonly BlockInfoResponse[],
  dataframeType: DataframeType | undefined,
): BlockInfoResponse[] {
  return blocks.filter((block) => {
    const kind = block.block_type ?? findBlockDefinition(block.block_name)?.block_type;
    if (kind !== 'enrich') return false;
    const input = blockInputType(block);
    return dataframeType === undefined || input === dataframeType || input === 'ANY';
  });
}

/** Whether the catalogue offers the outgoing webhook block for these rows. */
export const offersOutgoingWebhook = (blocks: readonly BlockInfoResponse[]): boolean =>
  blocks.some((block) => block.block_name === OUTGOING_WEBHOOK);

export type ReturnFieldsReading =
  { success: true; fields: Record<string, string> } | { success: false; message: string };

/** `name: description` lines into `return_fields`; a line without a colon has no description. */
export function readReturnFields(text: string): ReturnFieldsReading {
  const entries: [string, string][] = [];
  const seen = new Set<string>();
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const colon = line.indexOf(':');
    const name = (colon === -1 ? line : line.slice(0, colon)).trim();
    const description = colon === -1 ? '' : line.slice(colon + 1).trim();
    if (name === '') {
      return { success: false, message: `Line ${index + 1} has no field name before the colon.` };
    }
    if (seen.has(name)) {
      return { success: false, message: `The field "${name}" is listed twice.` };
    }
    seen.add(name);
    entries.push([name, description]);
  }
  if (entries.length === 0) {
    return { success: false, message: 'List at least one field for the enrichment to return.' };
  }
  return { success: true, fields: Object.fromEntries(entries) };
}

/** The graph to save: webhook → enrichment → (outgoing webhook). */
export function buildWorkflowGraph(
  spec: WebhookSpec,
  downstream: Downstream,
  returnFields: Record<string, string>,
  blocks: readonly BlockInfoResponse[],
): WorkflowGraph {
  const typeOf = (name: string): string =>
    blocks.find((block) => block.block_name === name)?.block_type ??
    findBlockDefinition(name)?.block_type ??
    'enrich';
  const graph: WorkflowGraph = {
    blocks: [
      {
        block_id: 'webhook_1',
        sequence_number: 1,
        block_type: 'source',
        block_name: WEBHOOK_BLOCK_NAME,
        specs: { ...spec },
      },
      {
        block_id: `${downstream.enrichment}_2`,
        sequence_number: 2,
        block_type: typeOf(downstream.enrichment),
        block_name: downstream.enrichment,
        specs: { return_fields: returnFields },
      },
    ],
    edges: [{ from_block_id: 'webhook_1', to_block_id: `${downstream.enrichment}_2` }],
  };
  if (downstream.outgoingUrl !== undefined) {
    graph.blocks.push({
      block_id: `${OUTGOING_WEBHOOK}_3`,
      sequence_number: 3,
      block_type: typeOf(OUTGOING_WEBHOOK),
      block_name: OUTGOING_WEBHOOK,
      specs: { url: downstream.outgoingUrl },
    });
    graph.edges.push({
      from_block_id: `${downstream.enrichment}_2`,
      to_block_id: `${OUTGOING_WEBHOOK}_3`,
    });
  }
  return graph;
}

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

/** The downstream choices in a saved graph, to start the save form from them. */
export function readDownstream(graph: WorkflowGraph | null | undefined): Partial<Downstream> {
  if (!graph) return {};
  const enrichment = graph.blocks.find(
    (block) => findBlockDefinition(block.block_name)?.block_type === 'enrich',
  );
  const outgoing = graph.blocks.find((block) => block.block_name === OUTGOING_WEBHOOK);
  const fields = enrichment?.specs.return_fields;
  const returnFieldsText =
    typeof fields === 'object' && fields !== null && !Array.isArray(fields)
      ? Object.entries(fields)
          .map(([name, description]) =>
            typeof description === 'string' && description !== ''
              ? `${name}: ${description}`
              : name,
          )
          .join('\n')
      : undefined;
  const url = outgoing?.specs.url;
  return {
    ...(enrichment ? { enrichment: enrichment.block_name } : {}),
    ...(returnFieldsText === undefined ? {} : { returnFieldsText }),
    ...(typeof url === 'string' ? { outgoingUrl: url } : {}),
  };
}
