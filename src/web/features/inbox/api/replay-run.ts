import { useMutation, useQueryClient } from '@tanstack/react-query';
import { workflowRunStartedResponseSchema } from '@core/wire/run.ts';
import { apiRequest } from '@web/lib/api-client.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { replayQuery } from '../model/replay-query.ts';
import { inboxKeyRoot } from './query-keys.ts';

export type ReplayInput = {
  /** The recorded request's path and query (its save_json is kept). */
  recordedUrl: string;
  workflowId: string;
  /** Sent as it is: a replay repeats the bytes, it does not re-encode them. */
  bodyText: string;
  /** Fresh per click, so a retried request never starts two runs. */
  idempotencyKey: string;
};

/** `POST /workflows/run` on the console's target (the sandbox, or Sixtyfour through the proxy). */
export const replayRun = (connection: Connection, input: ReplayInput) =>
  apiRequest(connection, {
    method: 'POST',
    path: '/workflows/run',
    query: replayQuery(input.recordedUrl, input.workflowId),
    headers: { 'Idempotency-Key': input.idempotencyKey },
    rawBody: input.bodyText,
    schema: workflowRunStartedResponseSchema,
  });

export function useReplayRun(connection: Connection) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReplayInput) => replayRun(connection, input),
    // A replay to the sandbox is itself recorded: show it without waiting for the next poll.
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...inboxKeyRoot, 'list'] }),
  });
}
