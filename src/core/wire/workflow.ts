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
