import { z } from 'zod';

/** OpenAPI `BlockMetrics`. */
export const blockMetricsSchema = z.object({
  row_count: z.number().int().default(0),
  dataframe_type: z.string().default('LEAD'),
  processed_count: z.number().int().nullish(),
  total_count: z.number().int().nullish(),
});
export type BlockMetrics = z.infer<typeof blockMetricsSchema>;

/** OpenAPI `BlockLiveStatus`. */
export const blockLiveStatusSchema = z.object({
  block_id: z.string().nullish(),
  block_name: z.string(),
  sequence_number: z.number().int(),
  previous_block_ids: z.array(z.string()).nullish(),
  status: z.string(),
  started_at: z.string().nullish(),
  completed_at: z.string().nullish(),
  progress_percentage: z.number().default(0),
  current_step: z.string().nullish(),
  processed_count: z.number().int().default(0),
  total_count: z.number().int().default(0),
  estimated_total_count: z.number().int().nullish(),
  last_updated: z.string(),
  error_message: z.string().nullish(),
  metrics: blockMetricsSchema,
});
export type BlockLiveStatus = z.infer<typeof blockLiveStatusSchema>;

/** OpenAPI `WorkflowLiveStatusResponse`. */
export const workflowLiveStatusResponseSchema = z.object({
  run_id: z.string(),
  workflow_id: z.string(),
  overall_status: z.string(),
  current_block: z.string().nullish(),
  current_block_sequence: z.number().int().nullish(),
  total_blocks: z.number().int().default(0),
  completed_blocks: z.number().int().default(0),
  started_at: z.string().nullish(),
  completed_at: z.string().nullish(),
  last_updated: z.string(),
  blocks: z.array(blockLiveStatusSchema).default([]),
  overall_progress_percentage: z.number().default(0),
  estimation_blocked_by: z.string().nullish(),
});
export type WorkflowLiveStatusResponse = z.infer<typeof workflowLiveStatusResponseSchema>;

/** `/workflows/runs/{run_id}/…` path parameter: a UUID, as FastAPI checks it. */
export const runIdParamsSchema = z.object({
  run_id: z.uuid({ error: 'Input should be a valid UUID' }),
});
