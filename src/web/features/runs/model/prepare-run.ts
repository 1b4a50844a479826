import type { Finding, Judgement } from '@core/judge/judgement.ts';
import { asWebhookInputJudgement } from '@core/judge/webhook-input-verdict.ts';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import type { EffectiveSpec, OverrideReading } from './effective-spec.ts';

/**
 * Judges a payload text against a spec for the preflight, with the same core judge as the
 * API. The app gives the payload worker's (its latest judgement when that is of this text
 * and spec, else a one-off in the worker), so a large payload is never judged again on the
 * main thread when "Run test" is pressed.
 */
export type RunJudge = (text: string, spec: SpecModel) => Promise<Judgement>;

/** What "Run test" sends: a JSON body, or raw text when the payload is not JSON at all. */
export type RunBody =
  | { kind: 'json'; body: { webhook_payload?: unknown; specs_override?: Record<string, unknown> } }
  | { kind: 'raw'; text: string };

export type Preflight =
  | { verdict: 'accepted'; body: RunBody; warnings: Finding[] }
  /** The API would refuse it; `body` is what "Send anyway" sends, when there is one. */
  | { verdict: 'rejected'; message: string; findings: Finding[]; body: RunBody | undefined };

const MAX_SHOWN_FINDINGS = 5;

/**
 * The body "Run test" would send (as "Copy request" shows it): the payload parsed when it is
 * JSON, else as raw text; undefined while the override does not read.
 */
export function runBodyOf(payloadText: string, override: OverrideReading): RunBody | undefined {
  const overrideValue = override.kind === 'ok' ? override.override : undefined;
  const withOverride = overrideValue === undefined ? {} : { specs_override: overrideValue };
  const hasPayload = payloadText.trim() !== '';
  let parsed: { ok: true; value: unknown } | { ok: false } = { ok: false };
  if (hasPayload) {
    try {
      parsed = { ok: true, value: JSON.parse(payloadText) };
    } catch {
      parsed = { ok: false };
    }
  }
  return override.kind === 'error'
    ? undefined
    : !hasPayload
      ? { kind: 'json', body: withOverride }
      : parsed.ok
        ? { kind: 'json', body: { webhook_payload: parsed.value, ...withOverride } }
        : {
            kind: 'raw',
            text: `{"webhook_payload": ${payloadText}${overrideValue === undefined ? '' : `, "specs_override": ${JSON.stringify(overrideValue)}`}}`,
          };
}

/**
 * Judges the run before it is sent, with the same judge and the same effective spec the API
 * uses (contract, "How a payload is judged", "specs_override"); `judge` does the judging.
 */
export async function prepareRun(
  payloadText: string,
  override: OverrideReading,
  effective: EffectiveSpec,
  judge: RunJudge,
): Promise<Preflight> {
  const body = runBodyOf(payloadText, override);
  const hasPayload = payloadText.trim() !== '';
  if (override.kind === 'error') {
    return { verdict: 'rejected', message: override.message, findings: [], body };
  }
  if (!effective.success) {
    return { verdict: 'rejected', message: effective.message, findings: [], body };
  }
  const text = hasPayload ? payloadText : effective.model.webhook_input;
  if (text === undefined || text.trim() === '') {
    return {
      verdict: 'rejected',
      message:
        'There is no sample payload and the webhook block has no webhook_input: add a sample payload.',
      findings: [],
      body,
    };
  }
  const judged = await judge(text, effective.model);
  const judgement = hasPayload ? judged : asWebhookInputJudgement(judged);
  const source = hasPayload ? 'The sample payload' : "The spec's webhook_input";
  if (judgement.verdict === 'rejected') {
    return {
      verdict: 'rejected',
      message: `${source} would be rejected (${judgement.rejection?.status ?? 400}): ${judgement.rejection?.message ?? 'see below.'}`,
      findings: judgement.findings
        .filter((finding) => finding.severity === 'error')
        .slice(0, MAX_SHOWN_FINDINGS),
      body,
    };
  }
  return {
    verdict: 'accepted',
    body: body ?? { kind: 'json', body: {} },
    warnings: judgement.findings.filter((finding) => finding.severity === 'warning'),
  };
}

/** Where a finding is, for people: "Row 3, column "email"". */
export function findingPlace(finding: Finding): string {
  const parts = [
    finding.row === null ? undefined : `Row ${finding.row + 1}`,
    finding.column === null ? undefined : `column "${finding.column}"`,
  ].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? 'Payload' : parts.join(', ');
}
