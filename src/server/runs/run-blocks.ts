import type { PlannedBlock } from '@core/workflow/workflow-graph.ts';
import type { PendingDelivery, RunProgress } from './active-run.ts';
import type { Row } from './blocks/row.ts';
import { runBlock } from './run-block.ts';

export type BlockOutputs = { outputs: Map<string, Row[]>; pending: PendingDelivery[] };

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
    const step = await runBlock(planned, index, input, progress, rowMs);
    outputs.set(planned.blockId, step.rows);
    if (step.pending) pending.push(step.pending);
  }
  progress.checkStop();
  return { outputs, pending };
}
