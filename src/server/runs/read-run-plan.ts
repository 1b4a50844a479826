import { validateWorkflowGraph, type PlannedBlock } from '@core/workflow/workflow-graph.ts';
import type { CachedWorkflows } from '../intake/workflow-cache.ts';
import type { StoredRun } from '../store/run-store.ts';

/** The blocks a run executes, in order, or the `status_reason` it fails with instead. */
export type RunPlan = { ok: true; plan: PlannedBlock[] } | { ok: false; statusReason: string };

/**
 * The plan of the graph a queued run was stored with. A run without specs_override stores its
 * workflow's graph text as checked when the workflow was stored (checkStoredWorkflow): while
 * that version is still the stored one, its checked plan is used and nothing is validated
 * again. Otherwise (an override, a workflow changed or deleted since, a run from before a
 * restart) the run's own graph is validated here, once, as the run starts.
 */
export function readRunPlan(run: StoredRun, workflows: CachedWorkflows): RunPlan {
  const stored = workflows.get(run.workflow_id)?.check;
  if (stored?.ok && stored.text === run.definitionJson) return { ok: true, plan: stored.plan };
  const checked = validateWorkflowGraph(run.definition);
  if (!checked.success) {
    return {
      ok: false,
      statusReason: `The workflow graph is invalid: ${checked.issues[0]?.message ?? 'unknown problem'}`,
    };
  }
  return { ok: true, plan: checked.plan };
}
