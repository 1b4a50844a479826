import type { z } from 'zod';
import { runWorkflowBodyInputSchema, runWorkflowQuerySchema } from '@core/wire/run.ts';
import type { ValidationError } from '@core/wire/errors.ts';
import type { Caller } from '../auth/api-auth.ts';
import { detailError, parseOr422, validationError } from '../http/http-error.ts';
import { readJsonBody } from '../http/read-json-body.ts';
import type { IntakeRequest } from './prepare-run.ts';

/** Errors of one kind reported with a refusal, at most this many. */
export const MAX_REJECTION_ERRORS = 100;

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

/** A run request read and checked as far as it goes without the store. */
export type ReadRunRequest = {
  /** The body's text (after a byte order mark); undefined without a body. */
  text: string | undefined;
  query: z.output<typeof runWorkflowQuerySchema>;
  body: z.output<typeof runWorkflowBodyInputSchema>;
  hasPayload: boolean;
  caller: Extract<Caller, { kind: 'api-key' }>;
};

/**
 * Step 1 of a run request: the body read as JSON, query and body checked against the OpenAPI
 * schemas, the payload's shape, then the caller: a webhook_payload only with an API key.
 * Throws the HttpError of the first check that fails, in FastAPI's order.
 */
export function readRunRequest(request: IntakeRequest): ReadRunRequest {
  const read = request.body === undefined ? undefined : readJsonBody(request.body);
  if (read && !read.ok) throw validationError(read.errors);
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
  return { text: read?.text, query, body, hasPayload, caller };
}
