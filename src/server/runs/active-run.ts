import type { PlannedBlock } from '@core/workflow/workflow-graph.ts';
import type { BlockLiveStatus } from '@core/wire/live-status.ts';
import { nowIso } from '../store/timestamps.ts';
import type { Row } from './blocks/row.ts';

export type StopReason = 'cancelled' | 'shutdown';

/** A run being executed: why it should stop (if it should), and its live block states. */
export type ActiveRun = { stop: StopReason | null; blocks: BlockLiveStatus[]; done: Promise<void> };

/** An outgoing_webhook block whose rows are in, waiting for the run's results to be stored. */
export type PendingDelivery = { index: number; planned: PlannedBlock; rows: Row[] };

/** Thrown at a row boundary when the run was cancelled or the server is shutting down. */
export class RunStopped extends Error {
  constructor(readonly reason: StopReason) {
    super(reason);
  }
}

const PERSIST_EVERY_MS = 200;
const CANCEL_CHECK_MS = 100;
const YIELD_EVERY_ROWS = 256;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const yieldToLoop = () => new Promise((resolve) => setImmediate(resolve));

export type RunProgress = ReturnType<typeof createRunProgress>;

/**
 * How a running run reports and paces itself. Block states reach the store at most every
 * PERSIST_EVERY_MS while the run goes: the live status reads them from the ActiveRun
 * meanwhile, every way a run ends writes them with its final status, and a restart resets
 * them. Each write rewrites the run's row (its payload lives apart), so a short run writes it
 * three times (insert, start, finish) instead of seven.
 */
export function createRunProgress(
  state: ActiveRun,
  saveBlocks: (blocks: BlockLiveStatus[]) => void,
  rowMs: number,
) {
  let lastPersist = Date.now();
  const checkStop = () => {
    if (state.stop) throw new RunStopped(state.stop);
  };
  return {
    /** Writes the block states, unless they were written less than PERSIST_EVERY_MS ago. */
    persist(): void {
      const time = Date.now();
      if (time - lastPersist < PERSIST_EVERY_MS) return;
      lastPersist = time;
      saveBlocks(state.blocks);
    },
    /** Writes the block states now (a delivery attempt, which may take a while). */
    persistNow(): void {
      lastPersist = Date.now();
      saveBlocks(state.blocks);
    },
    update(index: number, patch: Partial<BlockLiveStatus>): void {
      const block = state.blocks[index];
      if (!block) return;
      const next = { ...block, ...patch, last_updated: nowIso() };
      next.metrics = {
        ...next.metrics,
        processed_count: next.processed_count,
        total_count: next.total_count,
      };
      state.blocks[index] = next;
    },
    /** A block's metrics so far. */
    metricsOf(index: number): BlockLiveStatus['metrics'] | undefined {
      return state.blocks[index]?.metrics;
    },
    checkStop,
    /**
     * Before each row: INLET_SANDBOX_ROW_MS of sleep in steps that notice a cancel; unpaced,
     * a yield to the event loop every YIELD_EVERY_ROWS rows.
     */
    async pace(rowIndex: number): Promise<void> {
      if (rowMs <= 0) {
        if (rowIndex % YIELD_EVERY_ROWS === 0) await yieldToLoop();
        checkStop();
        return;
      }
      let left = rowMs;
      while (left > 0) {
        checkStop();
        const step = Math.min(left, CANCEL_CHECK_MS);
        await sleep(step);
        left -= step;
      }
      checkStop();
    },
  };
}
