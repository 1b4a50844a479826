import {
  judgePayloadText,
  judgePayloadValue,
  parsePayloadText,
  type Judgement,
} from '@core/judge/judge-payload.ts';
import type { FindingKind } from '@core/judge/judgement.ts';
import { asWebhookInputJudgement } from '@core/judge/webhook-input-verdict.ts';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import { INBOX_MAX_FINDINGS, type InboxJudged } from '@core/wire/inbox.ts';
import { detailError, HttpError } from '../http/http-error.ts';
import { MAX_REJECTION_ERRORS, type ReadRunRequest } from './read-run-request.ts';

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

/** What the judge said: the rows to run, or the refusal; `judged` for the inbox either way. */
export type JudgedRun =
  | { accepted: true; rows: unknown[]; judgement: Judgement; judged: InboxJudged }
  | { accepted: false; error: HttpError; judged: InboxJudged };

/**
 * Step 5: the judge, with the sandbox's limits, on the request's webhook_payload, or without
 * one on the webhook block's webhook_input (which must then exist). A single row object runs
 * as one row.
 */
export function judgeRunPayload(
  read: ReadRunRequest,
  spec: SpecModel,
  limits: { maxRows: number; maxBodyBytes: number },
): JudgedRun {
  if (read.hasPayload) {
    const value = read.body.webhook_payload;
    const judgement = judgePayloadValue(value, spec, {
      ...limits,
      ...(read.text === undefined ? {} : { bodyBytes: Buffer.byteLength(read.text) }),
    });
    const judged = judgedOf(judgement, 'webhook_payload');
    if (judgement.verdict === 'rejected') {
      return {
        accepted: false,
        error: rejectPayload(judgement, '', ['body', 'webhook_payload']),
        judged,
      };
    }
    return { accepted: true, rows: Array.isArray(value) ? value : [value], judgement, judged };
  }
  const input = spec.webhook_input;
  if (input === undefined || input.trim() === '') {
    throw detailError(
      400,
      'The run has no webhook_payload and the webhook block has no webhook_input; send a webhook_payload.',
    );
  }
  const judgement = asWebhookInputJudgement(
    judgePayloadText(input, spec, { ...limits, locate: false }),
  );
  const judged = judgedOf(judgement, 'webhook_input');
  if (judgement.verdict === 'rejected') {
    const error = rejectPayload(judgement, "The webhook block's webhook_input was rejected: ", [
      'webhook_input',
    ]);
    return { accepted: false, error, judged };
  }
  const value = parsePayloadText(input);
  return { accepted: true, rows: Array.isArray(value) ? value : [value], judgement, judged };
}
