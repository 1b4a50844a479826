import type { Finding, FindingKind, Judgement, RejectionStatus } from './judgement.ts';

/**
 * The kinds that reject a payload and the status the API answers with (contract, "How a
 * payload is judged" and "Limits"). Every limit's status lives here and nowhere else.
 */
export const REJECTION_STATUS = {
  too_large: 413,
  invalid_json: 422,
  // FastAPI checks webhook_payload against the OpenAPI model first: a string, a number or a
  // row that is not an object is a 422 (contract, "Revision of 2026-12-02").
  not_rows: 422,
  empty_payload: 400,
  too_many_rows: 400,
  // 422, as the server's body parser answers nesting past the limit (issue 6: "Nesting
  // 10,000 deep → 422 naming the depth limit"); browser and sandbox say the same.
  too_deep: 422,
  missing_required: 400,
  null_required: 400,
} as const satisfies Partial<Record<FindingKind, RejectionStatus>>;

type RejectingKind = keyof typeof REJECTION_STATUS;

/**
 * Which rejection the API reports when several apply: the order a server meets them in.
 * The body limit comes before parsing, parsing before the shape, the shape before rows.
 */
const REJECTION_ORDER: readonly RejectingKind[] = [
  'too_large',
  'invalid_json',
  // The server's parser refuses nesting past the limit while it reads the body.
  'too_deep',
  'not_rows',
  'empty_payload',
  'too_many_rows',
  'missing_required',
  'null_required',
];

/** The kind a rejection reports: the first in REJECTION_ORDER that was found. */
export const rejectingKind = (byKind: Record<FindingKind, number>): RejectingKind =>
  REJECTION_ORDER.find((candidate) => byKind[candidate] > 0) ?? 'invalid_json';

/** The verdict and, when rejected, the status and a sentence for the API's `detail`. */
export function decideVerdict(
  findings: readonly Finding[],
  byKind: Record<FindingKind, number>,
  errors: number,
): Pick<Judgement, 'verdict' | 'rejection'> {
  if (errors === 0) return { verdict: 'accepted' };
  const kind = rejectingKind(byKind);
  const first = findings.find((finding) => finding.kind === kind);
  const lead = first?.message ?? 'The payload was rejected.';
  const more = errors - 1;
  const tail = more > 0 ? ` The payload has ${more} more ${more === 1 ? 'error' : 'errors'}.` : '';
  return {
    verdict: 'rejected',
    rejection: { status: REJECTION_STATUS[kind], message: lead + tail },
  };
}
