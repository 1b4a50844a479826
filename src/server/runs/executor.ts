import type Database from 'better-sqlite3';
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import { outgoingWebhookSpecSchema } from '../../core/workflow/block-catalogue.ts';
import type { PlannedBlock } from '../../core/workflow/workflow-graph.ts';
import type { BlockLiveStatus } from '../../core/wire/live-status.ts';
import { jsonObjectSchema } from '../../core/wire/json-object.ts';
import { describeResults } from '../results/describe-results.ts';
import { compressJson } from '../store/compressed-json.ts';
import type { ResultStore, StoredResult } from '../store/result-store.ts';
import type { RunStore, StoredRun } from '../store/run-store.ts';
import { nowIso } from '../store/timestamps.ts';
import type { WorkflowStore } from '../store/workflow-store.ts';
import type { ValidationCache } from '../workflows/validation-cache.ts';
import { blockRunner } from './block-runners.ts';
import { resetBlockState, settleBlocks } from './block-states.ts';
import { crashPoint } from './crash-point.ts';
import { deliverOutgoingWebhook, type OutgoingWebhookOptions } from './blocks/outgoing-webhook.ts';
import type { Row } from './blocks/row.ts';
import { errorMessage } from '../../core/error-message.ts';

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

type StopReason = 'cancelled' | 'shutdown';
/** An outgoing_webhook block whose rows are in, waiting for the run's results to be stored. */
type PendingDelivery = { index: number; planned: PlannedBlock; rows: Row[] };
type ActiveRun = { stop: StopReason | null; blocks: BlockLiveStatus[]; done: Promise<void> };

class RunStopped extends Error {
  constructor(readonly reason: StopReason) {
    super(reason);
  }
}

const PERSIST_EVERY_MS = 200;
const CANCEL_CHECK_MS = 100;
const PROGRESS_EVERY_MS = 50;
const YIELD_EVERY_ROWS = 256;
const RETRY_AFTER_FAILURE_MS = 1_000;
/** Between pumps while `busy`: with two slots, at most about 100 runs a second start. */
const BUSY_PUMP_DELAY_MS = 20;

const rowsSchema = z.array(jsonObjectSchema);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const yieldToLoop = () => new Promise((resolve) => setImmediate(resolve));

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
    // Block states reach the store at most every PERSIST_EVERY_MS while the run goes: the live
    // status reads them from `active` meanwhile, every way a run ends writes them with its final
    // status, and a restart resets them. Each write rewrites the run's row (its payload lives
    // apart), so a short run writes it three times (insert, start, finish) instead of seven.
    let lastPersist = Date.now();
    const persist = () => {
      const time = Date.now();
      if (time - lastPersist < PERSIST_EVERY_MS) return;
      lastPersist = time;
      runs.saveBlocks(jobId, state.blocks);
    };
    const update = (index: number, patch: Partial<BlockLiveStatus>) => {
      const block = state.blocks[index];
      if (!block) return;
      const next = { ...block, ...patch, last_updated: nowIso() };
      next.metrics = {
        ...next.metrics,
        processed_count: next.processed_count,
        total_count: next.total_count,
      };
      state.blocks[index] = next;
    };
    const checkStop = () => {
      if (state.stop) throw new RunStopped(state.stop);
    };
    const pace = async (rowIndex: number) => {
      if (options.rowMs <= 0) {
        if (rowIndex % YIELD_EVERY_ROWS === 0) await yieldToLoop();
        checkStop();
        return;
      }
      let left = options.rowMs;
      while (left > 0) {
        checkStop();
        const step = Math.min(left, CANCEL_CHECK_MS);
        await sleep(step);
        left -= step;
      }
      checkStop();
    };

    let currentIndex = -1;
    try {
      const payloadText = runs.payload(jobId);
      if (payloadText === undefined)
        throw new Error('The run’s payload is missing from the store.');
      const payload = rowsSchema.parse(JSON.parse(payloadText));
      const outputs = new Map<string, Row[]>();
      const pending: PendingDelivery[] = [];
      const plan = validation.plan;
      for (const [index, planned] of plan.entries()) {
        currentIndex = index;
        const input =
          planned.parents.length === 0
            ? payload
            : planned.parents.flatMap((id) => outputs.get(id) ?? []);
        update(index, {
          status: 'running',
          started_at: nowIso(),
          total_count: input.length,
          current_step: `Processing ${input.length} rows`,
        });
        persist();
        const runner = blockRunner(planned.block);
        const out: Row[] = [];
        let lastProgress = Date.now();
        for (const [rowIndex, row] of input.entries()) {
          await pace(rowIndex);
          out.push(...(await runner.processRow(row)));
          // Paced rows show each step; unpaced ones (thousands a millisecond) a few times a
          // second, since a new block state and timestamp per row cost more than the row.
          const time = Date.now();
          if (options.rowMs <= 0 && time - lastProgress < PROGRESS_EVERY_MS) continue;
          lastProgress = time;
          const processed = rowIndex + 1;
          update(index, {
            processed_count: processed,
            progress_percentage: Math.round((processed / Math.max(1, input.length)) * 10000) / 100,
            current_step: `Row ${processed} of ${input.length}`,
          });
          persist();
        }
        checkStop();
        if (runner.finish) {
          update(index, {
            current_step: planned.block.block_name === 'outgoing_webhook' ? 'Sending' : 'Finishing',
          });
          persist();
          out.push(...(await runner.finish()));
        }
        outputs.set(planned.blockId, out);
        if (planned.block.block_name === 'outgoing_webhook') {
          // Delivered once the run's results are stored, so its download link works at once.
          pending.push({ index, planned, rows: input });
          update(index, {
            processed_count: input.length,
            current_step: 'Waiting for the run’s results before sending',
          });
          persist();
          continue;
        }
        const block = state.blocks[index];
        update(index, {
          status: 'completed',
          completed_at: nowIso(),
          progress_percentage: 100,
          processed_count: input.length,
          current_step: null,
          metrics: {
            ...(block?.metrics ?? { row_count: 0, dataframe_type: 'LEAD' }),
            row_count: out.length,
          },
        });
        persist();
      }
      checkStop();
      if (pending.length === 0) complete(run, plan, outputs, state);
      else await completeWithDeliveries(run, plan, outputs, state, pending, update);
    } catch (error) {
      if (error instanceof RunStopped) {
        stopped(run, state, error.reason);
        return;
      }
      const message = errorMessage(error);
      if (currentIndex >= 0)
        update(currentIndex, { status: 'failed', error_message: message, completed_at: nowIso() });
      runs.finish(jobId, ['running'], {
        status: 'failed',
        status_reason: message,
        error_message: message,
        blocks: state.blocks,
      });
    }
  }

  /** The run's result rows (its sinks' outputs), compressed, with their files and metrics. */
  function summarize(run: StoredRun, plan: PlannedBlock[], outputs: Map<string, Row[]>) {
    const withChildren = new Set(plan.flatMap((planned) => planned.parents));
    const sinks = plan.filter((planned) => !withChildren.has(planned.blockId));
    const rows = sinks.flatMap((planned) => outputs.get(planned.blockId) ?? []);
    const compressed = compressJson(JSON.stringify(rows));
    const described = describeResults({
      jobId: run.job_id,
      rowCount: rows.length,
      saveJson: run.save_json,
      formats: run.result_formats,
      blockNumber: sinks.at(-1)?.block.sequence_number ?? null,
      createdAt: nowIso(),
    });
    const metrics = {
      rows_in: outputs.get(plan[0]?.blockId ?? '')?.length ?? 0,
      rows_out: rows.length,
      warnings_count: run.warnings.length,
      warnings: run.warnings.slice(0, 100),
      simulated: plan.some((planned) => planned.block.block_name !== 'webhook'),
    };
    return { compressed, described, metrics };
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
    const { compressed, described, metrics } = summarize(run, plan, outputs);
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
    update: (index: number, patch: Partial<BlockLiveStatus>) => void,
  ): Promise<void> {
    const { compressed, described, metrics } = summarize(run, plan, outputs);
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
    const failures: string[] = [];
    for (const delivery of pending) {
      const blockId = delivery.planned.blockId;
      const spec = outgoingWebhookSpecSchema.safeParse(delivery.planned.block.specs);
      const outcome = spec.success
        ? await deliverOutgoingWebhook(
            spec.data.url,
            {
              runId: run.job_id,
              workflowId: run.workflow_id,
              blockId,
              rows: delivery.rows,
              resultsDownloadUrl,
            },
            options.outgoing,
            {
              stop: () => state.stop !== null,
              onAttempt: (attempt) => {
                update(delivery.index, { current_step: `Sending (attempt ${attempt})` });
                runs.saveBlocks(run.job_id, state.blocks);
              },
            },
          )
        : { eventId: '', attempts: 0, problem: 'outgoing_webhook needs a url (http or https).' };
      if (state.stop === 'cancelled') throw new RunStopped('cancelled');
      const block = state.blocks[delivery.index];
      const blockMetrics = {
        ...(block?.metrics ?? { row_count: 0, dataframe_type: 'LEAD' }),
        row_count: delivery.rows.length,
      };
      if (outcome.problem === undefined) {
        update(delivery.index, {
          status: 'completed',
          completed_at: nowIso(),
          progress_percentage: 100,
          current_step: null,
          metrics: blockMetrics,
        });
        continue;
      }
      log.warn({ jobId: run.job_id, blockId, problem: outcome.problem }, 'outgoing_webhook failed');
      update(delivery.index, {
        status: 'failed',
        completed_at: nowIso(),
        current_step: null,
        error_message: outcome.problem,
        metrics: blockMetrics,
      });
      failures.push(`outgoing_webhook block ${blockId}: ${outcome.problem}`);
    }
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
