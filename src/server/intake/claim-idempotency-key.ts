import { createHash } from 'node:crypto';
import type { ResultFormat } from '@core/wire/results.ts';
import { type HttpError, validationError } from '../http/http-error.ts';
import type { IdempotencyStore } from '../store/idempotency-store.ts';
import type { ReadRunRequest } from './read-run-request.ts';

/** An Idempotency-Key this run claims, with the hash of the request it was sent with. */
export type IdempotencyClaim = { keyHash: string; key: string; hash: string };

/** The 422 for an Idempotency-Key sent before with a different request. */
export const idempotencyKeyReused = (): HttpError =>
  validationError([
    {
      loc: ['header', 'Idempotency-Key'],
      msg: 'This Idempotency-Key was already used with a different request; use a new key for a new run.',
      type: 'idempotency_key_reused',
    },
  ]);

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
 * Step 2: the Idempotency-Key. Sent before with the same request: `replay` that run; with a
 * different one: the 422. A new key: the claim the committer writes with the run (and checks
 * again inside its transaction). No key: no claim, and the body is not hashed.
 */
export function claimIdempotencyKey(
  idempotency: Pick<IdempotencyStore, 'find'>,
  read: ReadRunRequest,
  key: string | undefined,
): { replay: string } | { claim: IdempotencyClaim | null } {
  if (key === undefined || key === '') return { claim: null };
  const { query, caller } = read;
  const hash = bodyHash(read.text ?? '', query.workflow_id, query.save_json, query.result_formats);
  const previous = idempotency.find(caller.keyHash, key);
  if (previous) {
    if (previous.body_hash !== hash) throw idempotencyKeyReused();
    return { replay: previous.job_id };
  }
  return { claim: { keyHash: caller.keyHash, key, hash } };
}
