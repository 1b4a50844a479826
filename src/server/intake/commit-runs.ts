import type Database from 'better-sqlite3';
import type { WorkflowRunStartedResponse } from '@core/wire/run.ts';
import type { IdempotencyStore } from '../store/idempotency-store.ts';
import type { RunStore } from '../store/run-store.ts';
import { idempotencyKeyReused } from './claim-idempotency-key.ts';
import type { IntakeResult } from './prepare-run.ts';

type Prepared = Exclude<IntakeResult, { kind: 'error' }>;
type Settled = { answer: WorkflowRunStartedResponse } | { error: Error };
type Pending = {
  prepared: Prepared;
  resolve: (answer: WorkflowRunStartedResponse) => void;
  reject: (error: Error) => void;
};

export type RunCommitter = {
  /** Writes a prepared run (or reads the one its Idempotency-Key points at) and answers. */
  commit: (prepared: Prepared) => Promise<WorkflowRunStartedResponse>;
  /** True while run requests keep coming: one was committed within the last BUSY_WINDOW_MS. */
  busy: () => boolean;
};

/** How long after a commit the run endpoint counts as busy. */
const BUSY_WINDOW_MS = 50;

/**
 * Group commit of new runs: every run prepared in one turn of the event loop is written in one
 * SQLite transaction, and each request is answered only after that transaction committed (in
 * the WAL), so a killed server restarts with every answered run queued. A commit costs about
 * as much as the inserts it carries; sharing it is what lets the run endpoint keep up with a
 * burst of requests.
 *
 * The Idempotency-Key is looked at again inside the transaction: two requests with one key can
 * both pass the intake's first look (made before either was written), and only one may start
 * a run. The second gets the first's run, or a 422 when its request differs.
 */
export function createRunCommitter(options: {
  db: Database.Database;
  runs: RunStore;
  idempotency: IdempotencyStore;
  /** Called after each transaction that queued at least one run, before anyone is answered. */
  onQueued: () => void;
  /**
   * Writes that ride along in each transaction, before the runs (the inbox's entries of answers
   * already sent): one commit for both instead of two. It must catch its own failures.
   */
  alongside?: () => void;
}): RunCommitter {
  const { db, runs, idempotency } = options;
  let queue: Pending[] = [];
  /** Runs the current transaction inserted. */
  let inserted = 0;

  const replay = (jobId: string): Settled => {
    const run = runs.get(jobId);
    if (!run) return { error: new Error(`The run ${jobId} of this Idempotency-Key is missing.`) };
    return {
      answer: {
        status: run.status,
        workflow_id: run.workflow_id,
        job_id: run.job_id,
        cache_config: null,
        already_started: true,
      },
    };
  };

  const settle = (prepared: Prepared): Settled => {
    if (prepared.kind === 'replay') return replay(prepared.jobId);
    const { run, idempotency: claim } = prepared;
    if (claim) {
      const previous = idempotency.find(claim.keyHash, claim.key);
      if (previous) {
        return previous.body_hash === claim.hash
          ? replay(previous.job_id)
          : { error: idempotencyKeyReused() };
      }
    }
    runs.insert(run);
    inserted++;
    if (claim) idempotency.save(claim.keyHash, claim.key, claim.hash, run.job_id);
    return {
      answer: {
        status: 'queued',
        workflow_id: run.workflow_id,
        job_id: run.job_id,
        cache_config: null,
      },
    };
  };

  // Built once: better-sqlite3's transaction() wraps the function anew on every call.
  const write = db.transaction((batch: Pending[]) => {
    options.alongside?.();
    return batch.map((pending) => settle(pending.prepared));
  });

  let lastFlushAt = Number.NEGATIVE_INFINITY;
  const flush = (): void => {
    lastFlushAt = performance.now();
    const batch = queue;
    queue = [];
    inserted = 0;
    let settled: Settled[];
    try {
      settled = write(batch);
    } catch (error) {
      // Nothing of the batch was written (a full disk, a read-only directory): each request
      // gets the store's error, which the error handler turns into a clear answer.
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const pending of batch) pending.reject(failure);
      return;
    }
    if (inserted > 0) options.onQueued();
    settled.forEach((outcome, index) => {
      const pending = batch[index];
      if (!pending) return;
      if ('answer' in outcome) pending.resolve(outcome.answer);
      else pending.reject(outcome.error);
    });
  };

  return {
    commit(prepared) {
      return new Promise((resolve, reject) => {
        if (queue.length === 0) setImmediate(flush);
        queue.push({ prepared, resolve, reject });
      });
    },
    busy: () => performance.now() - lastFlushAt < BUSY_WINDOW_MS,
  };
}
