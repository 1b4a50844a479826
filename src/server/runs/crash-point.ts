/**
 * Named moments at which the crash harness kills the server (INLET_CRASH_AT=<name>), to
 * prove a SIGKILL there leaves the store consistent. Inert unless the variable names the
 * point: one string comparison per call.
 */
export const CRASH_POINTS = [
  /** The run row and its Idempotency-Key are committed; the answer is not yet sent. */
  'run-inserted',
  /** The executor moved the run to `running`. */
  'run-started',
  /** Inside the completing transaction: status and result rows written, not yet committed. */
  'results-writing',
  /** The run is committed as completed with its results; the executor still holds it. */
  'results-written',
  /** A cancel is committed; the executor has not been told and no answer is sent. */
  'cancel-committed',
] as const;

export type CrashPoint = (typeof CRASH_POINTS)[number];

const armed = process.env.INLET_CRASH_AT;

/** Kills this process at once when INLET_CRASH_AT names `point`; nothing otherwise. */
export function crashPoint(point: CrashPoint): void {
  if (armed === point) process.kill(process.pid, 'SIGKILL');
}
