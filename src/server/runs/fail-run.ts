import type { FastifyBaseLogger } from 'fastify';
import { errorMessage } from '@core/error-message.ts';
import type { RunStore } from '../store/run-store.ts';
import { nowIso } from '../store/timestamps.ts';
import type { ActiveRun, RunProgress } from './active-run.ts';

/**
 * A running run whose blocks threw: the block running then (`blockIndex`, -1 before the
 * first) and the run fail with the error's message.
 */
export function failRun(
  runs: RunStore,
  jobId: string,
  state: ActiveRun,
  progress: RunProgress,
  blockIndex: number,
  error: unknown,
): void {
  const message = errorMessage(error);
  if (blockIndex >= 0)
    progress.update(blockIndex, {
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

/** Records a run's unexpected failure; never throws, even when the store cannot be written. */
export function recordFailure(
  runs: RunStore,
  log: FastifyBaseLogger,
  jobId: string,
  error: unknown,
): void {
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
