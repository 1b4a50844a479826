import type Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  judgePayloadText,
  judgePayloadValue,
  parsePayloadText,
  type Judgement,
} from '../../core/judge/judge-payload.ts';
import type { FindingKind } from '../../core/judge/judgement.ts';
import { applySpecsOverride } from '../../core/workflow/specs-override.ts';
import { checkWebhookSource } from '../../core/workflow/workflow-graph.ts';
import {
  runWorkflowBodyInputSchema,
  runWorkflowQuerySchema,
  type WorkflowRunStartedResponse,
} from '../../core/wire/run.ts';
import type { WorkflowGraph } from '../../core/wire/workflow.ts';
import { clip, detailError, HttpError, parseOr422, validationError } from '../http/http-error.ts';
import { crashPoint } from '../runs/crash-point.ts';
import type { Executor } from '../runs/executor.ts';
import { initialBlockStates } from '../runs/block-states.ts';
import type { IdempotencyStore } from '../store/idempotency-store.ts';
import type { NewRun, RunStore, RunWarning } from '../store/run-store.ts';
import { nowIso } from '../store/timestamps.ts';
import type { WorkflowStore } from '../store/workflow-store.ts';
import { isUuid } from '../workflows/normalize-block-ids.ts';
import type { ValidationCache } from '../workflows/validation-cache.ts';

export type RunRouteDeps = {
  db: Database.Database;
  workflows: WorkflowStore;
  runs: RunStore;
  idempotency: IdempotencyStore;
  executor: Executor;
  validation: ValidationCache;
  maxRows: number;
  maxBodyBytes: number;
};

/** Errors reported with a payload rejection, at most this many. */
const MAX_REJECTION_ERRORS = 100;
/** Warnings and notes (advisory columns) recorded with a run, at most this many. */
const MAX_RECORDED_WARNINGS = 1_000;

const headerValue = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

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

const warningsOf = (judgement: Judgement): RunWarning[] =>
  judgement.findings
    .filter((finding) => finding.severity !== 'error')
    .slice(0, MAX_RECORDED_WARNINGS)
    .map((finding) => ({ row: finding.row, column: finding.column, message: finding.message }));

const bodyHash = (request: FastifyRequest, workflowId: string, saveJson: boolean): string =>
  createHash('sha256')
    .update(`${workflowId}\n${String(saveJson)}\n${request.rawBody ?? ''}`)
    .digest('hex');

/** `POST /workflows/run` (contract, "Endpoints", "The webhook block spec", "specs_override", "Runs"). */
export function registerRunRoute(app: FastifyInstance, deps: RunRouteDeps): void {
  const { workflows, runs, idempotency, executor, validation } = deps;
  // Built once: better-sqlite3's transaction() wraps the function anew on every call.
  const insertRun = deps.db.transaction(
    (run: NewRun, idem: { keyHash: string; key: string; hash: string } | undefined) => {
      runs.insert(run);
      if (idem) idempotency.save(idem.keyHash, idem.key, idem.hash, run.job_id);
    },
  );

  app.post('/workflows/run', (request, reply): WorkflowRunStartedResponse => {
    const query = parseOr422(runWorkflowQuerySchema, request.query, ['query']);
    const body = parseOr422(runWorkflowBodyInputSchema, request.body ?? {}, ['body']);
    const hasPayload = body.webhook_payload !== undefined && body.webhook_payload !== null;
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
    if (!executor.accepting) {
      void reply.header('Retry-After', '5');
      throw detailError(
        503,
        'The sandbox is shutting down and takes no new runs; retry once it is back.',
      );
    }

    const idemKey = headerValue(request.headers['idempotency-key']);
    const hasIdemKey = idemKey !== undefined && idemKey !== '';
    // Hashed only when a key asks for it: the hash covers the whole body.
    const hash = hasIdemKey ? bodyHash(request, query.workflow_id, query.save_json) : '';
    if (hasIdemKey) {
      const previous = idempotency.find(caller.keyHash, idemKey);
      if (previous) {
        if (previous.body_hash !== hash) {
          throw validationError([
            {
              loc: ['header', 'Idempotency-Key'],
              msg: 'This Idempotency-Key was already used with a different request; use a new key for a new run.',
              type: 'idempotency_key_reused',
            },
          ]);
        }
        const run = runs.get(previous.job_id);
        if (run) {
          return {
            status: run.status,
            workflow_id: run.workflow_id,
            job_id: run.job_id,
            cache_config: null,
            already_started: true,
          };
        }
      }
    }

    const workflow = isUuid(query.workflow_id)
      ? workflows.get(query.workflow_id.toLowerCase())
      : undefined;
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
              block.block_id === source.source.blockId
                ? { ...block, specs: override.specs }
                : block,
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

    const limits = { maxRows: deps.maxRows, maxBodyBytes: deps.maxBodyBytes };
    let value: unknown;
    let judgement: Judgement;
    if (hasPayload) {
      value = body.webhook_payload;
      judgement = judgePayloadValue(value, spec.data, {
        ...limits,
        ...(request.rawBody === undefined ? {} : { bodyBytes: Buffer.byteLength(request.rawBody) }),
      });
      if (judgement.verdict === 'rejected')
        throw rejectPayload(judgement, '', ['body', 'webhook_payload']);
    } else {
      const input = spec.data.webhook_input;
      if (input === undefined || input.trim() === '') {
        throw detailError(
          400,
          'The run has no webhook_payload and the webhook block has no webhook_input; send a webhook_payload.',
        );
      }
      judgement = judgePayloadText(input, spec.data, { ...limits, locate: false });
      if (judgement.verdict === 'rejected')
        throw rejectPayload(judgement, "The webhook block's webhook_input was rejected: ", [
          'webhook_input',
        ]);
      value = parsePayloadText(input);
    }
    const rows = Array.isArray(value) ? value : [value];

    const jobId = randomUUID();
    // Committed (WAL) before the answer: a killed server restarts with the run queued.
    insertRun(
      {
        job_id: jobId,
        workflow_id: workflow.id,
        workflow_name: workflow.name,
        save_json: query.save_json,
        definition,
        payloadJson: JSON.stringify(rows),
        specsOverrideJson:
          body.specs_override === undefined || body.specs_override === null
            ? null
            : JSON.stringify(body.specs_override),
        warnings: warningsOf(judgement),
        blocks: initialBlockStates(effective.plan, nowIso()),
      },
      hasIdemKey ? { keyHash: caller.keyHash, key: idemKey, hash } : undefined,
    );
    crashPoint('run-inserted');
    executor.notify();
    return { status: 'queued', workflow_id: workflow.id, job_id: jobId, cache_config: null };
  });
}
