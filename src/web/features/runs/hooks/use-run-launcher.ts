import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '@core/error-message.ts';
import type { WorkflowResponse } from '@core/wire/workflow.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { useStartRun } from '../api/start-run.ts';
import type { EffectiveSpec, OverrideReading } from '../model/effective-spec.ts';
import {
  type Preflight,
  prepareRun,
  type RunBody,
  type RunJudge,
  runBodyOf,
} from '../model/prepare-run.ts';

export type Rejected = Extract<Preflight, { verdict: 'rejected' }>;

/**
 * Starting runs: the preflight (the same judge as the API, run by `judge`: the payload
 * worker's), what it refused, and the send itself with a fresh Idempotency-Key per click.
 * `onStarted` hears of each started run.
 */
export function useRunLauncher(
  connection: Connection,
  workflow: WorkflowResponse | undefined,
  onStarted: (jobId: string, body: RunBody, saveJson: boolean) => void,
  judge: RunJudge,
) {
  const start = useStartRun(connection);
  const [rejected, setRejected] = useState<Rejected | undefined>(undefined);
  const [warningCount, setWarningCount] = useState(0);
  // A click while the preflight is still judging starts nothing more (as one while sending).
  const checkingRef = useRef(false);

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
      if (checkingRef.current) return;
      checkingRef.current = true;
      void prepareRun(payloadText, reading, effective, judge)
        .catch((error: unknown): Preflight => ({
          verdict: 'rejected',
          message: `The payload could not be checked before sending: ${errorMessage(error)}`,
          findings: [],
          body: runBodyOf(payloadText, reading),
        }))
        .then((preflight) => {
          checkingRef.current = false;
          if (preflight.verdict === 'rejected') {
            start.reset();
            setRejected(preflight);
            return;
          }
          setWarningCount(preflight.warnings.length);
          send(preflight.body, saveJson);
        });
    },
    [send, start, judge],
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
