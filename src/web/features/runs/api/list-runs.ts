import { queryOptions, useQuery } from '@tanstack/react-query';
import { workflowRunListResponseSchema } from '../../../../core/wire/runs.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import type { Connection } from '../../../lib/api/connection.ts';
import { runsKeyRoot } from './query-keys.ts';

export const HISTORY_LIMIT = 20;

/** `GET /workflows/runs?workflow_id=&limit=`: newest first. */
export const listRuns = (connection: Connection, workflowId: string, signal?: AbortSignal) =>
  apiRequest(connection, {
    path: '/workflows/runs',
    query: { workflow_id: workflowId, limit: HISTORY_LIMIT },
    schema: workflowRunListResponseSchema,
    ...(signal === undefined ? {} : { signal }),
  });

/** Without a workflow id: the key prefix of every run list, for invalidation. */
export const getRunsQueryOptions = (connection: Connection, workflowId?: string) =>
  queryOptions({
    queryKey:
      workflowId === undefined
        ? ([...runsKeyRoot(connection.target), 'list'] as const)
        : ([...runsKeyRoot(connection.target), 'list', workflowId] as const),
    queryFn: ({ signal }) => listRuns(connection, workflowId ?? '', signal),
    enabled: connection.ready && workflowId !== undefined,
  });

export const useRuns = (connection: Connection, workflowId: string | undefined) =>
  useQuery(getRunsQueryOptions(connection, workflowId));
