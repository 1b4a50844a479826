import { queryOptions, useQuery } from '@tanstack/react-query';
import { workflowListResponseSchema } from '../../../../core/wire/workflow.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import type { Connection } from '../../../lib/api/connection.ts';
import { workflowsKeyRoot } from './query-keys.ts';

/** `GET /workflows`: summaries, without definitions. */
export const listWorkflows = (connection: Connection, signal?: AbortSignal) =>
  apiRequest(connection, {
    path: '/workflows',
    schema: workflowListResponseSchema,
    ...(signal === undefined ? {} : { signal }),
  });

export const getWorkflowsQueryOptions = (connection: Connection) =>
  queryOptions({
    queryKey: [...workflowsKeyRoot(connection.target), 'list'] as const,
    queryFn: ({ signal }) => listWorkflows(connection, signal),
    enabled: connection.ready,
  });

export const useWorkflows = (connection: Connection, enabled = true) => {
  const options = getWorkflowsQueryOptions(connection);
  return useQuery({ ...options, enabled: options.enabled && enabled });
};
