import { validateWebhookSpec, type SpecValidation } from '@core/spec/spec-issues.ts';
import {
  checkWebhookSource,
  validateWorkflowGraph,
  type PlannedBlock,
} from '@core/workflow/workflow-graph.ts';
import type { StoredWorkflow } from '../store/workflow-store.ts';

/**
 * What every run of a stored workflow needs from its graph, worked out once per stored version
 * (the workflow cache keeps it until the workflow is written again): the checked plan, the
 * webhook source block and its spec as the judge reads it, and the graph's JSON text, which a
 * run without specs_override stores as its definition. `problem` is the 400 a run gets when
 * the stored graph cannot run with a webhook_payload.
 */
export type StoredWorkflowCheck =
  | { ok: false; problem: string }
  | {
      ok: true;
      plan: PlannedBlock[];
      source: PlannedBlock;
      spec: SpecValidation;
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
  const source = checkWebhookSource(graph.plan);
  if (!source.success) return { ok: false, problem: source.message };
  return {
    ok: true,
    plan: graph.plan,
    source: source.source,
    spec: validateWebhookSpec(source.source.block.specs),
    text: JSON.stringify(workflow.definition),
  };
}
