import type { PlannedBlock } from '@core/workflow/workflow-graph.ts';
import type { RunStore, StoredRun } from '../store/run-store.ts';
import { nowIso } from '../store/timestamps.ts';
import type { CachedWorkflows } from '../intake/workflow-cache.ts';
import type { ActiveRun } from './active-run.ts';
import { crashPoint } from './crash-point.ts';
import { readRunPlan } from './read-run-plan.ts';

export type StartedRun = { run: StoredRun; plan: PlannedBlock[] };

/**
 * Moves a queued run to `running`, its block states live in `state`, and returns it with its
 * plan. Null when there is nothing to execute: the run is no longer queued, a cancel won the
 * compare-and-set, or its graph cannot run (the run is then failed here, still queued).
 */
export function startRun(
  runs: RunStore,
  workflows: CachedWorkflows,
  jobId: string,
  state: ActiveRun,
): StartedRun | null {
  const run = runs.get(jobId);
  if (run?.status !== 'queued') return null;
  const planned = readRunPlan(run, workflows);
  if (!planned.ok) {
    runs.finish(jobId, ['queued'], { status: 'failed', status_reason: planned.statusReason });
    return null;
  }
  const now = nowIso();
  state.blocks = run.blocks.map((block) => ({ ...block, last_updated: now }));
  if (!runs.start(jobId, state.blocks)) return null;
  crashPoint('run-started');
  return { run, plan: planned.plan };
}
