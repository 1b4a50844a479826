import { queryOptions, useQuery } from '@tanstack/react-query';
import { downloadLinksResponseSchema, type ResultFormat } from '@core/wire/results.ts';
import { apiRequest } from '@web/lib/api-client.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { runsKeyRoot } from './query-keys.ts';

/** `GET /workflows/runs/{run_id}/results/download-links?format=…`. */
export const getDownloadLinks = (
  connection: Connection,
  runId: string,
  format: ResultFormat,
  signal?: AbortSignal,
) =>
  apiRequest(connection, {
    path: `/workflows/runs/${encodeURIComponent(runId)}/results/download-links`,
    query: { format },
    schema: downloadLinksResponseSchema,
    ...(signal === undefined ? {} : { signal }),
  });

/**
 * The links with inline rows. Links expire (900 s): the data goes stale well before, so a
 * download always asks for fresh links (`queryClient.query` with `staleTime: 0`).
 */
export const getDownloadLinksQueryOptions = (
  connection: Connection,
  runId: string,
  format: ResultFormat,
) =>
  queryOptions({
    queryKey: [...runsKeyRoot(connection.target), 'results', runId, format] as const,
    queryFn: ({ signal }) => getDownloadLinks(connection, runId, format, signal),
    enabled: connection.ready && runId !== '',
    staleTime: 60_000,
    retry: false,
  });

export const useDownloadLinks = (
  connection: Connection,
  runId: string | undefined,
  enabled: boolean,
) => {
  const options = getDownloadLinksQueryOptions(connection, runId ?? '', 'csv');
  return useQuery({ ...options, enabled: options.enabled && enabled });
};
