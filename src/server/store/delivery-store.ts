import type Database from 'better-sqlite3';
import { z } from 'zod';
import {
  receiverDeliverySchema,
  receiverDeliverySummarySchema,
  receiverHeaderSchema,
  signatureVerdictSchema,
  type ReceiverDelivery,
  type ReceiverDeliverySummary,
  type SignatureVerdict,
} from '@core/wire/receiver.ts';

/** What the receiver route hands over; headers already masked, body already cut. */
export type NewDelivery = {
  receivedAt: string;
  name: string;
  headers: { name: string; value: string }[];
  contentType: string | null;
  body: Buffer;
  bodySize: number;
  bodySha256: string;
  bodyTruncated: boolean;
  eventId: string | null;
  eventType: string | null;
  attempt: number | null;
  runId: string | null;
  workflowId: string | null;
  signature: SignatureVerdict;
};

const SUMMARY_COLUMNS =
  'id, received_at, name, content_type, event_id, event_type, attempt, run_id, workflow_id, signature, body_size, body_sha256, body_truncated';

const summaryRowSchema = z.object({
  id: z.number(),
  received_at: z.string(),
  name: z.string(),
  content_type: z.string().nullable(),
  event_id: z.string().nullable(),
  event_type: z.string().nullable(),
  attempt: z.number().nullable(),
  run_id: z.string().nullable(),
  workflow_id: z.string().nullable(),
  signature: signatureVerdictSchema,
  body_size: z.number(),
  body_sha256: z.string(),
  body_truncated: z.number(),
});
const detailRowSchema = summaryRowSchema.extend({
  headers: z.string(),
  body: z.instanceof(Buffer),
});

const toSummary = (row: z.infer<typeof summaryRowSchema>): ReceiverDeliverySummary =>
  receiverDeliverySummarySchema.parse({ ...row, body_truncated: row.body_truncated === 1 });

export type DeliveryStore = {
  /** Stores one delivery and prunes beyond the cap, in one transaction; returns its id. */
  save: (delivery: NewDelivery) => number;
  list: (filter: { name?: string; runId?: string; limit: number }) => ReceiverDeliverySummary[];
  get: (id: number) => ReceiverDelivery | undefined;
};

/**
 * Deliveries the local receiver got (table receiver_deliveries), newest kept: each insert
 * prunes beyond `maxKept` in the same transaction, so the table never grows past it.
 */
export function createDeliveryStore(db: Database.Database, maxKept: number): DeliveryStore {
  const insert = db.prepare(`INSERT INTO receiver_deliveries
    (received_at, name, headers, content_type, body, body_size, body_sha256, body_truncated,
     event_id, event_type, attempt, run_id, workflow_id, signature)
    VALUES (@receivedAt, @name, @headers, @contentType, @body, @bodySize, @bodySha256,
     @bodyTruncated, @eventId, @eventType, @attempt, @runId, @workflowId, @signature)`);
  // Everything older than the maxKept-th newest; the primary key makes this an index walk.
  const prune = db.prepare(
    'DELETE FROM receiver_deliveries WHERE id <= (SELECT id FROM receiver_deliveries ORDER BY id DESC LIMIT 1 OFFSET ?)',
  );
  const byId = db.prepare(
    `SELECT ${SUMMARY_COLUMNS}, headers, body FROM receiver_deliveries WHERE id = ?`,
  );
  const list = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM receiver_deliveries
    WHERE (@name IS NULL OR name = @name) AND (@runId IS NULL OR run_id = @runId)
    ORDER BY id DESC LIMIT @limit`);
  const save = db.transaction((delivery: NewDelivery): number => {
    const { lastInsertRowid } = insert.run({
      ...delivery,
      headers: JSON.stringify(delivery.headers),
      bodyTruncated: delivery.bodyTruncated ? 1 : 0,
    });
    prune.run(maxKept);
    return Number(lastInsertRowid);
  });
  return {
    save: (delivery) => save(delivery),
    list(filter: { name?: string; runId?: string; limit: number }): ReceiverDeliverySummary[] {
      return list
        .all({ name: filter.name ?? null, runId: filter.runId ?? null, limit: filter.limit })
        .map((row) => toSummary(summaryRowSchema.parse(row)));
    },
    get(id: number): ReceiverDelivery | undefined {
      const found = byId.get(id);
      if (found === undefined) return undefined;
      const row = detailRowSchema.parse(found);
      return receiverDeliverySchema.parse({
        ...toSummary(row),
        headers: z.array(receiverHeaderSchema).parse(JSON.parse(row.headers)),
        body: row.body.toString('utf8'),
      });
    },
  };
}
