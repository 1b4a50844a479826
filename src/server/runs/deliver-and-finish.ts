import type { FastifyBaseLogger } from 'fastify';
import type { RunStore, StoredRun } from '../store/run-store.ts';
import { nowIso } from '../store/timestamps.ts';
import type { WorkflowStore } from '../store/workflow-store.ts';
import type { ActiveRun, PendingDelivery, RunProgress } from './active-run.ts';
import type { OutgoingWebhookOptions } from './blocks/outgoing-webhook.ts';
import { deliverPending } from './deliver-pending.ts';
import type { ResultWriter } from './result-writer.ts';
import type { RunResults } from './summarize-run.ts';

export type DeliveryDeps = {
  runs: RunStore;
  workflows: WorkflowStore;
  writer: ResultWriter;
  outgoing: OutgoingWebhookOptions;
  log: FastifyBaseLogger;
};

/**
 * A run with outgoing_webhook blocks: its results are stored first (the run still running),
 * so the link each delivery carries works when the receiver follows it; then each block
 * delivers; then the run finishes. [decision] A delivery that fails every try fails its block
 * and the run (`failed`, the block and the receiver's last answer in `status_reason`), and the
 * stored results stay downloadable.
 */
export async function deliverAndFinish(
  deps: DeliveryDeps,
  run: StoredRun,
  summary: RunResults,
  state: ActiveRun,
  pending: PendingDelivery[],
  progress: RunProgress,
): Promise<void> {
  const { runs, outgoing } = deps;
  const { described, metrics } = summary;
  deps.writer.storeBeforeDelivery(run, summary);
  const file = described[0];
  const resultsDownloadUrl =
    file && outgoing.resultsUrl ? outgoing.resultsUrl(run.job_id, file.filename) : null;
  const failures = await deliverPending(
    run,
    pending,
    state,
    progress,
    resultsDownloadUrl,
    outgoing,
    deps.log,
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
  if (finished) deps.workflows.touchRun(run.workflow_id, nowIso());
}
