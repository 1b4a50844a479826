import { z } from 'zod';
import { jsonObjectSchema } from '@core/wire/json-object.ts';
import type { RunStore } from '../store/run-store.ts';
import { createRunProgress, RunStopped, type ActiveRun } from './active-run.ts';
import type { Row } from './blocks/row.ts';
import { deliverAndFinish } from './deliver-and-finish.ts';
import type { ExecutorOptions } from './executor-options.ts';
import { failRun } from './fail-run.ts';
import { createResultWriter } from './result-writer.ts';
import { runBlocks } from './run-blocks.ts';
import { startRun } from './start-run.ts';
import { stopRun } from './stop-run.ts';
import { summarizeRun } from './summarize-run.ts';

const rowsSchema = z.array(jsonObjectSchema);

/** The run's payload rows, as the intake stored them. */
function readPayload(runs: RunStore, jobId: string): Row[] {
  const rows = runs.payloadRows(jobId);
  if (rows === undefined) throw new Error('The run’s payload is missing from the store.');
  return rowsSchema.parse(rows);
}

/**
 * Executes one queued run from start to end: starts it, runs its blocks over its payload,
 * then stores its results (delivering outgoing webhooks, if any) — or records why it stopped
 * or failed. Throws only when the store itself fails.
 */
export function createRunExecution(options: ExecutorOptions) {
  const { runs } = options;
  const writer = createResultWriter(options);
  const deliveryDeps = { ...options, writer };

  return async function executeRun(jobId: string, state: ActiveRun): Promise<void> {
    const started = startRun(runs, options.checkedWorkflows, jobId, state);
    if (!started) return;
    const { run, plan } = started;
    const progress = createRunProgress(
      state,
      (blocks) => {
        runs.saveBlocks(jobId, blocks);
      },
      options.rowMs,
    );
    let currentIndex = -1;
    try {
      const payload = readPayload(runs, jobId);
      const { outputs, pending } = await runBlocks(plan, payload, progress, options.rowMs, (at) => {
        currentIndex = at;
      });
      const summary = summarizeRun(run, plan, outputs);
      if (pending.length === 0) writer.complete(run, summary, state.blocks);
      else await deliverAndFinish(deliveryDeps, run, summary, state, pending, progress);
    } catch (error) {
      if (error instanceof RunStopped) {
        stopRun(runs, run, state, error.reason);
        return;
      }
      failRun(runs, jobId, state, progress, currentIndex, error);
    }
  };
}
