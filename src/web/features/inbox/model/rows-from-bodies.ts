/** What inferColumns takes as a row: a plain object (not an array, not null). */
const isRow = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Requests read for "Infer from traffic": the newest of the filtered list. */
export const TRAFFIC_REQUESTS_MAX = 200;
/** Rows read at most, so a burst of 1 MiB bodies cannot hold the page for seconds. */
export const TRAFFIC_ROWS_MAX = 10_000;

export type TrafficRows = {
  rows: unknown[];
  /** Requests whose body gave rows. */
  used: number;
  /** Requests left out: body not read, cut at 1 MiB, not JSON, or no array of rows. */
  skipped: number;
  /** Rows left out past TRAFFIC_ROWS_MAX. */
  rowsLeftOut: number;
};

/**
 * The `webhook_payload` rows of recorded bodies, newest request first, for inferring columns
 * from what clients really send. A body that was cut, is not JSON or holds no array of
 * objects gives nothing (and is counted), so one broken client cannot skew the guess.
 */
export function rowsFromBodies(
  bodies: readonly { body: string | null; truncated: boolean }[],
  rowsMax = TRAFFIC_ROWS_MAX,
): TrafficRows {
  const rows: unknown[] = [];
  let used = 0;
  let skipped = 0;
  let rowsLeftOut = 0;
  for (const { body, truncated } of bodies) {
    const payload = body === null || truncated ? undefined : readPayload(body);
    const found = Array.isArray(payload) ? payload.filter(isRow) : [];
    if (found.length === 0) {
      skipped += 1;
      continue;
    }
    used += 1;
    const room = Math.max(0, rowsMax - rows.length);
    rows.push(...found.slice(0, room));
    rowsLeftOut += Math.max(0, found.length - room);
  }
  return { rows, used, skipped, rowsLeftOut };
}

function readPayload(body: string): unknown {
  try {
    const parsed: unknown = JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body);
    return typeof parsed === 'object' && parsed !== null && 'webhook_payload' in parsed
      ? parsed.webhook_payload
      : undefined;
  } catch {
    return undefined;
  }
}
