import type { FastifyBaseLogger } from 'fastify';
import { outgoingWebhookSpecSchema } from '@core/workflow/block-catalogue.ts';
import type { StoredRun } from '../store/run-store.ts';
import { nowIso } from '../store/timestamps.ts';
import {
  RunStopped,
  type ActiveRun,
  type PendingDelivery,
  type RunProgress,
} from './active-run.ts';
import { deliverOutgoingWebhook, type OutgoingWebhookOptions } from './blocks/outgoing-webhook.ts';
import { blockMetrics } from './block-metrics.ts';

/**
 * Sends each pending outgoing_webhook block's rows, in order, and settles its block state.
 * Returns one line per block whose delivery failed every try (empty when all arrived). A
 * cancel during a delivery stops the run (RunStopped) once that delivery returns.
 */
export async function deliverPending(
  run: StoredRun,
  pending: readonly PendingDelivery[],
  state: ActiveRun,
  progress: RunProgress,
  resultsDownloadUrl: string | null,
  outgoing: OutgoingWebhookOptions,
  log: FastifyBaseLogger,
): Promise<string[]> {
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
          outgoing,
          {
            stop: () => state.stop !== null,
            onAttempt: (attempt) => {
              progress.update(delivery.index, { current_step: `Sending (attempt ${attempt})` });
              progress.persistNow();
            },
          },
        )
      : { eventId: '', attempts: 0, problem: 'outgoing_webhook needs a url (http or https).' };
    if (state.stop === 'cancelled') throw new RunStopped('cancelled');
    const metrics = blockMetrics(state.blocks[delivery.index]?.metrics, delivery.rows.length);
    if (outcome.problem === undefined) {
      progress.update(delivery.index, {
        status: 'completed',
        completed_at: nowIso(),
        progress_percentage: 100,
        current_step: null,
        metrics,
      });
      continue;
    }
    log.warn({ jobId: run.job_id, blockId, problem: outcome.problem }, 'outgoing_webhook failed');
    progress.update(delivery.index, {
      status: 'failed',
      completed_at: nowIso(),
      current_step: null,
      error_message: outcome.problem,
      metrics,
    });
    failures.push(`outgoing_webhook block ${blockId}: ${outcome.problem}`);
  }
  return failures;
}
