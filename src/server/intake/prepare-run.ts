import { createHash } from 'node:crypto';
import {
  judgePayloadText,
  judgePayloadValue,
  parsePayloadText,
  type Judgement,
} from '@core/judge/judge-payload.ts';
import { WORKFLOW_NAME_MAX_LENGTH } from '@core/limits.ts';
import type { FindingKind } from '@core/judge/judgement.ts';
import { applySpecsOverride } from '@core/workflow/specs-override.ts';
import { planWarnings } from '@core/workflow/plan-warnings.ts';
import { checkWebhookSource } from '@core/workflow/workflow-graph.ts';
import { runWorkflowBodyInputSchema, runWorkflowQuerySchema } from '@core/wire/run.ts';
import type { ValidationError } from '@core/wire/errors.ts';
import { INBOX_MAX_FINDINGS, type InboxJudged } from '@core/wire/inbox.ts';
import type { ResultFormat } from '@core/wire/results.ts';
import type { WorkflowGraph } from '@core/wire/workflow.ts';
import { canonicalWorkflowId } from '@core/wire/workflow-id.ts';
import type { Caller } from '../auth/api-auth.ts';
import { clip, detailError, HttpError, parseOr422, validationError } from '../http/http-error.ts';
import { readJsonBody } from '../http/read-json-body.ts';
import { compressInboxBody } from '../inbox/inbox-body.ts';
import { initialBlockStates } from '../runs/block-states.ts';
import { newJobId } from '../runs/job-id.ts';
import type { IdempotencyStore } from '../store/idempotency-store.ts';
import { compressJson } from '../store/compressed-json.ts';
import { isDeeplyFrozen } from '../store/parsed-text-memo.ts';
import type { NewRunRow, RunWarning } from '../store/run-store.ts';
import { nowIso } from '../store/timestamps.ts';
import type { WorkflowStore } from '../store/workflow-store.ts';
import type { ValidationCache } from '../workflows/validation-cache.ts';

/** What the intake reads: the store's read side (any connection to the database) and limits. */
export type IntakeReaders = {
  workflows: Pick<WorkflowStore, 'get'>;
  idempotency: Pick<IdempotencyStore, 'find'>;
  validation: ValidationCache;
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

/** An Idempotency-Key this run claims, with the hash of the request it was sent with. */
export type IdempotencyClaim = { keyHash: string; key: string; hash: string };

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

/** Errors reported with a payload rejection, at most this many. */
const MAX_REJECTION_ERRORS = 100;
/** Warnings and notes (advisory columns) recorded with a run, at most this many. */
const MAX_RECORDED_WARNINGS = 1_000;

/** FastAPI's error `type` for the judge's 422 kinds. */
const VALIDATION_TYPES: Partial<Record<FindingKind, string>> = {
  invalid_json: 'json_invalid',
  too_deep: 'json_too_deep',
};

/**
 * A rejected payload: no run. A 400 or 413 answers `{"detail", "errors"}` (contract
 * [decision]); a 422 answers in FastAPI's shape like every other 422, located under `loc`.
 */
function rejectPayload(judgement: Judgement, prefix: string, loc: (string | number)[]): HttpError {
  const rejection = judgement.rejection ?? { status: 400, message: 'The payload was rejected.' };
  const failures = judgement.findings
    .filter((finding) => finding.severity === 'error')
    .slice(0, MAX_REJECTION_ERRORS);
  if (rejection.status === 422) {
    return new HttpError(422, {
      detail: failures.map((finding) => ({
        loc: [
          ...loc,
          ...(finding.row === null ? [] : [finding.row]),
          ...(finding.column === null ? [] : [finding.column]),
        ],
        msg: `${prefix}${finding.message}`,
        type: VALIDATION_TYPES[finding.kind] ?? 'value_error',
      })),
    });
  }
  const errors = failures.map((finding) => ({
    row: finding.row,
    column: finding.column,
    message: finding.message,
  }));
  return new HttpError(rejection.status, { detail: `${prefix}${rejection.message}`, errors });
}

/** The judge's findings as the inbox keeps them (positions are found again when read). */
const judgedOf = (judgement: Judgement, source: InboxJudged['source']): InboxJudged => ({
  source,
  findings: judgement.findings
    .slice(0, INBOX_MAX_FINDINGS)
    .map(({ kind, severity, row, column, pointer, message }) => ({
      kind,
      severity,
      row,
      column,
      pointer,
      message,
    })),
});

const errorResult = (error: HttpError, judged?: InboxJudged): IntakeResult => ({
  kind: 'error',
  error: { status: error.statusCode, body: error.body, headers: error.headers },
  ...(judged === undefined ? {} : { judged }),
});

const warningsOf = (judgement: Judgement): RunWarning[] =>
  judgement.findings
    .filter((finding) => finding.severity !== 'error')
    .slice(0, MAX_RECORDED_WARNINGS)
    .map((finding) => ({ row: finding.row, column: finding.column, message: finding.message }));

const isObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const jsonTypeOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string'
    ? `a ${typeof value}`
    : typeof value;
};

/**
 * FastAPI's 422s for a `webhook_payload` the OpenAPI body schema refuses (contract, "Revision
 * of 2026-12-02"): not an array or an object, or an array holding non-objects, each located at
 * its index. The judge's own rules (empty array, required columns, limits) stay 400s.
 */
export function webhookPayloadShapeErrors(payload: unknown): ValidationError[] {
  const loc = ['body', 'webhook_payload'];
  if (Array.isArray(payload)) {
    const errors: ValidationError[] = [];
    for (const [index, row] of payload.entries()) {
      if (isObject(row)) continue;
      errors.push({
        loc: [...loc, index],
        msg: `Input should be a valid dictionary: row ${index + 1} of webhook_payload is ${jsonTypeOf(row)}; send each row as an object of column values.`,
        type: 'dict_type',
      });
      if (errors.length >= MAX_REJECTION_ERRORS) break;
    }
    return errors;
  }
  if (isObject(payload)) return [];
  return [
    {
      loc,
      msg: `Input should be a valid list or dictionary: webhook_payload is ${jsonTypeOf(payload)}; send an array of row objects or one row object.`,
      type: 'model_type',
    },
  ];
}

/** The JSON text of graphs read from the store, by the (deeply frozen, shared) graph itself. */
const graphTexts = new WeakMap<WorkflowGraph, string>();
/** A graph's JSON text, serialised once for a graph read from the store. */
function graphText(graph: WorkflowGraph): string {
  if (!isDeeplyFrozen(graph)) return JSON.stringify(graph);
  let text = graphTexts.get(graph);
  if (text === undefined) {
    text = JSON.stringify(graph);
    graphTexts.set(graph, text);
  }
  return text;
}

/** The hash an Idempotency-Key is checked with; `formats` only when the request named them, so keys stored before result_formats existed still match. */
const bodyHash = (
  text: string,
  workflowId: string,
  saveJson: boolean,
  formats: readonly ResultFormat[] | undefined,
): string =>
  createHash('sha256')
    .update(
      `${workflowId}\n${String(saveJson)}\n${formats === undefined ? '' : `${formats.join(',')}\n`}${text}`,
    )
    .digest('hex');

/**
 * The result files a run saves [decision]: the `result_formats` asked for (each once, in the
 * order asked), else CSV; JSON too when `save_json=true`.
 */
export function chosenResultFormats(
  asked: readonly ResultFormat[] | undefined,
  saveJson: boolean,
): ResultFormat[] {
  const formats = new Set<ResultFormat>(asked ?? ['csv']);
  if (saveJson) formats.add('json');
  return [...formats];
}

/**
 * Everything `POST /workflows/run` decides before it writes (contract, "Endpoints", "The
 * webhook block spec", "specs_override", "Runs"): the body read as JSON, query and body
 * checked, auth kind, Idempotency-Key replay, workflow, specs_override, the judge, and the run's
 * row serialised. It only reads the store, so it can run on a worker thread with a connection
 * of its own; the write (and a second look at the Idempotency-Key) happens in `commitRuns`.
 * Throws only on unexpected failures (a store that cannot be read).
 */
export function prepareRun(readers: IntakeReaders, request: IntakeRequest): IntakeResult {
  const result = prepareOrRefuse(readers, request);
  return request.body === undefined
    ? result
    : { ...result, inboxBody: compressInboxBody(request.body) };
}

function prepareOrRefuse(readers: IntakeReaders, request: IntakeRequest): IntakeResult {
  try {
    return prepare(readers, request);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return errorResult(error);
  }
}

function prepare(readers: IntakeReaders, request: IntakeRequest): IntakeResult {
  const { workflows, idempotency, validation } = readers;
  const read = request.body === undefined ? undefined : readJsonBody(request.body);
  if (read && !read.ok) throw validationError(read.errors);
  const text = read?.text;
  const query = parseOr422(runWorkflowQuerySchema, request.query, ['query']);
  const body = parseOr422(runWorkflowBodyInputSchema, read?.value ?? {}, ['body']);
  const hasPayload = body.webhook_payload !== undefined && body.webhook_payload !== null;
  if (hasPayload) {
    const shape = webhookPayloadShapeErrors(body.webhook_payload);
    if (shape.length > 0) throw validationError(shape);
  }
  const caller = request.caller;
  if (caller?.kind !== 'api-key') {
    if (hasPayload) {
      throw detailError(
        400,
        'webhook_payload is accepted only with API-key auth: JWT (Authorization: Bearer) auth is rejected for webhook payloads. Send the x-api-key header instead.',
      );
    }
    throw detailError(401, 'Invalid API key');
  }

  const idemKey = request.idempotencyKey;
  const hasIdemKey = idemKey !== undefined && idemKey !== '';
  // Hashed only when a key asks for it: the hash covers the whole body.
  const resultFormats = chosenResultFormats(query.result_formats, query.save_json);
  const hash = hasIdemKey
    ? bodyHash(text ?? '', query.workflow_id, query.save_json, query.result_formats)
    : '';
  if (hasIdemKey) {
    const previous = idempotency.find(caller.keyHash, idemKey);
    if (previous) {
      if (previous.body_hash !== hash) throw idempotencyKeyReused();
      return { kind: 'replay', jobId: previous.job_id };
    }
  }

  const workflow = workflows.get(canonicalWorkflowId(query.workflow_id));
  if (!workflow) throw detailError(404, `Workflow ${clip(query.workflow_id)} not found`);
  const stored = validation.graph(workflow.definition);
  if (!stored.success) {
    throw detailError(400, `The workflow graph is invalid: ${stored.issues[0]?.message ?? ''}`);
  }
  const source = checkWebhookSource(stored.plan);
  if (!source.success) throw detailError(400, source.message);

  const override = applySpecsOverride(source.source.block.specs, body.specs_override);
  if (!override.success) {
    throw validationError([
      {
        loc: ['body', 'specs_override', override.key],
        msg: override.message,
        type: 'extra_forbidden',
      },
    ]);
  }
  const spec = validation.webhookSpec(override.specs);
  if (!spec.success) {
    throw validationError(
      spec.issues.map((issue) => ({
        loc: ['body', 'specs_override', ...issue.path],
        msg: `The webhook spec with specs_override applied is invalid: ${issue.message}`,
        type: 'value_error',
      })),
    );
  }
  // Without specs_override the stored graph is the effective one, already checked above.
  const definition: WorkflowGraph =
    override.specs === source.source.block.specs
      ? workflow.definition
      : {
          ...workflow.definition,
          blocks: workflow.definition.blocks.map((block) =>
            block.block_id === source.source.blockId ? { ...block, specs: override.specs } : block,
          ),
        };
  const effective = definition === workflow.definition ? stored : validation.graph(definition);
  if (!effective.success) {
    throw validationError(
      effective.issues.map((issue) => ({
        loc: ['body', 'specs_override'],
        msg: `With specs_override applied the workflow does not fit together: ${issue.message}`,
        type: 'value_error',
      })),
    );
  }

  const limits = { maxRows: readers.maxRows, maxBodyBytes: readers.maxBodyBytes };
  let value: unknown;
  let judgement: Judgement;
  let judged: InboxJudged;
  if (hasPayload) {
    value = body.webhook_payload;
    judgement = judgePayloadValue(value, spec.data, {
      ...limits,
      ...(text === undefined ? {} : { bodyBytes: Buffer.byteLength(text) }),
    });
    judged = judgedOf(judgement, 'webhook_payload');
    if (judgement.verdict === 'rejected')
      return errorResult(rejectPayload(judgement, '', ['body', 'webhook_payload']), judged);
  } else {
    const input = spec.data.webhook_input;
    if (input === undefined || input.trim() === '') {
      throw detailError(
        400,
        'The run has no webhook_payload and the webhook block has no webhook_input; send a webhook_payload.',
      );
    }
    judgement = judgePayloadText(input, spec.data, { ...limits, locate: false });
    judged = judgedOf(judgement, 'webhook_input');
    if (judgement.verdict === 'rejected')
      return errorResult(
        rejectPayload(judgement, "The webhook block's webhook_input was rejected: ", [
          'webhook_input',
        ]),
        judged,
      );
    value = parsePayloadText(input);
  }
  const rows = Array.isArray(value) ? value : [value];

  return {
    kind: 'insert',
    run: {
      job_id: newJobId(),
      workflow_id: workflow.id,
      // Bounded even for a workflow stored before names were: it is copied into every run.
      workflow_name: workflow.name.slice(0, WORKFLOW_NAME_MAX_LENGTH),
      save_json: query.save_json,
      result_formats: resultFormats,
      definitionJson: graphText(definition),
      payload: compressJson(JSON.stringify(rows)),
      specsOverrideJson:
        body.specs_override === undefined || body.specs_override === null
          ? null
          : JSON.stringify(body.specs_override),
      warningsJson: JSON.stringify([...planWarnings(effective.plan), ...warningsOf(judgement)]),
      blocksJson: JSON.stringify(initialBlockStates(effective.plan, nowIso())),
    },
    idempotency: hasIdemKey ? { keyHash: caller.keyHash, key: idemKey, hash } : null,
    judged,
  };
}

/** The 422 for an Idempotency-Key sent before with a different request. */
export const idempotencyKeyReused = (): HttpError =>
  validationError([
    {
      loc: ['header', 'Idempotency-Key'],
      msg: 'This Idempotency-Key was already used with a different request; use a new key for a new run.',
      type: 'idempotency_key_reused',
    },
  ]);
