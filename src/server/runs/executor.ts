import type { BlockLiveStatus } from '@core/wire/live-status.ts';
import type { ActiveRun } from './active-run.ts';
import { createRunExecution } from './execute-run.ts';
import type { ExecutorOptions } from './executor-options.ts';
import { recordFailure } from './fail-run.ts';
import { resumeAfterRestart } from './resume-after-restart.ts';

export type { ExecutorOptions } from './executor-options.ts';

const RETRY_AFTER_FAILURE_MS = 1_000;
/** Between pumps while `busy`: with two slots, at most about 100 runs a second start. */
const BUSY_PUMP_DELAY_MS = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The run queue and executor: queued → running → completed | failed | cancelled, block by
 * block along the edges, with live per-block progress. Every status change goes through the
 * store's compare-and-set, so a cancel racing completion leaves exactly one terminal state.
 * This file keeps the queue (which runs go, how many at once); executeRun runs one.
 */
export function createExecutor(options: ExecutorOptions) {
  const { runs, log } = options;
  const concurrency = options.concurrency ?? 2;
  const executeRun = createRunExecution(options);
  const active = new Map<string, ActiveRun>();
  let accepting = true;

  let pumpScheduled = false;
  /** Asks for one pump soon; many notifications in one tick (a burst of runs) make one query. */
  function schedulePump(delayMs = 0): void {
    if (pumpScheduled) return;
    pumpScheduled = true;
    const run = () => {
      pumpScheduled = false;
      pump();
    };
    const delay = delayMs === 0 && options.busy?.() ? BUSY_PUMP_DELAY_MS : delayMs;
    if (delay > 0) setTimeout(run, delay);
    else setImmediate(run);
  }

  function pump(): void {
    if (!accepting) return;
    const free = concurrency - active.size;
    if (free <= 0) return;
    let queued: string[];
    try {
      queued = runs.nextQueued(free + active.size);
    } catch (error) {
      log.error({ err: error }, 'could not read the run queue');
      schedulePump(RETRY_AFTER_FAILURE_MS);
      return;
    }
    for (const jobId of queued) {
      if (active.size >= concurrency) return;
      if (active.has(jobId)) continue;
      const state: ActiveRun = { stop: null, blocks: [], done: Promise.resolve() };
      active.set(jobId, state);
      let failed = false;
      state.done = executeRun(jobId, state)
        .catch((error: unknown) => {
          failed = true;
          recordFailure(runs, log, jobId, error);
        })
        .finally(() => {
          active.delete(jobId);
          // After a failure (often a data directory that cannot be written) wait a little, so
          // a run that cannot even be started is not retried in a busy loop.
          schedulePump(failed ? RETRY_AFTER_FAILURE_MS : 0);
        });
    }
  }

  return {
    /** Recovers after a restart, then starts working through the queue. */
    start(): void {
      resumeAfterRestart(runs);
      pump();
    },
    /** A run was queued. */
    notify(): void {
      schedulePump();
    },
    /** A running run was cancelled in the store: stop its work at the next row boundary. */
    stopCancelled(jobId: string): void {
      const state = active.get(jobId);
      if (state) state.stop = 'cancelled';
    },
    /** Fresher block states than the store's, for a run being executed now. */
    liveBlocks(jobId: string): BlockLiveStatus[] | undefined {
      const state = active.get(jobId);
      return state && state.blocks.length > 0 ? state.blocks : undefined;
    },
    /**
     * Stops taking runs, waits up to `graceMs` for running ones, then stops the rest at a row
     * boundary and puts them back in the queue for the next start.
     */
    async drain(graceMs: number): Promise<void> {
      accepting = false;
      const deadline = Date.now() + graceMs;
      while (active.size > 0 && Date.now() < deadline) await sleep(50);
      for (const state of active.values()) state.stop = 'shutdown';
      await Promise.all([...active.values()].map((state) => state.done));
    },
    get accepting(): boolean {
      return accepting;
    },
  };
}

export type Executor = ReturnType<typeof createExecutor>;
