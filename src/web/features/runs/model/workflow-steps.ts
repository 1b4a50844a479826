import { WEBHOOK_BLOCK_NAME } from '@core/spec/webhook-block.ts';
import type { DataframeType, WebhookSpec } from '@core/spec/webhook-spec.ts';
import type { BlockInfoResponse, WorkflowGraph } from '@core/wire/workflow.ts';
import { BLOCK_CATEGORIES, findBlockDefinition } from '@core/workflow/block-catalogue.ts';
import { errorMessage } from '@core/error-message.ts';

/** One block after the webhook, as the save form edits it: a name and its specs as JSON text. */
export type WorkflowStep = { key: string; block_name: string; specsText: string };

/** The row type flowing between blocks; `undefined` when it is unknown (a `specs: {}` webhook). */
export type StepRowType = DataframeType | undefined;

/** Specs a block starts with when picked, in the shapes Sixtyfour documents. */
const STARTER_SPECS: Readonly<Record<string, Record<string, unknown>>> = {
  lead_enrichment: {
    return_fields: {
      title: { type: 'str', description: 'Current job title' },
      linkedin_url: { type: 'str', description: 'LinkedIn profile URL' },
    },
  },
  company_enrichment: {
    return_fields: {
      employee_count: { type: 'int', description: 'Number of employees' },
      headquarters: { type: 'str', description: 'City of the headquarters' },
    },
  },
  find_email: { mode: 'PROFESSIONAL' },
  filter: { filters: [{ column: 'email', operator: 'is_not_empty', logic: 'and' }] },
  deduplicate: {},
  remove_columns: { columns: [] },
  group_by: { columns: [] },
  append_to_notebook: { notebook_id: '__create_new__', notebook_name: 'Sandbox results' },
  outgoing_webhook: { url: 'https://example.com/hooks/sixtyfour' },
};

export const starterSpecsText = (blockName: string): string =>
  `${JSON.stringify(STARTER_SPECS[blockName] ?? {}, null, 2)}\n`;

let keyCounter = 0;
export const newStep = (blockName: string): WorkflowStep => {
  keyCounter += 1;
  return {
    key: `step-${keyCounter}`,
    block_name: blockName,
    specsText: starterSpecsText(blockName),
  };
};

/** The row type a block takes: the server's answer, else the core catalogue; `ANY` if neither knows. */
export function acceptedRowType(block: BlockInfoResponse): DataframeType | 'ANY' {
  return block.input_row_type ?? findBlockDefinition(block.block_name)?.input ?? 'ANY';
}

/** Whether a block takes rows of this type (an unknown type fits every block). */
export const acceptsRowType = (block: BlockInfoResponse, rowType: StepRowType): boolean => {
  const accepted = acceptedRowType(block);
  return rowType === undefined || accepted === 'ANY' || accepted === rowType;
};

/** The row type a block hands on, given what it receives. */
export function rowTypeAfter(blockName: string, input: StepRowType): StepRowType {
  const output = findBlockDefinition(blockName)?.output;
  if (output === 'LEAD' || output === 'COMPANY') return output;
  return input;
}

/** The row type each step receives, from the webhook's through every block before it. */
export function stepInputTypes(
  rowType: StepRowType,
  steps: readonly WorkflowStep[],
): StepRowType[] {
  const types: StepRowType[] = [];
  let current = rowType;
  for (const step of steps) {
    types.push(current);
    current = rowTypeAfter(step.block_name, current);
  }
  return types;
}

export type BlockGroup = { category: string; blocks: BlockInfoResponse[] };

/**
 * The catalogue grouped as the contract lists it, without the sources (they cannot follow
 * the webhook) and only blocks that take `rowType`. Blocks the core does not know (a newer
 * upstream) go in "other".
 */
export function groupBlocks(
  blocks: readonly BlockInfoResponse[],
  rowType: StepRowType,
): BlockGroup[] {
  const groups = new Map<string, BlockInfoResponse[]>(
    [...BLOCK_CATEGORIES, 'other'].map((category) => [category, []]),
  );
  for (const block of blocks) {
    const definition = findBlockDefinition(block.block_name);
    if ((block.block_type ?? definition?.block_type) === 'source') continue;
    if (!acceptsRowType(block, rowType)) continue;
    groups.get(definition?.category ?? 'other')?.push(block);
  }
  return [...groups]
    .filter(([, list]) => list.length > 0)
    .map(([category, list]) => ({ category, blocks: list }));
}

/** The steps a new workflow starts with: the enrichment that fits the row type. */
export const defaultSteps = (rowType: StepRowType): WorkflowStep[] => [
  newStep(rowType === 'COMPANY' ? 'company_enrichment' : 'lead_enrichment'),
];

/** The blocks after the webhook in a saved graph (following the edges), as steps to edit. */
export function readSteps(graph: WorkflowGraph | null | undefined): WorkflowStep[] | undefined {
  if (!graph) return undefined;
  const targets = new Set(graph.edges.map((edge) => edge.to_block_id));
  const source = graph.blocks.find((block) => !targets.has(block.block_id ?? ''));
  if (!source) return undefined;
  const steps: WorkflowStep[] = [];
  const seen = new Set<string>([source.block_id ?? '']);
  let current = source.block_id ?? '';
  for (;;) {
    const next = graph.edges.find((edge) => edge.from_block_id === current)?.to_block_id;
    const block = graph.blocks.find((candidate) => candidate.block_id === next);
    if (next === undefined || !block || seen.has(next)) break;
    seen.add(next);
    keyCounter += 1;
    steps.push({
      key: `step-${keyCounter}`,
      block_name: block.block_name,
      specsText: `${JSON.stringify(block.specs, null, 2)}\n`,
    });
    current = next;
  }
  return steps;
}

export type StepsReading =
  { success: true; graph: WorkflowGraph } | { success: false; message: string };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The graph to save: the webhook block, then each step in a line. */
export function buildStepsGraph(
  spec: WebhookSpec,
  steps: readonly WorkflowStep[],
  blocks: readonly BlockInfoResponse[],
): StepsReading {
  if (steps.length === 0)
    return { success: false, message: 'Add at least one block after the webhook.' };
  const graph: WorkflowGraph = {
    blocks: [
      {
        block_id: 'webhook_1',
        sequence_number: 1,
        block_type: 'source',
        block_name: WEBHOOK_BLOCK_NAME,
        specs: { ...spec },
      },
    ],
    edges: [],
  };
  for (const [index, step] of steps.entries()) {
    let specs: unknown;
    try {
      specs = JSON.parse(step.specsText.trim() === '' ? '{}' : step.specsText);
    } catch (error) {
      return {
        success: false,
        message: `The specs of block ${index + 2} (${step.block_name}) are not valid JSON: ${errorMessage(error)}`,
      };
    }
    if (!isPlainObject(specs)) {
      return {
        success: false,
        message: `The specs of block ${index + 2} (${step.block_name}) must be a JSON object.`,
      };
    }
    const blockId = `${step.block_name}_${index + 2}`;
    graph.blocks.push({
      block_id: blockId,
      sequence_number: index + 2,
      block_type:
        blocks.find((block) => block.block_name === step.block_name)?.block_type ??
        findBlockDefinition(step.block_name)?.block_type ??
        'enrich',
      block_name: step.block_name,
      specs,
    });
    graph.edges.push({
      from_block_id: graph.blocks[index]?.block_id ?? 'webhook_1',
      to_block_id: blockId,
    });
  }
  return { success: true, graph };
}

/**
 * How many blocks of a saved graph the steps do not hold (branches off the first path, a
 * second source): saving from the form replaces them, so the form says so first.
 */
export function blocksOutsideSteps(graph: WorkflowGraph | null | undefined): number {
  if (!graph) return 0;
  const steps = readSteps(graph);
  return steps === undefined ? 0 : Math.max(0, graph.blocks.length - 1 - steps.length);
}
