import { queryOptions, useQuery } from '@tanstack/react-query';
import { workflowResponseSchema } from '@core/wire/workflow.ts';
import { apiRequest } from '@web/lib/api-client.ts';
import { ApiError } from '@web/lib/api/api-error.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { workflowsKeyRoot } from './query-keys.ts';

/** `GET /workflows/{id}`: with its `workflow_definition`. */
export const getWorkflow = (connection: Connection, workflowId: string, signal?: AbortSignal) =>
  apiRequest(connection, {
    path: `/workflows/${encodeURIComponent(workflowId)}`,
    schema: workflowResponseSchema,
    ...(signal === undefined ? {} : { signal }),
  });

export const getWorkflowQueryOptions = (connection: Connection, workflowId: string) =>
  queryOptions({
    queryKey: [...workflowsKeyRoot(connection.target), 'detail', workflowId] as const,
    queryFn: ({ signal }) => getWorkflow(connection, workflowId, signal),
    enabled: connection.ready && workflowId !== '',
    // A 404 is an answer (the workflow is gone), not a hiccup worth asking again.
    retry: (failures, error) => !isNotFound(error) && failures < 1,
  });

export const isNotFound = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 404;

export const useWorkflow = (connection: Connection, workflowId: string | undefined) =>
  useQuery(getWorkflowQueryOptions(connection, workflowId ?? ''));
