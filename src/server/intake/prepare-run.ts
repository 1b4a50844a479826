import { findingSourcePayloadMessage } from '@core/workflow/workflow-graph.ts';
import { INBOX_BODY_KEPT_BYTES, type InboxJudged } from '@core/wire/inbox.ts';
import type { Caller } from '../auth/api-auth.ts';
import { detailError, HttpError } from '../http/http-error.ts';
import { compressInboxBody } from '../inbox/inbox-body.ts';
import type { IdempotencyStore } from '../store/idempotency-store.ts';
import type { NewRunRow } from '../store/run-store.ts';
import { buildRunRow } from './build-run-row.ts';
import { claimIdempotencyKey, type IdempotencyClaim } from './claim-idempotency-key.ts';
import { applyOverride, resolveWorkflow } from './effective-workflow.ts';
import { judgeRunPayload } from './judge-run-payload.ts';
import { readRunRequest } from './read-run-request.ts';
import type { CachedWorkflows } from './workflow-cache.ts';

/** What the intake reads: the store's read side (any connection to the database) and limits. */
export type IntakeReaders = {
  /** Workflows with their graphs checked once per stored version (cacheWorkflows). */
  workflows: CachedWorkflows;
  idempotency: Pick<IdempotencyStore, 'find'>;
  maxRows: number;
  maxBodyBytes: number;
};

/** A `POST /workflows/run` as the intake sees it: plain data, so it can cross to a worker. */
export type IntakeRequest = {
  /** The body's bytes as received; undefined without a body. */
  body: Uint8Array | undefined;
  query: unknown;
  caller: Caller | undefined;
  idempotencyKey: string | undefined;
};

/** A planned error answer, as plain data (an HttpError does not survive a worker's message). */
export type IntakeError = {
  status: number;
  body: HttpError['body'];
  headers: Record<string, string>;
};

/**
 * For the inbox (issue 15): `judged`, the judge's findings when the judge saw the request
 * (recorded as the judge gave them, never judged a second time), and `inboxBody`, the body's
 * kept part compressed here rather than on the event loop (compressInboxBody).
 */
export type IntakeResult = (
  | /** A valid run, ready to be written. */
    { kind: 'insert'; run: NewRunRow; idempotency: IdempotencyClaim | null; judged?: InboxJudged }
    /** The Idempotency-Key was used before with the same request: answer with that run. */
  | { kind: 'replay'; jobId: string }
  | { kind: 'error'; error: IntakeError; judged?: InboxJudged }
) & { inboxBody?: Uint8Array };

const errorResult = (error: HttpError, judged?: InboxJudged): IntakeResult => ({
  kind: 'error',
  error: { status: error.statusCode, body: error.body, headers: error.headers },
  ...(judged === undefined ? {} : { judged }),
});

/**
 * Everything `POST /workflows/run` decides before it writes (contract, "Endpoints", "The
 * webhook block spec", "specs_override", "Runs"), in named steps: read the request, claim its
 * Idempotency-Key, resolve the workflow, apply specs_override, judge the payload, build the
 * row. It only reads the store, so it can run on a worker thread with a connection of its own;
 * the write (and a second look at the Idempotency-Key) happens in `commitRuns`. Throws only on
 * unexpected failures (a store that cannot be read).
 */
export function prepareRun(readers: IntakeReaders, request: IntakeRequest): IntakeResult {
  const { body } = request;
  // Compressed once: the inbox's copy of the body, and a run's payload when the body is whole.
  const inboxBody = body === undefined ? undefined : compressInboxBody(body);
  const wholeBody =
    body !== undefined && body.length <= INBOX_BODY_KEPT_BYTES ? inboxBody : undefined;
  const result = prepareOrRefuse(readers, request, wholeBody);
  return inboxBody === undefined ? result : { ...result, inboxBody };
}

function prepareOrRefuse(
  readers: IntakeReaders,
  request: IntakeRequest,
  compressedBody: Uint8Array | undefined,
): IntakeResult {
  try {
    return prepare(readers, request, compressedBody);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return errorResult(error);
  }
}

function prepare(
  readers: IntakeReaders,
  request: IntakeRequest,
  compressedBody: Uint8Array | undefined,
): IntakeResult {
  const read = readRunRequest(request);
  const key = claimIdempotencyKey(readers.idempotency, read, request.idempotencyKey);
  if ('replay' in key) return { kind: 'replay', jobId: key.replay };
  const workflow = resolveWorkflow(readers.workflows, read.query.workflow_id);
  if (workflow.check.spec === null && read.hasPayload) {
    throw detailError(400, findingSourcePayloadMessage(workflow.check.source.block.block_name));
  }
  const effective = applyOverride(workflow, read.body.specs_override);
  if (effective.spec === null) {
    // The source finds its own rows when the run executes: nothing to judge, no rows to store.
    return {
      kind: 'insert',
      run: buildRunRow(read, workflow, effective, { rows: [], judgement: null }, undefined),
      idempotency: key.claim,
    };
  }
  const judged = judgeRunPayload(read, effective.spec, {
    maxRows: readers.maxRows,
    maxBodyBytes: readers.maxBodyBytes,
  });
  if (!judged.accepted) return errorResult(judged.error, judged.judged);
  return {
    kind: 'insert',
    run: buildRunRow(read, workflow, effective, judged, compressedBody),
    idempotency: key.claim,
    judged: judged.judged,
  };
}
