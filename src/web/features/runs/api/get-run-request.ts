import { queryOptions } from '@tanstack/react-query';
import { sandboxRunRequestResponseSchema } from '@core/wire/sandbox-run-request.ts';
import { apiRequest } from '@web/lib/api-client.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { runsKeyRoot } from './query-keys.ts';

/**
 * Inlet-only `GET /inlet/sandbox/runs/{run_id}/request`: the payload, specs_override and
 * save_json a sandbox run was started with. Sixtyfour's API has no such endpoint (it never
 * returns a run's payload), so this is only ever asked of the sandbox.
 */
export const getRunRequest = (connection: Connection, runId: string, signal?: AbortSignal) => {
  if (connection.target !== 'sandbox') {
    return Promise.reject(new Error("Only the local sandbox returns a run's request."));
  }
  return apiRequest(connection, {
    path: `/inlet/sandbox/runs/${encodeURIComponent(runId)}/request`,
    schema: sandboxRunRequestResponseSchema,
    ...(signal === undefined ? {} : { signal }),
  });
};

export const getRunRequestQueryOptions = (connection: Connection, runId: string) =>
  queryOptions({
    queryKey: [...runsKeyRoot(connection.target), 'request', runId] as const,
    queryFn: ({ signal }) => getRunRequest(connection, runId, signal),
    enabled: connection.ready && connection.target === 'sandbox' && runId !== '',
    // A run's request never changes once started; payloads can be large, so drop them soon.
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
