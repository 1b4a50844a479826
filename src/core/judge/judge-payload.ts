import type { SpecModel } from '../spec/webhook-spec.ts';
import { FindingCollector } from './finding-collector.ts';
import { BYTE_ORDER_MARK_MESSAGE, tooLargeMessage } from './finding-messages.ts';
import type { Finding, Judgement, JudgeOptions } from './judgement.ts';
import { resolveLimits } from './judge-limits.ts';
import { judgeParsedValue, type ValueJudgement } from './judge-value.ts';
import { locateFindings, reportDuplicateKeys } from './locate-findings.ts';
import { scanRows } from './scan-rows.ts';
import { summarize } from './summary.ts';
import { buildColumnTable } from './column-table.ts';
import { describeSyntaxError } from './syntax-error.ts';
import { bytesOverLimit } from './utf8-length.ts';
import { decideVerdict } from './verdict-rules.ts';

export type {
  ColumnSummary,
  DatasetSummary,
  Finding,
  FindingKind,
  Judgement,
  JudgeOptions,
  JsonTypeName,
  RejectionStatus,
  Severity,
} from './judgement.ts';
export { FINDING_KINDS } from './judgement.ts';
export { offsetToLineColumn } from './line-column.ts';

/*
 * The one judge (contract, "How a payload is judged"): the browser's worker calls
 * judgePayloadText with the editor's text, the sandbox calls judgePayloadValue with the
 * parsed `webhook_payload` (or judgePayloadText with a spec's `webhook_input`). Both run
 * the same checks on the parsed value, so they reach the same verdict.
 *
 * Decisions, the same in both variants unless said:
 * - Byte order mark: JSON.parse refuses a leading U+FEFF, but RFC 8259 lets a parser
 *   ignore it and the browser never sends it (it sends JSON.stringify of the parsed
 *   value). So the text variant skips it with an info finding; offsets still count it.
 * - Lone surrogates: valid JSON grammar and JSON.parse keeps them, but they are not
 *   Unicode and break UTF-8 encoders downstream: a warning (lone_surrogate) for string
 *   values and keys of rows; nested values are not searched.
 * - Huge numbers: JSON.parse reads 12345678901234567890 as 12345678901234567000 and 1e400
 *   as Infinity. A non-finite number (which re-serialises as null) is a warning in any
 *   column; an integer column's value beyond Number.MAX_SAFE_INTEGER is a warning that it
 *   loses precision. Neither rejects: the API accepts them.
 * - Duplicate keys: JSON.parse keeps the last; the text variant reports each repeated key
 *   once per object as a warning, ranged on the kept value. A parsed value has lost them.
 * - null in an optional column is accepted without a finding, as if the key were absent.
 * - Depth: the payload is depth 1, a row of an array depth 2, a value in a row depth 3.
 * - Body size: the text's UTF-8 bytes (BOM included; counted only when its length
 *   leaves it in doubt, else the message gives the length as "at least"); the value variant checks
 *   `options.bodyBytes` when given. Over the limit still judges the rows, so the UI can
 *   show everything at once, but the verdict is 413.
 */

function finish(out: FindingCollector, summary: Judgement['summary']): Judgement {
  // Stable: payload-level findings first, then by row, each in the order found.
  const findings: Finding[] = out.findings.sort((a, b) => (a.row ?? -1) - (b.row ?? -1));
  return {
    ...decideVerdict(findings, out.byKind, out.errors),
    findings,
    totals: { errors: out.errors, warnings: out.warnings, infos: out.infos, byKind: out.byKind },
    truncated: out.truncated,
    summary,
  };
}

function reportTooLarge(
  out: FindingCollector,
  bytes: number,
  maxBytes: number,
  exact = true,
): void {
  out.report({
    kind: 'too_large',
    severity: 'error',
    row: null,
    column: null,
    pointer: '',
    message: tooLargeMessage(bytes, maxBytes, exact),
  });
}

/** Judges an already-parsed payload (the sandbox's `webhook_payload`). */
export function judgePayloadValue(
  value: unknown,
  spec: SpecModel,
  options?: JudgeOptions,
): Judgement {
  const limits = resolveLimits(options);
  const out = new FindingCollector(limits.maxFindingsPerKind);
  const bodyBytes = options?.bodyBytes;
  if (bodyBytes !== undefined && bodyBytes > limits.maxBodyBytes) {
    reportTooLarge(out, bodyBytes, limits.maxBodyBytes);
  }
  const judged = judgeParsedValue(value, spec, limits, out);
  return finish(out, judged.summary);
}

/** Judges the raw text of a payload (the editor's text, or a spec's `webhook_input`). */
export function judgePayloadText(text: string, spec: SpecModel, options?: JudgeOptions): Judgement {
  const limits = resolveLimits(options);
  const out = new FindingCollector(limits.maxFindingsPerKind);
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (from === 1) {
    out.report({
      kind: 'byte_order_mark',
      severity: 'info',
      row: null,
      column: null,
      pointer: '',
      offset: 0,
      length: 1,
      message: BYTE_ORDER_MARK_MESSAGE,
    });
  }
  const size = bytesOverLimit(text, limits.maxBodyBytes);
  if (size) reportTooLarge(out, size.bytes, limits.maxBodyBytes, size.exact);

  let value: unknown;
  try {
    value = JSON.parse(from === 0 ? text : text.slice(from));
  } catch {
    const problem = describeSyntaxError(text, from);
    out.report({
      kind: 'invalid_json',
      severity: 'error',
      row: null,
      column: null,
      pointer: '',
      ...problem,
    });
    return finish(out, summarize(0, buildColumnTable(spec)));
  }

  const judged: ValueJudgement = judgeParsedValue(value, spec, limits, out);
  if (options?.locate !== false && judged.layout !== 'none') {
    const table = scanRows(text, from, judged.members.length);
    reportDuplicateKeys(text, judged, table, out);
    if (out.findings.length > 0) locateFindings(text, out.findings, judged.layout, table);
  } else if (options?.locate !== false) {
    const table = scanRows(text, from, 0);
    locateFindings(text, out.findings, judged.layout, table);
  }
  return finish(out, judged.summary);
}
