import { useMutation, useQueryClient } from '@tanstack/react-query';
import { workflowCancelResponseSchema } from '@core/wire/runs.ts';
import { apiRequest } from '@web/lib/api-client.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { getRunStatusQueryOptions } from './get-run-status.ts';
import { getRunsQueryOptions } from './list-runs.ts';

/** `POST /workflows/cancel?job_id=…`. */
export const cancelRun = (connection: Connection, jobId: string) =>
  apiRequest(connection, {
    method: 'POST',
    path: '/workflows/cancel',
    query: { job_id: jobId },
    schema: workflowCancelResponseSchema,
  });

export function useCancelRun(connection: Connection) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => cancelRun(connection, jobId),
    // The live status is the truth; ask for it again rather than trusting the answer alone.
    onSettled: async (_data, _error, jobId) => {
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: getRunStatusQueryOptions(connection, jobId).queryKey,
        }),
        queryClient.invalidateQueries({ queryKey: getRunsQueryOptions(connection).queryKey }),
      ]);
    },
  });
}
