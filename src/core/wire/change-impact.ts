import { z } from 'zod';
import { INBOX_PATH, inboxTargetSchema } from './inbox.ts';

/**
 * Inlet-only (issue 15, "Changes checked against evidence"): `POST /inlet/inbox/impact`
 * judges a workflow's recorded run requests, and the draft's samples, against the spec before
 * and after a change, with the judge the sandbox runs, and says which change verdict.
 */
export const CHANGE_IMPACT_PATH = `${INBOX_PATH}/impact`;
export const CHANGE_IMPACT_MAX_REQUESTS = 500;
export const CHANGE_IMPACT_MAX_SAMPLES = 3;
/**
 * Bytes of recorded bodies judged per answer: the judging runs on the server's event loop,
 * so one answer is bounded (about a second of judging); the rest count as skipped.
 */
export const CHANGE_IMPACT_MAX_BYTES = 16 * 1024 * 1024;

const webhookSpecSchema = z.record(z.string(), z.unknown());

export const changeImpactRequestSchema = z.object({
  workflow_id: z.string().min(1).max(200),
  /** Whose recorded requests are judged: the sandbox's, or those sent to Sixtyfour (live). */
  target: inboxTargetSchema.default('sandbox'),
  /** The webhook block's specs as stored, and as they would be after the change. */
  before: webhookSpecSchema,
  after: webhookSpecSchema,
  /** The newest recorded requests of the workflow judged (default 200). */
  limit: z.number().int().min(1).max(CHANGE_IMPACT_MAX_REQUESTS).default(200),
  /** Sample payloads (JSON texts of rows), e.g. the draft's, judged as well. */
  samples: z
    .array(z.object({ label: z.string().min(1).max(200), text: z.string() }))
    .max(CHANGE_IMPACT_MAX_SAMPLES)
    .default([]),
});
export type ChangeImpactRequest = z.input<typeof changeImpactRequestSchema>;

export const impactVerdictSchema = z.object({
  verdict: z.enum(['accepted', 'rejected']),
  errors: z.number().int(),
  warnings: z.number().int(),
});

/** How one request's judgement moves from the old spec to the new. */
export const impactChangeSchema = z.enum([
  'newly_refused',
  'newly_accepted',
  'new_warnings',
  'fewer_warnings',
  'unchanged',
]);
export type ImpactChange = z.infer<typeof impactChangeSchema>;

export const impactItemSchema = z.object({
  /** The inbox entry's id; null for a sample. */
  id: z.number().int().nullable(),
  label: z.string(),
  received_at: z.string().nullable(),
  before: impactVerdictSchema,
  after: impactVerdictSchema,
  change: impactChangeSchema,
  /** The first finding the new spec adds (an error for newly_refused), in the judge's words. */
  message: z.string().nullable(),
});
export type ImpactItem = z.infer<typeof impactItemSchema>;

export const changeImpactResponseSchema = z.object({
  items: z.array(impactItemSchema),
  counts: z.record(impactChangeSchema, z.number().int()),
  /**
   * Recorded requests not judged: no body kept whole, no webhook_payload in it, or past
   * CHANGE_IMPACT_MAX_BYTES of bodies judged.
   */
  skipped: z.number().int(),
});
export type ChangeImpactResponse = z.infer<typeof changeImpactResponseSchema>;
