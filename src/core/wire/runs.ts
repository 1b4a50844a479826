import { z } from 'zod';
import { jsonObjectSchema } from './json-object.ts';
import { RUN_STATUSES } from './run-status.ts';

/**
 * `status` filter of the run list: a status, `active` for queued + running, or `canceled`, the
 * cancel response's spelling, read as `cancelled` (contract, "Revision of 2026-12-02").
 */
export const RUN_STATUS_FILTERS = [...RUN_STATUSES, 'active', 'canceled'] as const;

/** The cancel response's spelling of a cancelled run (Sixtyfour's OpenAPI: `canceled`). */
export const CANCEL_RESPONSE_CANCELED = 'canceled';

/** `GET /workflows/runs` query. */
export const listRunsQuerySchema = z.object({
  status: z
    .enum(RUN_STATUS_FILTERS, {
      error: `Input should be ${RUN_STATUS_FILTERS.map((s) => `'${s}'`).join(', ')}`,
    })
    .transform((status) => (status === 'canceled' ? 'cancelled' : status))
    .optional(),
  workflow_id: z.string().optional(),
  limit: z.coerce
    .number({ error: 'Input should be a valid integer' })
    .int({ error: 'Input should be a valid integer' })
    .min(1, { error: 'Input should be greater than or equal to 1' })
    .max(500, { error: 'Input should be less than or equal to 500' })
    .default(100),
});
export type ListRunsQuery = z.infer<typeof listRunsQuerySchema>;

/** OpenAPI `WorkflowRunResponse`. */
export const workflowRunResponseSchema = z.object({
  job_id: z.string(),
  workflow_id: z.string(),
  workflow_name: z.string().default('Untitled Workflow'),
  status: z.string(),
  step: z.string().nullish(),
  user_id: z.string().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  queued_at: z.string().nullish(),
  started_at: z.string().nullish(),
  completed_at: z.string().nullish(),
  duration_ms: z.number().int().nullish(),
  status_reason: z.string().nullish(),
  error_message: z.string().nullish(),
  metrics: jsonObjectSchema.nullish(),
  blocks: z.unknown().optional(),
  blocks_count: z.number().int().default(0),
});
export type WorkflowRunResponse = z.infer<typeof workflowRunResponseSchema>;

export const workflowRunListResponseSchema = z.array(workflowRunResponseSchema);

/** `POST /workflows/cancel` query; the job id may also come in the body. */
export const cancelQuerySchema = z.object({ job_id: z.string().optional() });
export const cancelBodySchema = z.object({ job_id: z.string().optional() }).nullish();

/** OpenAPI `WorkflowCancelResponse`. */
export const workflowCancelResponseSchema = z.object({ job_id: z.string(), status: z.string() });
export type WorkflowCancelResponse = z.infer<typeof workflowCancelResponseSchema>;
