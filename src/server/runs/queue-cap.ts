import type Database from 'better-sqlite3';
import { detailError } from '../http/http-error.ts';

/** Seconds a client is told to wait when the queue is full: about a few runs' time. */
const RETRY_AFTER_SECONDS = 30;

/**
 * The cap on queued runs (INLET_MAX_QUEUED_RUNS; 0: none). A run request over it answers 503
 * with Retry-After, before anything is written: a flood of runs fills neither the disk nor
 * every later run list. The count stops at the cap (through the status index), so checking
 * costs at most `max` index entries, whatever the queue holds.
 */
export function createQueueCap(db: Database.Database, max: number): { check: () => void } {
  const count = db.prepare<[number], { n: number }>(
    "SELECT COUNT(*) AS n FROM (SELECT 1 FROM runs WHERE status = 'queued' LIMIT ?)",
  );
  return {
    check() {
      if (max === 0) return;
      const queued = count.get(max)?.n ?? 0;
      if (queued < max) return;
      throw detailError(
        503,
        `The sandbox has ${max} runs queued already (INLET_MAX_QUEUED_RUNS); retry in ${RETRY_AFTER_SECONDS} s, or cancel queued runs.`,
        { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      );
    },
  };
}
