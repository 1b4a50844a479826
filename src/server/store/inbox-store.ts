import type Database from 'better-sqlite3';
import { readInboxBody, type InboxBodyEncoding } from '../inbox/inbox-body.ts';
import { z } from 'zod';
import { WORKFLOW_NAME_MAX_LENGTH } from '@core/limits.ts';
import {
  inboxCauseSchema,
  inboxEntrySummarySchema,
  inboxFindingSchema,
  inboxHeaderSchema,
  inboxOutcomeSchema,
  inboxTargetSchema,
  type InboxCause,
  type InboxEntrySummary,
  type InboxFinding,
  type InboxJudged,
  type InboxListQuery,
  type InboxOutcome,
  type InboxTarget,
} from '@core/wire/inbox.ts';

/** One recorded request, as the recorder hands it over: keys already masked, body already cut. */
export type NewInboxEntry = {
  target: InboxTarget;
  receivedMs: number;
  durationMs: number;
  url: string;
  workflowId: string | null;
  statusCode: number;
  outcome: InboxOutcome;
  causes: InboxCause[];
  jobId: string | null;
  headers: { name: string; value: string }[];
  contentType: string | null;
  /** Null when the body was not read. */
  body: Buffer | null;
  bodyEncoding: InboxBodyEncoding;
  bodySize: number | null;
  /**
   * Only when `body` is not the whole body as sent (cut, or a key masked in it): a body kept
   * whole is hashed when read instead, which keeps hashing off the run endpoint's path.
   */
  bodySha256: string | null;
  bodyTruncated: boolean;
  findingsSource: InboxJudged['source'] | null;
  findings: InboxFinding[];
  errorCount: number;
  warningCount: number;
  answer: string;
  answerTruncated: boolean;
};

/** A stored entry with everything the detail route shows (positions are found there). */
export type StoredInboxEntry = InboxEntrySummary & {
  headers: { name: string; value: string }[];
  body: Buffer | null;
  /** Null for a body kept whole and as sent: its hash is that of `body` (see NewInboxEntry). */
  body_sha256: string | null;
  findings_source: InboxJudged['source'] | null;
  findings: InboxFinding[];
  answer: string;
  answer_truncated: boolean;
};

// The workflow's name is looked up by primary key when read, so a renamed workflow shows its
// new name and an entry for an unknown or deleted one shows none. Only for the sandbox's own
// entries: a request sent to Sixtyfour names a workflow there, not one stored here.
const SUMMARY_COLUMNS = `id, target, received_at, url, workflow_id,
  CASE WHEN target = 'sandbox'
    THEN (SELECT name FROM workflows WHERE workflows.id = inbox.workflow_id) END AS workflow_name,
  status_code, outcome, causes, job_id, content_type, body_size, body_truncated,
  body IS NOT NULL AS body_read, error_count, warning_count`;

const summaryRowSchema = z.object({
  id: z.number(),
  target: inboxTargetSchema,
  received_at: z.string(),
  url: z.string(),
  workflow_id: z.string().nullable(),
  workflow_name: z.string().nullable(),
  status_code: z.number(),
  outcome: inboxOutcomeSchema,
  causes: z.string(),
  job_id: z.string().nullable(),
  content_type: z.string().nullable(),
  body_size: z.number().nullable(),
  body_truncated: z.number(),
  body_read: z.number(),
  error_count: z.number(),
  warning_count: z.number(),
});
const detailRowSchema = summaryRowSchema.extend({
  headers: z.string(),
  body: z.instanceof(Buffer).nullable(),
  body_encoding: z.literal('br').nullable(),
  body_sha256: z.string().nullable(),
  findings_source: z.enum(['webhook_payload', 'webhook_input']).nullable(),
  findings: z.string(),
  answer: z.string(),
  answer_truncated: z.number(),
});

const toSummary = (row: z.infer<typeof summaryRowSchema>): InboxEntrySummary =>
  inboxEntrySummarySchema.parse({
    ...row,
    // Names are refused past the limit when saved; one stored before the limit is cut to it.
    workflow_name: row.workflow_name?.slice(0, WORKFLOW_NAME_MAX_LENGTH) ?? null,
    causes: z.array(inboxCauseSchema).parse(JSON.parse(row.causes)),
    body_truncated: row.body_truncated === 1,
    body_read: row.body_read === 1,
  });

export type InboxStore = {
  /** Stores entries and prunes by count and age, in one transaction. */
  saveAll: (entries: readonly NewInboxEntry[]) => void;
  /** Deletes entries older than the age limit (start-up; saveAll does it too). */
  pruneByAge: () => void;
  list: (query: InboxListQuery) => { entries: InboxEntrySummary[]; nextBefore: number | null };
  get: (id: number) => StoredInboxEntry | undefined;
};

/**
 * The inbox (table inbox): the newest `maxEntries` requests of at most `maxAgeHours`. Ids only
 * grow with time and only the oldest are deleted, so both limits are range deletes on the
 * primary key: "ids above the newest minus maxEntries", and "ids below the oldest recent
 * one", found by walking from the oldest row (one row read when none is too old). That keeps
 * the table free of indexes, each of which every run request would pay for.
 */
export function createInboxStore(
  db: Database.Database,
  limits: { maxEntries: number; maxAgeHours: number; now?: () => number },
): InboxStore {
  const now = limits.now ?? Date.now;
  const maxAgeMs = limits.maxAgeHours * 3_600_000;
  // Positional parameters: binding 23 named ones costs more than the insert itself.
  const insert = db.prepare(`INSERT INTO inbox
    (target, received_ms, received_at, duration_ms, url, workflow_id, status_code, outcome, causes,
     job_id, headers, content_type, body, body_encoding, body_size, body_sha256, body_truncated,
     findings_source, findings, error_count, warning_count, answer, answer_truncated)
    VALUES (${Array.from({ length: 23 }, () => '?').join(', ')})`);
  const pruneCount = db.prepare('DELETE FROM inbox WHERE id <= ?');
  const pruneAge = db.prepare(`DELETE FROM inbox WHERE id < coalesce(
    (SELECT id FROM inbox WHERE received_ms >= ? ORDER BY id LIMIT 1),
    (SELECT max(id) + 1 FROM inbox))`);
  const byId = db.prepare(
    `SELECT ${SUMMARY_COLUMNS}, headers, body, body_encoding, body_sha256, findings_source, findings, answer, answer_truncated FROM inbox WHERE id = ?`,
  );
  // A cause is matched inside the JSON list; causes are enum words, so '"word"' cannot overlap.
  const filters = `WHERE (@before IS NULL OR id < @before)
      AND target = @target
      AND (@workflowId IS NULL OR workflow_id = @workflowId)
      AND (@outcome IS NULL OR outcome = @outcome)
      AND (@cause IS NULL OR instr(causes, @cause) > 0)`;
  const list = db.prepare(
    `SELECT ${SUMMARY_COLUMNS} FROM inbox ${filters} ORDER BY id DESC LIMIT @limit`,
  );
  // Bodies are mostly compressed, so a search reads them here, newest first, until enough match.
  const withBodies = db.prepare(
    `SELECT ${SUMMARY_COLUMNS}, body, body_encoding FROM inbox ${filters} ORDER BY id DESC`,
  );
  const searchRowSchema = summaryRowSchema.extend({
    body: z.instanceof(Buffer).nullable(),
    body_encoding: z.literal('br').nullable(),
  });
  const saveAll = db.transaction((entries: readonly NewInboxEntry[]) => {
    let last = 0;
    for (const entry of entries) {
      const { lastInsertRowid } = insert.run(
        entry.target,
        entry.receivedMs,
        new Date(entry.receivedMs).toISOString(),
        entry.durationMs,
        entry.url,
        entry.workflowId,
        entry.statusCode,
        entry.outcome,
        JSON.stringify(entry.causes),
        entry.jobId,
        JSON.stringify(entry.headers),
        entry.contentType,
        entry.body,
        entry.bodyEncoding,
        entry.bodySize,
        entry.bodySha256,
        entry.bodyTruncated ? 1 : 0,
        entry.findingsSource,
        entry.findings.length === 0 ? '[]' : JSON.stringify(entry.findings),
        entry.errorCount,
        entry.warningCount,
        entry.answer,
        entry.answerTruncated ? 1 : 0,
      );
      last = Number(lastInsertRowid);
    }
    if (last > limits.maxEntries) pruneCount.run(last - limits.maxEntries);
    pruneAge.run(now() - maxAgeMs);
  });
  return {
    saveAll: (entries) => {
      if (entries.length > 0) saveAll(entries);
    },
    pruneByAge: () => {
      pruneAge.run(now() - maxAgeMs);
    },
    list(query) {
      const params = {
        target: query.target,
        before: query.before ?? null,
        workflowId: query.workflow_id ?? null,
        outcome: query.outcome ?? null,
        cause: query.cause === undefined ? null : `"${query.cause}"`,
      };
      let rows: InboxEntrySummary[];
      if (query.q === undefined) {
        rows = list
          .all({ ...params, limit: query.limit + 1 })
          .map((row) => toSummary(summaryRowSchema.parse(row)));
      } else {
        const needle = Buffer.from(query.q, 'utf8');
        rows = [];
        for (const found of withBodies.iterate(params)) {
          const row = searchRowSchema.parse(found);
          if (row.body === null || !readInboxBody(row.body, row.body_encoding).includes(needle))
            continue;
          rows.push(toSummary(row));
          if (rows.length > query.limit) break;
        }
      }
      const entries = rows.slice(0, query.limit);
      const last = entries.at(-1);
      return {
        entries,
        nextBefore: rows.length > query.limit && last !== undefined ? last.id : null,
      };
    },
    get(id) {
      const found = byId.get(id);
      if (found === undefined) return undefined;
      const row = detailRowSchema.parse(found);
      return {
        ...toSummary(row),
        headers: z.array(inboxHeaderSchema).parse(JSON.parse(row.headers)),
        body: row.body === null ? null : readInboxBody(row.body, row.body_encoding),
        body_sha256: row.body_sha256,
        findings_source: row.findings_source,
        findings: z.array(inboxFindingSchema).parse(JSON.parse(row.findings)),
        answer: row.answer,
        answer_truncated: row.answer_truncated === 1,
      };
    },
  };
}
