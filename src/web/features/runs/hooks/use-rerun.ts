import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { WorkflowRunResponse } from '@core/wire/runs.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { getRunRequestQueryOptions } from '../api/get-run-request.ts';
import type { RunBody } from '../model/prepare-run.ts';
import type { KeptRun } from '../model/kept-run.ts';

/**
 * Re-running a past run. The sandbox keeps every run's request; Sixtyfour's API never
 * returns a run's payload, so there only runs this tab started (and kept) can be re-run.
 */
export function useRerun(
  connection: Connection,
  kept: ReadonlyMap<string, KeptRun>,
  send: (body: RunBody, saveJson: boolean) => void,
) {
  const queryClient = useQueryClient();
  const sandbox = connection.target === 'sandbox';
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const rerun = (run: WorkflowRunResponse) => {
    setError(undefined);
    const previous = kept.get(run.job_id);
    if (previous) {
      send(previous.body, previous.saveJson);
      return;
    }
    if (!sandbox) return;
    setLoading(true);
    queryClient
      .query(getRunRequestQueryOptions(connection, run.job_id))
      .then(
        (request) => {
          const body = {
            webhook_payload: request.webhook_payload,
            ...(request.specs_override === null ? {} : { specs_override: request.specs_override }),
          };
          send({ kind: 'json', body }, request.save_json);
        },
        (failure: unknown) => {
          setError(failure);
        },
      )
      .finally(() => {
        setLoading(false);
      });
  };

  return {
    rerun,
    loading,
    error,
    canRerun: (jobId: string) => sandbox || kept.has(jobId),
    note: sandbox
      ? 'Re-run sends a past run’s payload, specs override and “Also save JSON” again, as the sandbox stored them.'
      : 'Re-run needs the payload, which the API does not return: it works for runs started from this tab.',
  };
}
