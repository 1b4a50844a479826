import type { PlannedBlock } from '@core/workflow/workflow-graph.ts';
import type { BlockLiveStatus, WorkflowLiveStatusResponse } from '@core/wire/live-status.ts';
import type { LiveRun } from '../store/run-store.ts';
import { isTerminalStatus } from '@core/wire/run-status.ts';

/** Each block of a new run, pending, in execution order. */
export function initialBlockStates(plan: readonly PlannedBlock[], now: string): BlockLiveStatus[] {
  return plan.map((planned) => ({
    block_id: planned.blockId,
    block_name: planned.block.block_name,
    sequence_number: planned.block.sequence_number,
    previous_block_ids: planned.parents,
    status: 'pending',
    started_at: null,
    completed_at: null,
    progress_percentage: 0,
    current_step: null,
    processed_count: 0,
    total_count: 0,
    estimated_total_count: null,
    last_updated: now,
    error_message: null,
    metrics: {
      row_count: 0,
      dataframe_type: planned.rowType === 'ANY' ? 'LEAD' : planned.rowType,
      processed_count: 0,
      total_count: 0,
    },
  }));
}

/** A block back to pending (a run resumed after a restart starts over). */
export const resetBlockState = (block: BlockLiveStatus, now: string): BlockLiveStatus => ({
  ...block,
  status: 'pending',
  started_at: null,
  completed_at: null,
  progress_percentage: 0,
  current_step: null,
  processed_count: 0,
  total_count: 0,
  last_updated: now,
  error_message: null,
  metrics: { ...block.metrics, row_count: 0, processed_count: 0, total_count: 0 },
});

/**
 * The blocks of a run that has ended, each in a state that has ended too: a block still
 * `running` (the executor stops at the next row boundary, after the run's status is already
 * terminal) becomes `failed` with why, and no block keeps a step like "Row 9 of 10". Pending
 * blocks stay `pending`: they never ran (contract, "Runs": blocks are pending, running,
 * completed or failed).
 */
export function settleBlocks(
  blocks: readonly BlockLiveStatus[],
  runStatus: string,
  now: string,
): BlockLiveStatus[] {
  const why = runStatus === 'cancelled' ? 'Run cancelled.' : 'The run ended before this block did.';
  return blocks.map((block) =>
    block.status === 'running'
      ? {
          ...block,
          status: 'failed',
          error_message: block.error_message ?? why,
          current_step: null,
          completed_at: block.completed_at ?? now,
          last_updated: now,
        }
      : (block.current_step ?? null) !== null && block.status !== 'completed'
        ? { ...block, current_step: null }
        : block,
  );
}

/** OpenAPI `WorkflowLiveStatusResponse` for a run, with the executor's fresher block states when it has them. */
export function buildLiveStatus(
  run: LiveRun,
  liveBlocks?: BlockLiveStatus[],
): WorkflowLiveStatusResponse {
  const latest = liveBlocks ?? run.blocks;
  // A cancel is stored before the executor sees it: a terminal run never shows a block going.
  const blocks = isTerminalStatus(run.status)
    ? settleBlocks(latest, run.status, run.updated_at)
    : latest;
  const current = blocks.find((block) => block.status === 'running');
  const completed = blocks.filter((block) => block.status === 'completed').length;
  const progress =
    run.status === 'completed'
      ? 100
      : blocks.length === 0
        ? 0
        : blocks.reduce((sum, block) => sum + block.progress_percentage, 0) / blocks.length;
  const lastUpdated = blocks.reduce(
    (latest, block) => (block.last_updated > latest ? block.last_updated : latest),
    run.updated_at,
  );
  return {
    run_id: run.job_id,
    workflow_id: run.workflow_id,
    overall_status: run.status,
    current_block: current?.block_name ?? null,
    current_block_sequence: current?.sequence_number ?? null,
    total_blocks: blocks.length,
    completed_blocks: completed,
    started_at: run.started_at,
    completed_at: run.completed_at,
    last_updated: lastUpdated,
    blocks,
    overall_progress_percentage: Math.round(progress * 100) / 100,
    estimation_blocked_by: null,
  };
}
