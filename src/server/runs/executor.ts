import type Database from 'better-sqlite3';
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import type { PlannedBlock } from '@core/workflow/workflow-graph.ts';
import type { BlockLiveStatus } from '@core/wire/live-status.ts';
import { jsonObjectSchema } from '@core/wire/json-object.ts';
import type { ResultStore, StoredResult } from '../store/result-store.ts';
import type { RunStore, StoredRun } from '../store/run-store.ts';
import { nowIso } from '../store/timestamps.ts';
import type { WorkflowStore } from '../store/workflow-store.ts';
import type { ValidationCache } from '../workflows/validation-cache.ts';
import { resetBlockState, settleBlocks } from './block-states.ts';
import { crashPoint } from './crash-point.ts';
import type { OutgoingWebhookOptions } from './blocks/outgoing-webhook.ts';
import type { Row } from './blocks/row.ts';
import {
  createRunProgress,
  RunStopped,
  type ActiveRun,
  type PendingDelivery,
  type RunProgress,
  type StopReason,
} from './active-run.ts';
import { deliverPending } from './deliver-pending.ts';
import { runBlocks } from './run-blocks.ts';
import { summarizeRun } from './summarize-run.ts';
import { errorMessage } from '@core/error-message.ts';

export type ExecutorOptions = {
  db: Database.Database;
  runs: RunStore;
  results: ResultStore;
  workflows: WorkflowStore;
  validation: ValidationCache;
  dataDir: string;
  rowMs: number;
  outgoing: OutgoingWebhookOptions;
  log: FastifyBaseLogger;
  /** Runs executed at once. */
  concurrency?: number;
  /**
   * True while callers are waiting on the event loop (a stream of run requests). The executor
   * then starts runs at a gentler pace, so accepting a run — what a caller waits for — is not
   * slowed by executing earlier ones; the queue drains at full speed once the stream pauses.
   */
  busy?: () => boolean;
};

const RETRY_AFTER_FAILURE_MS = 1_000;
/** Between pumps while `busy`: with two slots, at most about 100 runs a second start. */
const BUSY_PUMP_DELAY_MS = 20;

const rowsSchema = z.array(jsonObjectSchema);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The run queue and executor: queued → running → completed | failed | cancelled, block by
 * block along the edges, with live per-block progress. Every status change goes through the
 * store's compare-and-set, so a cancel racing completion leaves exactly one terminal state.
 */
export function createExecutor(options: ExecutorOptions) {
  const { runs, results, workflows, log } = options;
  const concurrency = options.concurrency ?? 2;
  const active = new Map<string, ActiveRun>();
  let accepting = true;

  /** Records a run's unexpected failure; never throws, even when the store cannot be written. */
  function recordFailure(jobId: string, error: unknown): void {
    log.error({ err: error, jobId }, 'run executor failed');
    try {
      runs.finish(jobId, ['queued', 'running'], {
        status: 'failed',
        status_reason: 'The sandbox hit an internal error; see its log.',
        error_message: errorMessage(error),
      });
    } catch (storeError) {
      // The data directory cannot be written: the run stays as stored and is resumed (or
      // marked failed) at the next start-up. The process must not die over it.
      log.error({ err: storeError, jobId }, 'could not record the failed run');
    }
  }

  // The results of a run that still delivers outgoing webhooks (see completeWithDeliveries).
  const storeResults = options.db.transaction(
    (jobId: string, compressed: Uint8Array, described: StoredResult[]) => {
      results.insertRows(jobId, compressed);
      for (const result of described) results.insert(result);
    },
  );

  // Built once: better-sqlite3's transaction() wraps the function anew on every call.
  const storeCompletion = options.db.transaction(
    (
      run: StoredRun,
      done: {
        metrics: Record<string, unknown>;
        blocks: BlockLiveStatus[];
        compressed: Uint8Array;
        described: StoredResult[];
      },
    ) => {
      // A cancel that won the race leaves the run as it is, without results.
      if (
        !runs.finish(run.job_id, ['running'], {
          status: 'completed',
          metrics: done.metrics,
          blocks: done.blocks,
        })
      )
        return;
      results.insertRows(run.job_id, done.compressed);
      for (const result of done.described) results.insert(result);
      crashPoint('results-writing');
      workflows.touchRun(run.workflow_id, nowIso());
    },
  );

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
      state.done = execute(jobId, state)
        .catch((error: unknown) => {
          failed = true;
          recordFailure(jobId, error);
        })
        .finally(() => {
          active.delete(jobId);
          // After a failure (often a data directory that cannot be written) wait a little, so
          // a run that cannot even be started is not retried in a busy loop.
          schedulePump(failed ? RETRY_AFTER_FAILURE_MS : 0);
        });
    }
  }

  async function execute(jobId: string, state: ActiveRun): Promise<void> {
    const run = runs.get(jobId);
    if (run?.status !== 'queued') return;
    const validation = options.validation.graph(run.definition);
    if (!validation.success) {
      runs.finish(jobId, ['queued'], {
        status: 'failed',
        status_reason: `The workflow graph is invalid: ${validation.issues[0]?.message ?? 'unknown problem'}`,
      });
      return;
    }
    const now = nowIso();
    state.blocks = run.blocks.map((block) => ({ ...block, last_updated: now }));
    if (!runs.start(jobId, state.blocks)) return;
    crashPoint('run-started');
    const progress = createRunProgress(
      state,
      (blocks) => {
        runs.saveBlocks(jobId, blocks);
      },
      options.rowMs,
    );
    let currentIndex = -1;
    try {
      const payloadText = runs.payload(jobId);
      if (payloadText === undefined)
        throw new Error('The run’s payload is missing from the store.');
      const payload = rowsSchema.parse(JSON.parse(payloadText));
      const plan = validation.plan;
      const { outputs, pending } = await runBlocks(plan, payload, progress, options.rowMs, (at) => {
        currentIndex = at;
      });
      if (pending.length === 0) complete(run, plan, outputs, state);
      else await completeWithDeliveries(run, plan, outputs, state, pending, progress);
    } catch (error) {
      if (error instanceof RunStopped) {
        stopped(run, state, error.reason);
        return;
      }
      const message = errorMessage(error);
      if (currentIndex >= 0)
        progress.update(currentIndex, {
          status: 'failed',
          error_message: message,
          completed_at: nowIso(),
        });
      runs.finish(jobId, ['running'], {
        status: 'failed',
        status_reason: message,
        error_message: message,
        blocks: state.blocks,
      });
    }
  }

  const storageProblem = (error: unknown): Error => {
    const reason = errorMessage(error);
    return new Error(
      `Could not store the results in ${options.dataDir}: ${reason}. Free disk space or make INLET_DATA_DIR writable, then start the run again.`,
    );
  };

  /**
   * Stores the result rows and marks the run completed in one transaction: a run is never
   * completed without its results, nor has results without being completed, whatever moment
   * the process dies at. The downloads are rendered from the rows when fetched.
   */
  function complete(
    run: StoredRun,
    plan: PlannedBlock[],
    outputs: Map<string, Row[]>,
    state: ActiveRun,
  ): void {
    const { compressed, described, metrics } = summarizeRun(run, plan, outputs);
    try {
      storeCompletion(run, { metrics, blocks: state.blocks, compressed, described });
    } catch (error) {
      throw storageProblem(error);
    }
    crashPoint('results-written');
  }

  /**
   * A run with outgoing_webhook blocks: its results are stored first (the run still running),
   * so the link each delivery carries works when the receiver follows it; then each block
   * delivers; then the run finishes. [decision] A delivery that fails every try fails its block
   * and the run (`failed`, the block and the receiver's last answer in `status_reason`), and the
   * stored results stay downloadable.
   */
  async function completeWithDeliveries(
    run: StoredRun,
    plan: PlannedBlock[],
    outputs: Map<string, Row[]>,
    state: ActiveRun,
    pending: PendingDelivery[],
    progress: RunProgress,
  ): Promise<void> {
    const { compressed, described, metrics } = summarizeRun(run, plan, outputs);
    try {
      storeResults(run.job_id, compressed, described);
    } catch (error) {
      throw storageProblem(error);
    }
    const file = described[0];
    const resultsDownloadUrl =
      file && options.outgoing.resultsUrl
        ? options.outgoing.resultsUrl(run.job_id, file.filename)
        : null;
    const failures = await deliverPending(
      run,
      pending,
      state,
      progress,
      resultsDownloadUrl,
      options.outgoing,
      log,
    );
    const finished =
      failures.length === 0
        ? runs.finish(run.job_id, ['running'], {
            status: 'completed',
            metrics,
            blocks: state.blocks,
          })
        : runs.finish(run.job_id, ['running'], {
            status: 'failed',
            status_reason: `${failures.join('; ')}. The run’s results are kept: GET /workflows/runs/${run.job_id}/results/download-links.`,
            error_message: failures[0] ?? null,
            metrics,
            blocks: state.blocks,
          });
    if (finished) workflows.touchRun(run.workflow_id, nowIso());
  }

  function stopped(run: StoredRun, state: ActiveRun, reason: StopReason): void {
    const now = nowIso();
    if (reason === 'shutdown') {
      runs.requeue(
        run.job_id,
        state.blocks.map((block) => resetBlockState(block, now)),
        'Resumed after the sandbox restarted.',
      );
      return;
    }
    state.blocks = settleBlocks(state.blocks, 'cancelled', now);
    runs.saveBlocks(run.job_id, state.blocks);
  }

  return {
    /** Recovers after a restart, then starts working through the queue. */
    start(): void {
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
            'Resumed after the sandbox restarted.',
          );
        }
      }
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
