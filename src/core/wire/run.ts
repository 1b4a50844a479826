import { z } from 'zod';
import { jsonObjectSchema } from './json-object.ts';
import { resultFormatsQuerySchema } from './results.ts';

/** Query booleans as FastAPI (pydantic) reads them. */
export const queryBooleanSchema = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', 'True', 'False'], {
    error: 'Input should be a valid boolean, unable to interpret input',
  })
  .transform((value) => ['true', '1', 'yes', 'on', 'True'].includes(value));

/** `POST /workflows/run` query. */
export const runWorkflowQuerySchema = z.object({
  workflow_id: z.string(),
  save_json: queryBooleanSchema.default(false),
  /** The result files to save (contract, "Revision of 2026-12-02"); CSV when left out. */
  result_formats: resultFormatsQuerySchema.optional(),
});
export type RunWorkflowQuery = z.infer<typeof runWorkflowQuerySchema>;

/** `webhook_payload` as the OpenAPI types it: rows as objects, or one object. */
export const webhookPayloadSchema = z.union([z.array(jsonObjectSchema), jsonObjectSchema]);
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

/** OpenAPI `Body_run_workflow_workflows_run_post`, for clients. */
export const runWorkflowBodySchema = z.object({
  webhook_payload: webhookPayloadSchema.nullish(),
  specs_override: jsonObjectSchema.nullish(),
});
export type RunWorkflowBody = z.infer<typeof runWorkflowBodySchema>;

/**
 * The run body as the sandbox reads it. `webhook_payload` is any JSON here because the
 * shared payload judge rules on its shape (a scalar row is a 400 that names the row, as the
 * contract's "How a payload is judged" says), not the body schema.
 */
export const runWorkflowBodyInputSchema = z.object({
  webhook_payload: z.unknown().optional(),
  specs_override: jsonObjectSchema.nullish(),
});
export type RunWorkflowBodyInput = z.infer<typeof runWorkflowBodyInputSchema>;

/** OpenAPI `WorkflowRunStartedResponse`. */
export const workflowRunStartedResponseSchema = z.object({
  status: z.string(),
  workflow_id: z.string(),
  job_id: z.string(),
  cache_config: jsonObjectSchema.nullish(),
  already_started: z.boolean().nullish(),
});
export type WorkflowRunStartedResponse = z.infer<typeof workflowRunStartedResponseSchema>;
