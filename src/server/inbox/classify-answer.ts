import { z } from 'zod';
import type { FindingKind } from '@core/judge/judgement.ts';
import { validationErrorSchema } from '@core/wire/errors.ts';
import type { InboxCause, InboxJudged } from '@core/wire/inbox.ts';

/**
 * The causes the judge's kinds stand for. All but type_mismatch reject; a wrong type is a
 * warning (the judge accepts the run), recorded as a cause of the accepted request.
 */
const CAUSE_OF_KIND: Partial<Record<FindingKind, InboxCause>> = {
  invalid_json: 'malformed_json',
  too_large: 'too_large',
  not_rows: 'not_array_of_objects',
  empty_payload: 'empty_payload',
  too_many_rows: 'too_many_rows',
  too_deep: 'too_deep',
  missing_required: 'missing_required_column',
  null_required: 'missing_required_column',
  type_mismatch: 'wrong_type',
};

/** FastAPI 422 error types the run endpoint answers, by what they mean for the sender. */
const CAUSE_OF_422_TYPE: Record<string, InboxCause> = {
  json_invalid: 'malformed_json',
  json_too_deep: 'too_deep',
  // The body was not sent as JSON at all (another Content-Type).
  model_attributes_type: 'malformed_json',
};

const detailSchema = z.object({ detail: z.union([z.string(), z.array(validationErrorSchema)]) });

const unique = (causes: InboxCause[]): InboxCause[] => [...new Set(causes)];

function causeOf422(error: z.infer<typeof validationErrorSchema>): InboxCause {
  const byType = CAUSE_OF_422_TYPE[error.type];
  if (byType !== undefined) return byType;
  const inPayload = error.loc[0] === 'body' && error.loc[1] === 'webhook_payload';
  if (inPayload && (error.type === 'dict_type' || error.type === 'model_type')) {
    return 'not_array_of_objects';
  }
  return 'invalid_request';
}

/** The causes of the judge's findings of one severity. */
const causesOf = (judged: InboxJudged | undefined, severity: 'error' | 'warning'): InboxCause[] =>
  unique(
    (judged?.findings ?? []).flatMap((finding) => {
      const cause = finding.severity === severity ? CAUSE_OF_KIND[finding.kind] : undefined;
      return cause === undefined ? [] : [cause];
    }),
  );

/**
 * Why a run request was refused, from what the sandbox did: the judge's errors when the judge
 * refused it (the answer is then that rejection), else the answer itself — its status and, where
 * one status has several reasons, its detail. Never a second judgement of the body. For an
 * accepted request, the causes of its warnings (a wrong type).
 */
export function classifyAnswer(
  statusCode: number,
  answer: string,
  judged: InboxJudged | undefined,
): InboxCause[] {
  if (statusCode < 300) return causesOf(judged, 'warning');
  const judgeCauses = causesOf(judged, 'error');
  if (judgeCauses.length > 0) return judgeCauses;

  let detail: string | z.infer<typeof validationErrorSchema>[] = '';
  try {
    const parsed = detailSchema.safeParse(JSON.parse(answer));
    if (parsed.success) detail = parsed.data.detail;
  } catch {
    // An answer that is not JSON (none should be): classified by status alone.
  }
  switch (statusCode) {
    case 401:
      return ['auth'];
    case 400:
      // Both 400s of auth (JWT with a payload, several x-api-key lines) tell to send x-api-key.
      return [typeof detail === 'string' && /x-api-key/i.test(detail) ? 'auth' : 'other'];
    case 404:
      return ['unknown_workflow'];
    case 413:
      return ['too_large'];
    case 422:
      return Array.isArray(detail) && detail.length > 0
        ? unique(detail.map(causeOf422))
        : ['invalid_request'];
    case 429:
      return ['rate_limited'];
    // Only the proxy answers these: Sixtyfour could not be reached, or failed (5xx).
    case 502:
    case 504:
      return ['unavailable'];
    case 503:
      return [
        typeof detail === 'string' && detail.includes('INLET_MAX_QUEUED_RUNS')
          ? 'queue_full'
          : 'unavailable',
      ];
    default:
      return ['other'];
  }
}
