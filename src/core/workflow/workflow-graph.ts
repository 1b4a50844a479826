import { validateWebhookSpec } from '../spec/spec-issues.ts';
import type { DataframeType } from '../spec/webhook-spec.ts';
import type { Block, WorkflowGraph } from '../wire/workflow.ts';
import { BLOCK_ALIASES, BLOCK_CATALOGUE, findBlockDefinition } from './block-catalogue.ts';

export type GraphIssue = { path: (string | number)[]; message: string };

/** A block's row type as it flows; `ANY` when it cannot be known before the run. */
export type FlowRowType = DataframeType | 'ANY';

export type PlannedBlock = {
  block: Block;
  /** Index in `graph.blocks`. */
  index: number;
  blockId: string;
  parents: string[];
  /** Row type this block hands on. */
  rowType: FlowRowType;
};

export type GraphValidation =
  { success: true; plan: PlannedBlock[] } | { success: false; issues: GraphIssue[] };

const quoted = (block: Block): string => `"${block.block_name}" (${block.block_id ?? 'no id'})`;

function specIssues(block: Block, index: number): GraphIssue[] {
  const definition = findBlockDefinition(block.block_name);
  const at = (path: PropertyKey[]) => [
    'blocks',
    index,
    'specs',
    ...path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
  ];
  if (!definition) {
    return [
      {
        path: ['blocks', index, 'block_name'],
        message: `Unknown block "${block.block_name}". Known blocks: ${BLOCK_CATALOGUE.map((d) => d.block_name).join(', ')} (and the aliases ${Object.keys(BLOCK_ALIASES).join(', ')}).`,
      },
    ];
  }
  if (definition.block_name === 'webhook') {
    const validation = validateWebhookSpec(block.specs);
    return validation.success
      ? []
      : validation.issues.map((issue) => ({ path: at(issue.path), message: issue.message }));
  }
  const parsed = definition.specsSchema.safeParse(block.specs);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: at(issue.path), message: issue.message }));
}

/** The row type a source block's spec declares, if any. */
function declaredRowType(specs: Record<string, unknown>): FlowRowType {
  const type = specs.dataframe_type;
  return type === 'LEAD' || type === 'COMPANY' ? type : 'ANY';
}

/**
 * Checks a workflow graph as the sandbox does at create and update (all → 422): unique block
 * ids, edges between existing blocks, no cycles, known blocks with valid specs, and row types
 * that fit each block (contract, "The workflow graph"). Returns the blocks in execution order
 * (edges first, then sequence_number) with the row type each hands on.
 */
export function validateWorkflowGraph(graph: WorkflowGraph): GraphValidation {
  const issues: GraphIssue[] = [];
  const indexById = new Map<string, number>();
  graph.blocks.forEach((block, index) => {
    if (block.block_id === undefined || block.block_id === null || block.block_id === '') {
      issues.push({
        path: ['blocks', index, 'block_id'],
        message: 'Every block needs a block_id.',
      });
      return;
    }
    if (indexById.has(block.block_id)) {
      issues.push({
        path: ['blocks', index, 'block_id'],
        message: `Two blocks have the block_id "${block.block_id}"; give each its own.`,
      });
      return;
    }
    indexById.set(block.block_id, index);
    issues.push(...specIssues(block, index));
  });
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  const seenEdges = new Set<string>();
  graph.edges.forEach((edge, index) => {
    for (const end of ['from_block_id', 'to_block_id'] as const) {
      if (!indexById.has(edge[end])) {
        issues.push({
          path: ['edges', index, end],
          message: `Edge ${index + 1} refers to block "${edge[end]}", which is not in the workflow.`,
        });
      }
    }
    if (edge.from_block_id === edge.to_block_id) {
      issues.push({
        path: ['edges', index],
        message: `Edge ${index + 1} connects a block to itself.`,
      });
    }
    const key = JSON.stringify([edge.from_block_id, edge.to_block_id]);
    if (seenEdges.has(key)) return;
    seenEdges.add(key);
    parents.set(edge.to_block_id, [...(parents.get(edge.to_block_id) ?? []), edge.from_block_id]);
    children.set(edge.from_block_id, [
      ...(children.get(edge.from_block_id) ?? []),
      edge.to_block_id,
    ]);
  });
  if (issues.length > 0) return { success: false, issues };

  // Kahn's algorithm; among ready blocks the lowest sequence_number runs first.
  const remaining = new Map<string, number>();
  for (const id of indexById.keys()) remaining.set(id, parents.get(id)?.length ?? 0);
  const order: string[] = [];
  const blockAt = (id: string): Block | undefined => {
    const index = indexById.get(id);
    return index === undefined ? undefined : graph.blocks[index];
  };
  const bySequence = (a: string, b: string) =>
    (blockAt(a)?.sequence_number ?? 0) - (blockAt(b)?.sequence_number ?? 0);
  let ready = [...remaining].filter(([, count]) => count === 0).map(([id]) => id);
  while (ready.length > 0) {
    ready.sort(bySequence);
    const [next, ...rest] = ready;
    if (next === undefined) break;
    ready = rest;
    order.push(next);
    for (const child of children.get(next) ?? []) {
      const count = (remaining.get(child) ?? 0) - 1;
      remaining.set(child, count);
      if (count === 0) ready.push(child);
    }
  }
  if (order.length < indexById.size) {
    const stuck = [...remaining].filter(([, count]) => count > 0).map(([id]) => id);
    return {
      success: false,
      issues: [
        {
          path: ['edges'],
          message: `The edges form a cycle through ${stuck.map((id) => `"${id}"`).join(', ')}; a workflow runs in one direction.`,
        },
      ],
    };
  }

  const plan: PlannedBlock[] = [];
  const rowTypeOf = new Map<string, FlowRowType>();
  for (const blockId of order) {
    const index = indexById.get(blockId) ?? 0;
    const block = graph.blocks[index];
    const definition = block ? findBlockDefinition(block.block_name) : undefined;
    if (!block || !definition) continue;
    const blockParents = parents.get(blockId) ?? [];
    const incoming = new Set(blockParents.map((id) => rowTypeOf.get(id) ?? 'ANY'));
    const known = [...incoming].filter((type): type is DataframeType => type !== 'ANY');
    if (new Set(known).size > 1) {
      issues.push({
        path: ['blocks', index],
        message: `Block ${quoted(block)} receives both LEAD and COMPANY rows; feed it one row type.`,
      });
    }
    const input: FlowRowType = known.length === 1 && known[0] ? known[0] : 'ANY';
    if (definition.input !== 'ANY' && input !== 'ANY' && input !== definition.input) {
      const hint =
        definition.input === 'LEAD'
          ? 'put company_to_leads before it, or make the source hand on LEAD rows'
          : 'put leads_to_company before it, or make the source hand on COMPANY rows';
      const from = blockParents
        .map(blockAt)
        .filter(
          (parent): parent is Block =>
            parent !== undefined && rowTypeOf.get(parent.block_id ?? '') === input,
        )
        .map(quoted)
        .join(', ');
      issues.push({
        path: ['blocks', index, 'block_name'],
        message: `Block ${quoted(block)} takes ${definition.input} rows but ${from} hands it ${input} rows; ${hint}.`,
      });
    }
    const rowType: FlowRowType =
      definition.output === 'same'
        ? input
        : definition.output === 'spec'
          ? declaredRowType(block.specs)
          : definition.output;
    rowTypeOf.set(blockId, rowType);
    plan.push({ block, index, blockId, parents: blockParents, rowType });
  }
  if (issues.length > 0) return { success: false, issues };
  return { success: true, plan };
}

export type SourceCheck =
  | {
      success: true;
      source: PlannedBlock;
      /** The source finds its own rows (search, read_notebook): a run sends no webhook_payload. */
      finds: boolean;
    }
  | { success: false; message: string };

/** Sources that find their own rows; a run of a workflow that starts with one sends no payload. */
export const FINDING_SOURCES: readonly string[] = ['search', 'read_notebook'];

/** The 400 for a webhook_payload sent to a workflow whose source finds its own rows. */
export const findingSourcePayloadMessage = (blockName: string): string =>
  `The workflow starts with a ${blockName} block, which finds its own rows and cannot take a webhook_payload: send the run without one, or switch its source to a webhook block.`;

/**
 * Whether a planned workflow can be run through the API: exactly one source block, and it is
 * `webhook` (rows from webhook_payload or webhook_input) or a source that finds its own rows;
 * never `read_csv` (contract, "The workflow graph"; Sixtyfour's OpenAPI: "Workflows starting
 * with read_csv cannot be triggered via API"). Each failure is a 400.
 */
export function checkRunSource(plan: readonly PlannedBlock[]): SourceCheck {
  const sources = plan.filter((planned) => planned.parents.length === 0);
  const [source, ...others] = sources;
  if (!source) {
    return { success: false, message: 'The workflow has no blocks; add a webhook source block.' };
  }
  if (others.length > 0) {
    return {
      success: false,
      message: `The workflow has ${sources.length} source blocks (${sources.map((s) => `"${s.blockId}"`).join(', ')}); a workflow run with webhook_payload has exactly one, the webhook block.`,
    };
  }
  if (source.block.block_name === 'read_csv') {
    return {
      success: false,
      message:
        'The workflow starts with a read_csv block, which cannot take a webhook_payload; switch its source to a webhook block.',
    };
  }
  if (FINDING_SOURCES.includes(source.block.block_name)) {
    return { success: true, source, finds: true };
  }
  if (source.block.block_name !== 'webhook') {
    return {
      success: false,
      message: `The workflow's source block is "${source.block.block_name}", not "webhook"; a run with webhook_payload needs a webhook source block.`,
    };
  }
  return { success: true, source, finds: false };
}
