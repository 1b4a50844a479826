import type { FastifyInstance } from 'fastify';
import type { WorkflowRunStartedResponse } from '@core/wire/run.ts';
import { detailError, HttpError } from '../http/http-error.ts';
import { registerUnreadJsonBody } from '../http/json-body.ts';
import type { RunCommitter } from '../intake/commit-runs.ts';
import type { RunIntake } from '../intake/run-intake.ts';
import type { Executor } from '../runs/executor.ts';

export type RunRouteDeps = {
  intake: RunIntake;
  committer: RunCommitter;
  executor: Executor;
  /** Throws the 503 when the queue is at INLET_MAX_QUEUED_RUNS. */
  queueCap: { check: () => void };
};

const headerValue = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/**
 * `POST /workflows/run` (contract, "Endpoints", "The webhook block spec", "specs_override",
 * "Runs"). The event loop keeps HTTP: the intake prepares the run (on a worker thread when it
 * serves; see prepareRun for every check) and the committer writes it, grouped with the other
 * runs of the same moment, before the answer.
 */
export function registerRunRoute(app: FastifyInstance, deps: RunRouteDeps): void {
  const { intake, committer, executor } = deps;
  // A scope of its own: this route's body is read by the intake, not by the JSON parser.
  void app.register((scope, _options, done) => {
    registerUnreadJsonBody(scope);
    scope.post('/workflows/run', async (request, reply): Promise<WorkflowRunStartedResponse> => {
      // First: a server shutting down prepares nothing it would then refuse to write.
      if (!executor.accepting) {
        void reply.header('Retry-After', '5');
        throw detailError(
          503,
          'The sandbox is shutting down and takes no new runs; retry once it is back.',
        );
      }
      const body = request.body;
      const prepared = await intake.prepare({
        body: body instanceof Uint8Array ? body : undefined,
        query: request.query,
        caller: request.caller,
        idempotencyKey: headerValue(request.headers['idempotency-key']),
      });
      // The inbox records what the judge said with the answer (issue 15).
      if (prepared.kind !== 'replay') request.inboxJudged = prepared.judged;
      request.inboxBody = prepared.inboxBody;
      if (prepared.kind === 'error') {
        const { status, body: errorBody, headers } = prepared.error;
        throw new HttpError(status, errorBody, headers);
      }
      if (prepared.kind === 'insert') deps.queueCap.check();
      return committer.commit(prepared);
    });
    done();
  });
}
