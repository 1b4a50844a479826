import { z } from 'zod';
import { jsonObjectSchema } from './json-object.ts';
import { webhookPayloadSchema } from './run.ts';

/**
 * Inlet-only `GET /inlet/sandbox/runs/{run_id}/request`: what a sandbox run was started with,
 * so the UI can re-run it. Sixtyfour's API never returns a run's payload, so this is not part
 * of its contract and lives outside `/workflows`.
 *
 * `webhook_payload` is the rows the run processed, as stored: an array even when the request
 * sent one object, and the block's `webhook_input` rows when it sent no payload (so a re-run
 * processes the same rows even if the workflow's `webhook_input` changed since).
 * `specs_override` is the override as sent; null without one, and for runs stored before
 * the sandbox kept it.
 */
export const sandboxRunRequestResponseSchema = z.object({
  webhook_payload: webhookPayloadSchema,
  specs_override: jsonObjectSchema.nullable(),
  save_json: z.boolean(),
});
export type SandboxRunRequestResponse = z.infer<typeof sandboxRunRequestResponseSchema>;
