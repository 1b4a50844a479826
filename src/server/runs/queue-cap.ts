import type Database from 'better-sqlite3';
import { detailError } from '../http/http-error.ts';
import type { RunStore } from '../store/run-store.ts';

/** Seconds a client is told to wait when the queue is full: about a few runs' time. */
const RETRY_AFTER_SECONDS = 30;

export type QueueCap = { check: () => void };

/**
 * The cap on queued runs (INLET_MAX_QUEUED_RUNS; 0: none). A run request over it answers 503
 * with Retry-After, before anything is written: a flood of runs fills neither the disk nor
 * every later run list.
 *
 * Counting the queue walks up to `max` entries of the status index: with thousands of runs
 * queued that was a fifth of the event loop's time under a stream of run requests. So the
 * count is taken only when it could have reached the cap: the queue grows only by runs
 * entering it through the run store (`queueEntries`), so it holds at most the last count plus
 * the entries since. Below that bound a request passes without a query; at it, the queue is
 * counted again, exactly as before.
 */
export function createQueueCap(
  max: number,
  queue: {
    /** The runs queued now, counted up to `limit`. */
    countQueued: (limit: number) => number;
    queueEntries: RunStore['queueEntries'];
  },
): QueueCap {
  let counted: { queued: number; entries: number } | null = null;
  return {
    check() {
      if (max === 0) return;
      const entries = queue.queueEntries();
      if (counted !== null && counted.queued + (entries - counted.entries) < max) return;
      const queued = queue.countQueued(max);
      counted = { queued, entries };
      if (queued < max) return;
      throw detailError(
        503,
        `The sandbox has ${max} runs queued already (INLET_MAX_QUEUED_RUNS); retry in ${RETRY_AFTER_SECONDS} s, or cancel queued runs.`,
        { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      );
    },
  };
}

/** The queue's size through the status index, stopping at `limit`. */
export function queuedCounter(db: Database.Database): (limit: number) => number {
  const count = db.prepare<[number], { n: number }>(
    "SELECT COUNT(*) AS n FROM (SELECT 1 FROM runs WHERE status = 'queued' LIMIT ?)",
  );
  return (limit) => count.get(limit)?.n ?? 0;
}
