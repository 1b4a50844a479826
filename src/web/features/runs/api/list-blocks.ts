import { queryOptions, useQuery } from '@tanstack/react-query';
import { blockInfoListResponseSchema } from '@core/wire/workflow.ts';
import { apiRequest } from '@web/lib/api-client.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { workflowsKeyRoot } from './query-keys.ts';

/** `GET /workflows/blocks`: each block with its `specs_schema`. */
export const listBlocks = (connection: Connection, signal?: AbortSignal) =>
  apiRequest(connection, {
    path: '/workflows/blocks',
    schema: blockInfoListResponseSchema,
    ...(signal === undefined ? {} : { signal }),
  });

export const getBlocksQueryOptions = (connection: Connection) =>
  queryOptions({
    queryKey: [...workflowsKeyRoot(connection.target), 'blocks'] as const,
    queryFn: ({ signal }) => listBlocks(connection, signal),
    enabled: connection.ready,
    staleTime: 10 * 60_000,
  });

export const useBlocks = (connection: Connection, enabled = true) => {
  const options = getBlocksQueryOptions(connection);
  return useQuery({ ...options, enabled: options.enabled && enabled });
};
