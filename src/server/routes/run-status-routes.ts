import type { FastifyInstance } from 'fastify';
import { isTerminalStatus } from '@core/wire/run-status.ts';
import { runIdParamsSchema, type WorkflowLiveStatusResponse } from '@core/wire/live-status.ts';
import { canonicalWorkflowId } from '@core/wire/workflow-id.ts';
import { UNREADABLE_ROWS_HEADER } from '@core/wire/workflow.ts';
import {
  CANCEL_RESPONSE_CANCELED,
  cancelBodySchema,
  cancelQuerySchema,
  listRunsQuerySchema,
  type WorkflowCancelResponse,
  type WorkflowRunResponse,
} from '@core/wire/runs.ts';
import { clip, detailError, parseOr422, validationError } from '../http/http-error.ts';
import { buildLiveStatus } from '../runs/block-states.ts';
import { crashPoint } from '../runs/crash-point.ts';
import type { Executor } from '../runs/executor.ts';
import type { RunStore, RunSummary } from '../store/run-store.ts';

const durationMs = (run: RunSummary): number | null =>
  run.started_at && run.completed_at
    ? Date.parse(run.completed_at) - Date.parse(run.started_at)
    : null;

/** OpenAPI `WorkflowRunResponse` for the run list. */
export const toRunResponse = (run: RunSummary): WorkflowRunResponse => ({
  job_id: run.job_id,
  workflow_id: run.workflow_id,
  workflow_name: run.workflow_name,
  status: run.status,
  step: null,
  user_id: null,
  created_at: run.created_at,
  updated_at: run.updated_at,
  queued_at: run.created_at,
  started_at: run.started_at,
  completed_at: run.completed_at,
  duration_ms: durationMs(run),
  status_reason: run.status_reason,
  error_message: run.error_message,
  metrics: run.metrics ?? {
    warnings_count: run.warnings.length,
    warnings: run.warnings.slice(0, 100),
  },
  blocks: null,
  blocks_count: run.blocks.length,
});

/**
 * The cancel response spells a cancelled run `canceled`, as Sixtyfour's OpenAPI does; live
 * status and run lists keep `cancelled` (contract, "Revision of 2026-12-02").
 */
const cancelAnswer = (jobId: string, status: string): WorkflowCancelResponse => ({
  job_id: jobId,
  status: status === 'cancelled' ? CANCEL_RESPONSE_CANCELED : status,
});

const runNotFound = (id: string) => detailError(404, `Run ${clip(id)} not found`);

/** Live status, run list and cancel (contract, "Endpoints" and "Runs"). */
export function registerRunStatusRoutes(
  app: FastifyInstance,
  runs: RunStore,
  executor: Executor,
  /** Whether a workflow of this (canonical) id is stored: the run list checks its filter. */
  workflowExists: (id: string) => boolean,
): void {
  app.get('/workflows/runs/:run_id/live_status', (request): WorkflowLiveStatusResponse => {
    const { run_id } = parseOr422(runIdParamsSchema, request.params, ['path']);
    const run = runs.live(run_id.toLowerCase());
    if (!run) throw runNotFound(run_id);
    return buildLiveStatus(run, executor.liveBlocks(run.job_id));
  });

  app.get('/workflows/runs', (request, reply): WorkflowRunResponse[] => {
    const query = parseOr422(listRunsQuerySchema, request.query, ['query']);
    const workflowId =
      query.workflow_id === undefined ? undefined : canonicalWorkflowId(query.workflow_id);
    // The workflow is checked, as Sixtyfour's docs say (contract, "Revision of 2026-12-02").
    if (workflowId !== undefined && !workflowExists(workflowId)) {
      throw detailError(404, `Workflow ${clip(query.workflow_id ?? '')} not found`);
    }
    const page = runs.list({
      limit: query.limit,
      ...(query.status ? { status: query.status } : {}),
      ...(workflowId === undefined ? {} : { workflowId }),
    });
    if (page.unreadable.length > 0) {
      request.log.warn(
        { unreadable: page.unreadable.slice(0, 20) },
        `GET /workflows/runs left out ${page.unreadable.length} run rows that could not be read`,
      );
      void reply.header(UNREADABLE_ROWS_HEADER, String(page.unreadable.length));
    }
    return page.runs.map(toRunResponse);
  });

  app.post('/workflows/cancel', (request): WorkflowCancelResponse => {
    const query = parseOr422(cancelQuerySchema, request.query, ['query']);
    const body = parseOr422(cancelBodySchema, request.body, ['body']);
    const jobId = query.job_id ?? body?.job_id;
    if (jobId === undefined || jobId === '') {
      throw validationError([{ loc: ['query', 'job_id'], msg: 'Field required', type: 'missing' }]);
    }
    const run = runs.get(jobId.toLowerCase());
    if (!run) throw runNotFound(jobId);
    // Finished: answered from a read, so it works even while the data directory is read-only.
    if (isTerminalStatus(run.status)) return cancelAnswer(run.job_id, run.status);
    if (runs.cancel(run.job_id)) {
      crashPoint('cancel-committed');
      executor.stopCancelled(run.job_id);
      return cancelAnswer(run.job_id, 'cancelled');
    }
    // Already finished (or a completion won the race): idempotent, status unchanged.
    return cancelAnswer(run.job_id, runs.get(run.job_id)?.status ?? run.status);
  });
}
