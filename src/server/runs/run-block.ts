import type { PlannedBlock } from '@core/workflow/workflow-graph.ts';
import { nowIso } from '../store/timestamps.ts';
import type { PendingDelivery, RunProgress } from './active-run.ts';
import { blockMetrics } from './block-metrics.ts';
import { blockRunner } from './block-runners.ts';
import type { Row } from './blocks/row.ts';

const PROGRESS_EVERY_MS = 50;

/** A block's output rows, and its delivery when it is an outgoing_webhook waiting to send. */
export type BlockStep = { rows: Row[]; pending: PendingDelivery | null };

/**
 * Runs one block (the plan's `index`th) over its input rows, with live progress. An
 * outgoing_webhook block is left pending: it delivers once the run's results are stored, so
 * its download link works at once.
 */
export async function runBlock(
  planned: PlannedBlock,
  index: number,
  input: Row[],
  progress: RunProgress,
  rowMs: number,
): Promise<BlockStep> {
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
  if (planned.block.block_name === 'outgoing_webhook') {
    progress.update(index, {
      processed_count: input.length,
      current_step: 'Waiting for the run’s results before sending',
    });
    progress.persist();
    return { rows: out, pending: { index, planned, rows: input } };
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
  return { rows: out, pending: null };
}
