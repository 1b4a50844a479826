import { judgePayloadText, type Finding } from '../../../../core/judge/judge-payload.ts';
import type { EffectiveSpec, OverrideReading } from './effective-spec.ts';

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
 * Judges the run before it is sent, with the same judge and the same effective spec the API
 * uses (contract, "How a payload is judged", "specs_override").
 */
export function prepareRun(
  payloadText: string,
  override: OverrideReading,
  effective: EffectiveSpec,
): Preflight {
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
  const body: RunBody | undefined =
    override.kind === 'error'
      ? undefined
      : !hasPayload
        ? { kind: 'json', body: withOverride }
        : parsed.ok
          ? { kind: 'json', body: { webhook_payload: parsed.value, ...withOverride } }
          : {
              kind: 'raw',
              text: `{"webhook_payload": ${payloadText}${overrideValue === undefined ? '' : `, "specs_override": ${JSON.stringify(overrideValue)}`}}`,
            };
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
  const judgement = judgePayloadText(text, effective.model, { locate: false });
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
    body: body ?? { kind: 'json', body: withOverride },
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
