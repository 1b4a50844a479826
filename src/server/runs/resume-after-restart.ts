import type { RunStore } from '../store/run-store.ts';
import { nowIso } from '../store/timestamps.ts';
import { resetBlockState } from './block-states.ts';
import { RESUMED_REASON } from './stop-run.ts';

/**
 * The runs a previous process left `running`: each goes back to the queue, its blocks
 * pending, except one with an outgoing_webhook block, which fails instead (its delivery may
 * already have been sent).
 */
export function resumeAfterRestart(runs: RunStore): void {
  const now = nowIso();
  for (const jobId of runs.idsWithStatus('running')) {
    const run = runs.get(jobId);
    if (!run) continue;
    const hasSideEffects = run.definition.blocks.some(
      (block) => block.block_name === 'outgoing_webhook',
    );
    if (hasSideEffects) {
      runs.finish(jobId, ['running'], {
        status: 'failed',
        status_reason:
          'The sandbox stopped while this run was running. It was not resumed because its outgoing_webhook may already have been sent; start it again.',
      });
    } else {
      runs.requeue(
        jobId,
        run.blocks.map((block) => resetBlockState(block, now)),
        RESUMED_REASON,
      );
    }
  }
}
