import type { RunStore, StoredRun } from '../store/run-store.ts';
import { nowIso } from '../store/timestamps.ts';
import type { ActiveRun, StopReason } from './active-run.ts';
import { resetBlockState, settleBlocks } from './block-states.ts';

export const RESUMED_REASON = 'Resumed after the sandbox restarted.';

/**
 * A run stopped at a row boundary. On shutdown it goes back to the queue, its blocks pending,
 * for the next start; on cancel (already stored as `cancelled`) its blocks are settled.
 */
export function stopRun(
  runs: RunStore,
  run: StoredRun,
  state: ActiveRun,
  reason: StopReason,
): void {
  const now = nowIso();
  if (reason === 'shutdown') {
    runs.requeue(
      run.job_id,
      state.blocks.map((block) => resetBlockState(block, now)),
      RESUMED_REASON,
    );
    return;
  }
  state.blocks = settleBlocks(state.blocks, 'cancelled', now);
  runs.saveBlocks(run.job_id, state.blocks);
}
