import { type Query, queryOptions, useQuery } from '@tanstack/react-query';
import {
  type WorkflowLiveStatusResponse,
  workflowLiveStatusResponseSchema,
} from '@core/wire/live-status.ts';
import { isTerminalStatus } from '@core/wire/run-status.ts';
import { apiRequest } from '@web/lib/api-client.ts';
import { ApiError } from '@web/lib/api/api-error.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { runsKeyRoot } from './query-keys.ts';

/** First poll soon, then slower and slower, never slower than this. */
const FIRST_POLL_MS = 400;
const MAX_POLL_MS = 4_000;
const BACKOFF = 1.35;

/** `GET /workflows/runs/{run_id}/live_status`. */
export const getRunStatus = (connection: Connection, runId: string, signal?: AbortSignal) =>
  apiRequest(connection, {
    path: `/workflows/runs/${encodeURIComponent(runId)}/live_status`,
    schema: workflowLiveStatusResponseSchema,
    ...(signal === undefined ? {} : { signal }),
  });

/**
 * When to poll next: stop at a terminal state or on an error that will not go away (4xx);
 * honour Retry-After on 429; otherwise back off from FIRST_POLL_MS to MAX_POLL_MS.
 */
export function nextPollDelay(
  query: Pick<Query<WorkflowLiveStatusResponse>, 'state'>,
): number | false {
  const { data, error, dataUpdateCount, errorUpdateCount } = query.state;
  if (error instanceof ApiError) {
    if (error.status === 429) return (error.retryAfterSeconds ?? 5) * 1000;
    if (error.status >= 400 && error.status < 500) return false;
  }
  if (data && isTerminalStatus(data.overall_status)) return false;
  const attempts = dataUpdateCount + errorUpdateCount;
  return Math.min(MAX_POLL_MS, Math.round(FIRST_POLL_MS * BACKOFF ** attempts));
}

export const getRunStatusQueryOptions = (connection: Connection, runId: string) =>
  queryOptions({
    queryKey: [...runsKeyRoot(connection.target), 'status', runId] as const,
    queryFn: ({ signal }) => getRunStatus(connection, runId, signal),
    enabled: connection.ready && runId !== '',
    retry: false,
    refetchInterval: nextPollDelay,
    refetchIntervalInBackground: true,
  });

export const useRunStatus = (connection: Connection, runId: string | undefined) =>
  useQuery(getRunStatusQueryOptions(connection, runId ?? ''));
