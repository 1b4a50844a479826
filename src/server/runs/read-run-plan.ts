import type { PlannedBlock } from '@core/workflow/workflow-graph.ts';
import type { StoredRun } from '../store/run-store.ts';
import type { ValidationCache } from '../workflows/validation-cache.ts';

/** The blocks a run executes, in order, or the `status_reason` it fails with instead. */
export type RunPlan = { ok: true; plan: PlannedBlock[] } | { ok: false; statusReason: string };

/**
 * Checks the graph a queued run was stored with and plans its blocks in graph order. The only
 * place a starting run's graph is validated.
 */
export function readRunPlan(run: StoredRun, validation: ValidationCache): RunPlan {
  const checked = validation.graph(run.definition);
  if (!checked.success) {
    return {
      ok: false,
      statusReason: `The workflow graph is invalid: ${checked.issues[0]?.message ?? 'unknown problem'}`,
    };
  }
  return { ok: true, plan: checked.plan };
}
