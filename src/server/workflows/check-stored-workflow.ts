import { validateWebhookSpec, type SpecValidation } from '@core/spec/spec-issues.ts';
import {
  checkRunSource,
  validateWorkflowGraph,
  type PlannedBlock,
} from '@core/workflow/workflow-graph.ts';
import type { StoredWorkflow } from '../store/workflow-store.ts';

/**
 * What every run of a stored workflow needs from its graph, worked out once per stored version
 * (the workflow cache keeps it until the workflow is written again): the checked plan, the
 * source block, the webhook spec as the judge reads it (`null` when the source finds its own
 * rows: search, read_notebook), and the graph's JSON text, which a run without specs_override
 * stores as its definition. `problem` is the 400 a run gets when the stored graph cannot run.
 */
export type StoredWorkflowCheck =
  | { ok: false; problem: string }
  | {
      ok: true;
      plan: PlannedBlock[];
      source: PlannedBlock;
      spec: SpecValidation | null;
      text: string;
    };

export type CheckedWorkflow = StoredWorkflow & { check: StoredWorkflowCheck };

export function checkStoredWorkflow(workflow: StoredWorkflow): CheckedWorkflow {
  return { ...workflow, check: checkGraph(workflow) };
}

function checkGraph(workflow: StoredWorkflow): StoredWorkflowCheck {
  const graph = validateWorkflowGraph(workflow.definition);
  if (!graph.success) {
    return {
      ok: false,
      problem: `The workflow graph is invalid: ${graph.issues[0]?.message ?? ''}`,
    };
  }
  const source = checkRunSource(graph.plan);
  if (!source.success) return { ok: false, problem: source.message };
  return {
    ok: true,
    plan: graph.plan,
    source: source.source,
    spec: source.finds ? null : validateWebhookSpec(source.source.block.specs),
    text: JSON.stringify(workflow.definition),
  };
}
