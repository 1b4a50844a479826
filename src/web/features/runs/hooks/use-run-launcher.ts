import { useCallback, useState } from 'react';
import type { WorkflowResponse } from '../../../../core/wire/workflow.ts';
import type { Connection } from '../../../lib/api/connection.ts';
import { useStartRun } from '../api/start-run.ts';
import type { EffectiveSpec, OverrideReading } from '../model/effective-spec.ts';
import { type Preflight, prepareRun, type RunBody } from '../model/prepare-run.ts';

export type Rejected = Extract<Preflight, { verdict: 'rejected' }>;

/**
 * Starting runs: the preflight (the same judge as the API), what it refused, and the send
 * itself with a fresh Idempotency-Key per click. `onStarted` hears of each started run.
 */
export function useRunLauncher(
  connection: Connection,
  workflow: WorkflowResponse | undefined,
  onStarted: (jobId: string, body: RunBody, saveJson: boolean) => void,
) {
  const start = useStartRun(connection);
  const [rejected, setRejected] = useState<Rejected | undefined>(undefined);
  const [warningCount, setWarningCount] = useState(0);

  const send = useCallback(
    (body: RunBody, saveJson: boolean) => {
      if (!workflow) return;
      setRejected(undefined);
      start.mutate(
        { workflowId: workflow.id, saveJson, body, idempotencyKey: crypto.randomUUID() },
        {
          onSuccess: (started) => {
            onStarted(started.job_id, body, saveJson);
          },
        },
      );
    },
    [workflow, start, onStarted],
  );

  const launch = useCallback(
    (
      payloadText: string,
      reading: OverrideReading,
      effective: EffectiveSpec,
      saveJson: boolean,
    ) => {
      const preflight = prepareRun(payloadText, reading, effective);
      if (preflight.verdict === 'rejected') {
        start.reset();
        setRejected(preflight);
        return;
      }
      setWarningCount(preflight.warnings.length);
      send(preflight.body, saveJson);
    },
    [send, start],
  );

  return {
    start,
    send,
    launch,
    rejected,
    dismissRejected: () => {
      setRejected(undefined);
    },
    warningCount,
    clearWarnings: () => {
      setWarningCount(0);
    },
  };
}
