import { z } from 'zod';
import { validationErrorSchema } from '@core/wire/errors.ts';
import { inboxJudgedSchema } from '@core/wire/inbox.ts';
import { resultFormatSchema } from '@core/wire/results.ts';
import type { IntakeRequest, IntakeResult } from './prepare-run.ts';

/*
 * The messages between the event loop and the run intake's worker thread. Both sides check
 * what they receive: a message is data from another realm, and a mismatch after an upgrade
 * should fail loudly, not write a half-formed run.
 */

const callerSchema = z.union([
  z.object({ kind: z.literal('api-key'), keyHash: z.string() }),
  z.object({ kind: z.literal('bearer-only') }),
]);

/** Event loop → thread: a workflow was written, so the thread drops the workflows it kept. */
export const WORKFLOWS_CHANGED = 'workflows-changed';

export const intakeJobSchema = z.object({
  id: z.number(),
  request: z.object({
    body: z.instanceof(Uint8Array).optional(),
    query: z.unknown(),
    caller: callerSchema.optional(),
    idempotencyKey: z.string().optional(),
  }),
});
export type IntakeJob = { id: number; request: IntakeRequest };

const newRunRowSchema = z.object({
  job_id: z.string(),
  workflow_id: z.string(),
  workflow_name: z.string(),
  save_json: z.boolean(),
  result_formats: z.array(resultFormatSchema),
  definitionJson: z.string(),
  payload: z.instanceof(Uint8Array),
  payloadForm: z.enum(['rows', 'body']),
  specsOverrideJson: z.string().nullable(),
  warningsJson: z.string(),
  blocksJson: z.string(),
});

const intakeResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('insert'),
    run: newRunRowSchema,
    idempotency: z.object({ keyHash: z.string(), key: z.string(), hash: z.string() }).nullable(),
    judged: inboxJudgedSchema.optional(),
    inboxBody: z.instanceof(Uint8Array).optional(),
  }),
  z.object({
    kind: z.literal('replay'),
    jobId: z.string(),
    inboxBody: z.instanceof(Uint8Array).optional(),
  }),
  z.object({
    kind: z.literal('error'),
    error: z.object({
      status: z.number(),
      // An HttpError's body: `{"detail": "…"}` or FastAPI's 422 list, with optional `errors`.
      body: z.object({
        detail: z.union([z.string(), z.array(validationErrorSchema)]),
        errors: z.array(z.unknown()).optional(),
      }),
      headers: z.record(z.string(), z.string()),
    }),
    judged: inboxJudgedSchema.optional(),
    inboxBody: z.instanceof(Uint8Array).optional(),
  }),
]);

export const workerMessageSchema = z.discriminatedUnion('type', [
  /** The worker opened its connection and takes jobs. */
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('result'), id: z.number(), result: intakeResultSchema }),
  /** An unexpected failure (a store that cannot be read); the event loop retries the job. */
  z.object({ type: z.literal('failure'), id: z.number(), message: z.string() }),
]);
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: IntakeResult }
  | { type: 'failure'; id: number; message: string };

export const workerDataSchema = z.object({
  dbFile: z.string(),
  maxRows: z.number(),
  maxBodyBytes: z.number(),
});
export type IntakeWorkerData = z.infer<typeof workerDataSchema>;
