import type Database from 'better-sqlite3';
import { z } from 'zod';
import { IDEMPOTENCY_WINDOW_MS } from '@core/limits.ts';

const recordSchema = z.object({
  body_hash: z.string(),
  job_id: z.string(),
  created_at_ms: z.number(),
});
export type IdempotencyRecord = z.infer<typeof recordSchema>;

export type IdempotencyStore = ReturnType<typeof createIdempotencyStore>;

/** Idempotency-Key records, per API key, held for 24 h (contract, "Runs"). */
export function createIdempotencyStore(db: Database.Database) {
  const select = db.prepare(
    'SELECT body_hash, job_id, created_at_ms FROM idempotency WHERE api_key_hash = ? AND idem_key = ? AND created_at_ms > ?',
  );
  const upsert =
    db.prepare(`INSERT OR REPLACE INTO idempotency (api_key_hash, idem_key, body_hash, job_id, created_at_ms)
    VALUES (?, ?, ?, ?, ?)`);
  const prune = db.prepare('DELETE FROM idempotency WHERE created_at_ms <= ?');
  return {
    find(apiKeyHash: string, key: string, now = Date.now()): IdempotencyRecord | undefined {
      const row = select.get(apiKeyHash, key, now - IDEMPOTENCY_WINDOW_MS);
      return row === undefined ? undefined : recordSchema.parse(row);
    },
    save(apiKeyHash: string, key: string, bodyHash: string, jobId: string, now = Date.now()): void {
      upsert.run(apiKeyHash, key, bodyHash, jobId, now);
    },
    prune(now = Date.now()): void {
      prune.run(now - IDEMPOTENCY_WINDOW_MS);
    },
  };
}
