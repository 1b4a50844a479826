import { z } from 'zod';
import { WORKFLOW_DESCRIPTION_MAX_LENGTH, WORKFLOW_NAME_MAX_LENGTH } from '../limits.ts';
import { jsonObjectSchema } from './json-object.ts';
import { workflowIdSchema } from './workflow-id.ts';

/** OpenAPI `Block`: one step of a workflow. `specs` keeps every key as sent. */
export const blockSchema = z.object({
  block_id: z.string().nullish(),
  sequence_number: z.number().int(),
  block_type: z.string(),
  block_name: z.string(),
  specs: jsonObjectSchema,
});
export type Block = z.infer<typeof blockSchema>;

/** OpenAPI `WorkflowEdge`. */
export const workflowEdgeSchema = z.object({
  from_block_id: z.string(),
  to_block_id: z.string(),
  condition: z.string().nullish(),
});
export type WorkflowEdge = z.infer<typeof workflowEdgeSchema>;

/** OpenAPI `WorkflowGraph`. */
export const workflowGraphSchema = z.object({
  blocks: z.array(blockSchema),
  edges: z.array(workflowEdgeSchema),
});
export type WorkflowGraph = z.infer<typeof workflowGraphSchema>;

const workflowNameSchema = z.string().max(WORKFLOW_NAME_MAX_LENGTH, {
  error: `workflow_name may have at most ${WORKFLOW_NAME_MAX_LENGTH} characters; shorten it.`,
});
const workflowDescriptionSchema = z.string().max(WORKFLOW_DESCRIPTION_MAX_LENGTH, {
  error: `workflow_description may have at most ${WORKFLOW_DESCRIPTION_MAX_LENGTH} characters; shorten it.`,
});

/** OpenAPI `CreateWorkflowRequest`, with Inlet's length limits (src/core/limits.ts). */
export const createWorkflowRequestSchema = z.object({
  workflow_name: workflowNameSchema,
  workflow_description: workflowDescriptionSchema,
  workflow_definition: workflowGraphSchema,
  id: workflowIdSchema.nullish(),
});
export type CreateWorkflowRequest = z.infer<typeof createWorkflowRequestSchema>;

/** OpenAPI `UpdateWorkflowRequest` (an upsert in the sandbox). */
export const updateWorkflowRequestSchema = z.object({
  workflow_name: workflowNameSchema.nullish(),
  workflow_description: workflowDescriptionSchema.nullish(),
  workflow_definition: workflowGraphSchema.nullish(),
});
export type UpdateWorkflowRequest = z.infer<typeof updateWorkflowRequestSchema>;

/** `?workflow_id=` of update and delete. */
export const workflowIdQuerySchema = z.object({ workflow_id: workflowIdSchema });

/** OpenAPI `WorkflowResponse`; `workflow_definition` only on detail responses. */
export const workflowResponseSchema = z.object({
  id: z.string(),
  user_uuid: z.string().nullish(),
  org_id: z.string().nullish(),
  name: z.string(),
  description: z.string().nullish(),
  status: z.string(),
  step: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  last_run_date: z.string().nullish(),
  workflow_definition: workflowGraphSchema.nullish(),
});
export type WorkflowResponse = z.infer<typeof workflowResponseSchema>;

export const workflowListResponseSchema = z.array(workflowResponseSchema);

const integerQuery = (min: number, max: number) =>
  z.coerce
    .number({ error: 'Input should be a valid integer' })
    .int({ error: 'Input should be a valid integer' })
    .min(min, { error: `Input should be greater than or equal to ${min}` })
    .max(max, { error: `Input should be less than or equal to ${max}` });

/**
 * Inlet's paging of `GET /workflows`, which Sixtyfour's OpenAPI gives no parameters: a client
 * that sends none of these gets every workflow, as Sixtyfour answers. The answer is the same
 * array either way; `X-Total-Count` carries the number of matches.
 */
export const listWorkflowsQuerySchema = z.object({
  limit: integerQuery(1, 500).optional(),
  offset: integerQuery(0, 1_000_000_000).optional(),
  /** Matches name, id or description, ignoring ASCII case. */
  q: z.string().max(200, { error: 'Search text should have at most 200 characters' }).optional(),
});
export type ListWorkflowsQuery = z.infer<typeof listWorkflowsQuerySchema>;

/** Headers of a list answer: matches in all pages, and rows the server could not read. */
export const TOTAL_COUNT_HEADER = 'x-total-count';
export const UNREADABLE_ROWS_HEADER = 'x-inlet-unreadable-rows';

/** OpenAPI `BlockInfoResponse`; the sandbox adds what it does with the block. */
export const blockInfoResponseSchema = z.object({
  block_name: z.string(),
  specs_schema: z.record(z.string(), z.unknown()),
  block_type: z.string().optional(),
  description: z.string().optional(),
  input_row_type: z.enum(['LEAD', 'COMPANY', 'ANY']).optional(),
  sandbox: z.enum(['real', 'simulated', 'not_executable']).optional(),
});
export type BlockInfoResponse = z.infer<typeof blockInfoResponseSchema>;

export const blockInfoListResponseSchema = z.array(blockInfoResponseSchema);
