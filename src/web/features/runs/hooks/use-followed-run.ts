import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isTerminalStatus } from '@core/wire/run-status.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { getRunStatusQueryOptions, useRunStatus } from '../api/get-run-status.ts';
import { getRunsQueryOptions, useRuns } from '../api/list-runs.ts';

/**
 * The workflow's history and the run being followed, kept in step: when the followed run's
 * status changes the history is asked again, and when the history has seen the run end
 * before its live status did, the live status is asked again. So the list and the panel never
 * disagree for longer than one answer.
 */
export function useFollowedRun(
  connection: Connection,
  workflowId: string | undefined,
  followedRunId: string | undefined,
) {
  const queryClient = useQueryClient();
  const runs = useRuns(connection, workflowId);
  const status = useRunStatus(connection, followedRunId);
  const listed = runs.data?.runs.find((run) => run.job_id === followedRunId);
  const liveStatus = status.data?.overall_status;
  const listedStatus = listed?.status;

  useEffect(() => {
    if (liveStatus === undefined) return;
    void queryClient.invalidateQueries({ queryKey: getRunsQueryOptions(connection).queryKey });
  }, [liveStatus, queryClient, connection]);

  useEffect(() => {
    if (followedRunId === undefined || listedStatus === undefined || liveStatus === undefined) {
      return;
    }
    if (isTerminalStatus(listedStatus) && !isTerminalStatus(liveStatus)) {
      void queryClient.invalidateQueries({
        queryKey: getRunStatusQueryOptions(connection, followedRunId).queryKey,
      });
    }
  }, [listedStatus, liveStatus, followedRunId, queryClient, connection]);

  return { runs, status, listed };
}
