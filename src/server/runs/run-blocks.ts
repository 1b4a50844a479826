import type { PlannedBlock } from '@core/workflow/workflow-graph.ts';
import type { BlockLiveStatus } from '@core/wire/live-status.ts';
import { nowIso } from '../store/timestamps.ts';
import type { PendingDelivery, RunProgress } from './active-run.ts';
import { blockRunner } from './block-runners.ts';
import type { Row } from './blocks/row.ts';

const PROGRESS_EVERY_MS = 50;

export type BlockOutputs = { outputs: Map<string, Row[]>; pending: PendingDelivery[] };

/** The row count a finished block reports, on top of its metrics so far. */
export const blockMetrics = (
  metrics: BlockLiveStatus['metrics'] | undefined,
  rowCount: number,
): BlockLiveStatus['metrics'] => ({
  ...(metrics ?? { row_count: 0, dataframe_type: 'LEAD' }),
  row_count: rowCount,
});

/**
 * Runs the plan's blocks in order, each over its parents' output rows (the payload for the
 * source), with live progress. outgoing_webhook blocks are left pending: they deliver once the
 * run's results are stored. `onBlock` learns which block is running (for a failure's report).
 */
export async function runBlocks(
  plan: readonly PlannedBlock[],
  payload: Row[],
  progress: RunProgress,
  rowMs: number,
  onBlock: (index: number) => void,
): Promise<BlockOutputs> {
  const outputs = new Map<string, Row[]>();
  const pending: PendingDelivery[] = [];
  for (const [index, planned] of plan.entries()) {
    onBlock(index);
    const input =
      planned.parents.length === 0
        ? payload
        : planned.parents.flatMap((id) => outputs.get(id) ?? []);
    progress.update(index, {
      status: 'running',
      started_at: nowIso(),
      total_count: input.length,
      current_step: `Processing ${input.length} rows`,
    });
    progress.persist();
    const runner = blockRunner(planned.block);
    const out: Row[] = [];
    let lastProgress = Date.now();
    for (const [rowIndex, row] of input.entries()) {
      await progress.pace(rowIndex);
      out.push(...(await runner.processRow(row)));
      // Paced rows show each step; unpaced ones (thousands a millisecond) a few times a
      // second, since a new block state and timestamp per row cost more than the row.
      const time = Date.now();
      if (rowMs <= 0 && time - lastProgress < PROGRESS_EVERY_MS) continue;
      lastProgress = time;
      const processed = rowIndex + 1;
      progress.update(index, {
        processed_count: processed,
        progress_percentage: Math.round((processed / Math.max(1, input.length)) * 10000) / 100,
        current_step: `Row ${processed} of ${input.length}`,
      });
      progress.persist();
    }
    progress.checkStop();
    if (runner.finish) {
      progress.update(index, {
        current_step: planned.block.block_name === 'outgoing_webhook' ? 'Sending' : 'Finishing',
      });
      progress.persist();
      out.push(...(await runner.finish()));
    }
    outputs.set(planned.blockId, out);
    if (planned.block.block_name === 'outgoing_webhook') {
      // Delivered once the run's results are stored, so its download link works at once.
      pending.push({ index, planned, rows: input });
      progress.update(index, {
        processed_count: input.length,
        current_step: 'Waiting for the run’s results before sending',
      });
      progress.persist();
      continue;
    }
    progress.update(index, {
      status: 'completed',
      completed_at: nowIso(),
      progress_percentage: 100,
      processed_count: input.length,
      current_step: null,
      metrics: blockMetrics(progress.metricsOf(index), out.length),
    });
    progress.persist();
  }
  progress.checkStop();
  return { outputs, pending };
}
