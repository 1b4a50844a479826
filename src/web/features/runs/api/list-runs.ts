import { type Query, queryOptions, useQuery } from '@tanstack/react-query';
import { isTerminalStatus } from '@core/wire/run-status.ts';
import { type WorkflowRunResponse, workflowRunListResponseSchema } from '@core/wire/runs.ts';
import { UNREADABLE_ROWS_HEADER } from '@core/wire/workflow.ts';
import { apiExchange } from '@web/lib/api-client.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { headerCount } from './list-workflows.ts';
import { runsKeyRoot } from './query-keys.ts';

export const HISTORY_LIMIT = 20;
/** While a listed run is queued or running, its row changes by the second. */
export const HISTORY_ACTIVE_POLL_MS = 1_000;
/** Otherwise the list still refreshes, for runs started outside the app (curl, a CRM). */
export const HISTORY_IDLE_POLL_MS = 4_000;

export type RunList = {
  runs: WorkflowRunResponse[];
  /** Stored runs the server could not read and left out (`X-Inlet-Unreadable-Rows`). */
  unreadable: number;
};

/** `GET /workflows/runs?workflow_id=&limit=`: newest first. */
export async function listRuns(
  connection: Connection,
  workflowId: string,
  signal?: AbortSignal,
): Promise<RunList> {
  const { data, headers } = await apiExchange(connection, {
    path: '/workflows/runs',
    query: { workflow_id: workflowId, limit: HISTORY_LIMIT },
    schema: workflowRunListResponseSchema,
    ...(signal === undefined ? {} : { signal }),
  });
  return { runs: data, unreadable: headerCount(headers, UNREADABLE_ROWS_HEADER) ?? 0 };
}

/** How soon to ask again: sooner while a run is active; never after a refusal (4xx). */
export function historyPollDelay(query: Pick<Query<RunList>, 'state'>): number | false {
  const { data, error } = query.state;
  if (error !== null && data === undefined) return false;
  const active = data?.runs.some((run) => !isTerminalStatus(run.status)) ?? false;
  return active ? HISTORY_ACTIVE_POLL_MS : HISTORY_IDLE_POLL_MS;
}

/** Without a workflow id: the key prefix of every run list, for invalidation. */
export const getRunsQueryOptions = (connection: Connection, workflowId?: string) =>
  queryOptions({
    queryKey:
      workflowId === undefined
        ? ([...runsKeyRoot(connection.target), 'list'] as const)
        : ([...runsKeyRoot(connection.target), 'list', workflowId] as const),
    queryFn: ({ signal }) => listRuns(connection, workflowId ?? '', signal),
    enabled: connection.ready && workflowId !== undefined,
    refetchInterval: historyPollDelay,
    refetchOnWindowFocus: true,
  });

export const useRuns = (connection: Connection, workflowId: string | undefined) =>
  useQuery(getRunsQueryOptions(connection, workflowId));
