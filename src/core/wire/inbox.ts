import { z } from 'zod';
import { FINDING_KINDS } from '../judge/judgement.ts';
import { WORKFLOW_NAME_MAX_LENGTH } from '../limits.ts';

/**
 * Inlet-only inbox (issue 15, "The inbox"): every `POST /workflows/run` the sandbox answered,
 * accepted or refused, with why, and every one sent to Sixtyfour through Inlet's proxy (issue 15,
 * "Changes checked against evidence"), marked by target. `GET /inlet/inbox` lists them (newest
 * first, no bodies) and `GET /inlet/inbox/{id}` shows one. Not part of Sixtyfour's API.
 */

/** Path of the read routes (authenticated like `/workflows`). */
export const INBOX_PATH = '/inlet/inbox';
/** Bytes of a request body kept; the rest is cut (its size and sha256 are of the whole). */
export const INBOX_BODY_KEPT_BYTES = 1024 * 1024;
/** Bytes of the answer kept (an answer lists at most 100 errors, so this rarely cuts). */
export const INBOX_ANSWER_KEPT_BYTES = 64 * 1024;
/** Judge findings kept per entry. */
export const INBOX_MAX_FINDINGS = 200;
/** Defaults of INLET_INBOX_MAX_AGE_HOURS and INLET_INBOX_MAX_ENTRIES. */
export const INBOX_MAX_AGE_HOURS = 168;
export const INBOX_MAX_ENTRIES = 5_000;
export const INBOX_LIST_MAX_LIMIT = 500;
export const INBOX_QUERY_MAX_LENGTH = 200;

/**
 * Why a request was refused, in Sixtyfour's terms. From the judge's findings when the judge
 * refused it (one cause per kind of error), else from the answer given (status and detail).
 * A wrong type is a warning, not a refusal (the judge accepts the run): it is the one cause an
 * accepted request can carry.
 */
export const inboxCauseSchema = z.enum([
  'missing_required_column',
  'wrong_type',
  'not_array_of_objects',
  'empty_payload',
  'too_large',
  'too_many_rows',
  'too_deep',
  'malformed_json',
  'auth',
  'unknown_workflow',
  'invalid_request',
  'rate_limited',
  'queue_full',
  'unavailable',
  'other',
]);
export type InboxCause = z.infer<typeof inboxCauseSchema>;

/**
 * Where a recorded run request was sent: the sandbox (`POST /workflows/run`), or Sixtyfour
 * through Inlet's proxy (`POST /inlet/sixtyfour/workflows/run`), the live target. Entries
 * recorded before targets were kept are the sandbox's.
 */
export const inboxTargetSchema = z.enum(['sandbox', 'live']);
export type InboxTarget = z.infer<typeof inboxTargetSchema>;

/** Accepted: a 2xx (a run started, or an Idempotency-Key replay); refused: anything else. */
export const inboxOutcomeSchema = z.enum(['accepted', 'refused']);
export type InboxOutcome = z.infer<typeof inboxOutcomeSchema>;

/** A judge finding as recorded (src/core/judge/judgement.ts `Finding`, without positions). */
export const inboxFindingSchema = z.object({
  kind: z.enum(FINDING_KINDS),
  severity: z.enum(['error', 'warning', 'info']),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  /** RFC 6901 pointer into what was judged (`source`). */
  pointer: z.string(),
  message: z.string(),
});
export type InboxFinding = z.infer<typeof inboxFindingSchema>;

/**
 * What the judge said about a request: the body's `webhook_payload`, or (a run without one)
 * the workflow's `webhook_input`.
 */
export const inboxJudgedSchema = z.object({
  source: z.enum(['webhook_payload', 'webhook_input']),
  findings: z.array(inboxFindingSchema),
});
export type InboxJudged = z.infer<typeof inboxJudgedSchema>;

export const inboxListQuerySchema = z.object({
  /** The sandbox's requests unless told: the list was the sandbox's before live ones were kept. */
  target: inboxTargetSchema.default('sandbox'),
  workflow_id: z.string().min(1).max(200).optional(),
  outcome: inboxOutcomeSchema.optional(),
  cause: inboxCauseSchema.optional(),
  /** Bytes searched for in the kept bodies (case-sensitive). */
  q: z.string().min(1).max(INBOX_QUERY_MAX_LENGTH).optional(),
  limit: z.coerce.number().int().min(1).max(INBOX_LIST_MAX_LIMIT).default(100),
  /** Only entries older than this id (the previous page's `next_before`). */
  before: z.coerce.number().int().min(1).optional(),
});
export type InboxListQuery = z.infer<typeof inboxListQuerySchema>;

export const inboxIdParamsSchema = z.object({ id: z.coerce.number().int().min(1) });

/** One entry in a list: everything but headers, body, findings and the answer's text. */
export const inboxEntrySummarySchema = z.object({
  id: z.number().int(),
  target: inboxTargetSchema,
  received_at: z.string(),
  /** The request's path and query, API keys masked. */
  url: z.string(),
  /** The `workflow_id` query parameter as sent (it may name no workflow); null without one. */
  workflow_id: z.string().nullable(),
  /** The name of the workflow `workflow_id` names now; null when it names none (any more). */
  workflow_name: z.string().max(WORKFLOW_NAME_MAX_LENGTH).nullable(),
  status_code: z.number().int(),
  outcome: inboxOutcomeSchema,
  /** Why it was refused; for an accepted request, the causes of its warnings (wrong_type). */
  causes: z.array(inboxCauseSchema),
  /** The run an accepted request started (or replayed). */
  job_id: z.string().nullable(),
  content_type: z.string().nullable(),
  /** False when the request was answered before its body was read (auth, rate limit, too large). */
  body_read: z.boolean(),
  /** Bytes received; for an unread body, its Content-Length (null without one). */
  body_size: z.number().int().nullable(),
  /** Whether only the first INBOX_BODY_KEPT_BYTES were kept. */
  body_truncated: z.boolean(),
  error_count: z.number().int(),
  warning_count: z.number().int(),
});
export type InboxEntrySummary = z.infer<typeof inboxEntrySummarySchema>;

export const inboxListResponseSchema = z.object({
  entries: z.array(inboxEntrySummarySchema),
  /** Pass as `before` for the next (older) page; null when this page is the last. */
  next_before: z.number().int().nullable(),
});
export type InboxListResponse = z.infer<typeof inboxListResponseSchema>;

export const inboxHeaderSchema = z.object({ name: z.string(), value: z.string() });

/** Where a finding is in the entry's `body` text (UTF-16 code units; 1-based line/column). */
export const inboxPositionSchema = z.object({
  offset: z.number().int(),
  length: z.number().int(),
  line: z.number().int(),
  column: z.number().int(),
});

export const inboxLocatedFindingSchema = inboxFindingSchema.extend({
  /** Null when the finding is not in the body (webhook_input, a cut body, the whole payload). */
  position: inboxPositionSchema.nullable(),
});
export type InboxLocatedFinding = z.infer<typeof inboxLocatedFindingSchema>;

export const inboxEntrySchema = inboxEntrySummarySchema.extend({
  /** As received, in order, names lower-cased; x-api-key, cookie, authorization masked. */
  headers: z.array(inboxHeaderSchema),
  /** The kept bytes as UTF-8; null when the body was not read. API keys in it are masked. */
  body: z.string().nullable(),
  /** The sha256 (hex) of all the bytes received, as sent (before masking); null when not read. */
  body_sha256: z.string().nullable(),
  findings_source: z.enum(['webhook_payload', 'webhook_input']).nullable(),
  findings: z.array(inboxLocatedFindingSchema),
  /** The answer's body as sent (first INBOX_ANSWER_KEPT_BYTES). */
  answer: z.string(),
  answer_truncated: z.boolean(),
});
export type InboxEntry = z.infer<typeof inboxEntrySchema>;
