import type { BlockLiveStatus } from '@core/wire/live-status.ts';
import { errorMessage } from '@core/error-message.ts';
import type { StoredResult } from '../store/result-store.ts';
import type { StoredRun } from '../store/run-store.ts';
import { nowIso } from '../store/timestamps.ts';
import { crashPoint } from './crash-point.ts';
import type { ExecutorOptions } from './executor-options.ts';
import type { RunResults } from './summarize-run.ts';

export type ResultWriter = ReturnType<typeof createResultWriter>;

/**
 * Writes a finished run's results. A failed write throws an error that says where and what to
 * do (the run then fails with it).
 */
export function createResultWriter(
  options: Pick<ExecutorOptions, 'db' | 'runs' | 'results' | 'workflows' | 'dataDir'>,
) {
  const { runs, results, workflows } = options;

  // Built once: better-sqlite3's transaction() wraps the function anew on every call.
  const storeResults = options.db.transaction(
    (jobId: string, compressed: Uint8Array, described: StoredResult[]) => {
      results.insertRows(jobId, compressed);
      for (const result of described) results.insert(result);
    },
  );

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

  const storageProblem = (error: unknown): Error => {
    const reason = errorMessage(error);
    return new Error(
      `Could not store the results in ${options.dataDir}: ${reason}. Free disk space or make INLET_DATA_DIR writable, then start the run again.`,
    );
  };

  return {
    /**
     * Stores the result rows and marks the run completed in one transaction: a run is never
     * completed without its results, nor has results without being completed, whatever moment
     * the process dies at. The downloads are rendered from the rows when fetched.
     */
    complete(run: StoredRun, summary: RunResults, blocks: BlockLiveStatus[]): void {
      const { compressed, described, metrics } = summary;
      try {
        storeCompletion(run, { metrics, blocks, compressed, described });
      } catch (error) {
        throw storageProblem(error);
      }
      crashPoint('results-written');
    },
    /** Stores the result rows of a run that stays running (it still delivers webhooks). */
    storeBeforeDelivery(run: StoredRun, summary: RunResults): void {
      try {
        storeResults(run.job_id, summary.compressed, summary.described);
      } catch (error) {
        throw storageProblem(error);
      }
    },
  };
}
