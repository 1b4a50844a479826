import { useMutation, useQueryClient } from '@tanstack/react-query';
import { workflowRunStartedResponseSchema } from '@core/wire/run.ts';
import { apiRequest } from '@web/lib/api-client.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import type { RunBody } from '../model/prepare-run.ts';
import { getRunsQueryOptions } from './list-runs.ts';

export type StartRunInput = {
  workflowId: string;
  saveJson: boolean;
  body: RunBody;
  /** Fresh per click (crypto.randomUUID()), so a retried request never starts two runs. */
  idempotencyKey: string;
};

/** `POST /workflows/run?workflow_id=…[&save_json=true]` with `Idempotency-Key`. */
export const startRun = (connection: Connection, input: StartRunInput) =>
  apiRequest(connection, {
    method: 'POST',
    path: '/workflows/run',
    query: { workflow_id: input.workflowId, save_json: input.saveJson ? true : undefined },
    headers: { 'Idempotency-Key': input.idempotencyKey },
    ...(input.body.kind === 'json' ? { body: input.body.body } : { rawBody: input.body.text }),
    schema: workflowRunStartedResponseSchema,
  });

export function useStartRun(connection: Connection) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StartRunInput) => startRun(connection, input),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: getRunsQueryOptions(connection).queryKey }),
  });
}
