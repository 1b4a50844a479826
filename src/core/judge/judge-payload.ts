import type { SpecModel } from '../spec/webhook-spec.ts';
import {
  countsByKind,
  createCollector,
  report,
  type FindingCollector,
} from './finding-collector.ts';
import { BYTE_ORDER_MARK_MESSAGE, tooLargeMessage } from './finding-messages.ts';
import type { Finding, Judgement, JudgeOptions } from './judgement.ts';
import { resolveLimits } from './judge-limits.ts';
import { judgeParsedValue } from './judge-value.ts';
import { locatePayload } from './locate-findings.ts';
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
 * the same checks on the parsed value (judge-value.ts), so they reach the same verdict;
 * the text variant adds what only text has: syntax errors, a BOM, the byte size,
 * duplicate keys and source ranges.
 *
 * How the text variant stays within 2× JSON.parse (see src/bench): JSON.parse, then
 * one loop over the parsed rows, then one walk from string to string with indexOf that
 * both counts the text's strings (a dropped duplicate key makes the text hold more than
 * the value) and finds the rows that have findings. Only when the counts differ does a
 * character-by-character scan find which rows repeat a key. No position tree is built;
 * only failed text goes through the syntax checker.
 *
 * Decisions, the same in both variants unless said:
 * - Byte order mark: JSON.parse refuses a leading U+FEFF, but RFC 8259 lets a parser
 *   ignore it and the browser never sends it (it sends JSON.stringify of the parsed
 *   value). So the text variant skips it with an info finding; offsets still count it.
 *   A U+FEFF anywhere else is a syntax error, as for JSON.parse.
 * - Lone surrogates: valid JSON grammar and JSON.parse keeps them, but they are not
 *   Unicode and break UTF-8 encoders downstream: a warning (lone_surrogate) for a row's
 *   string values and keys, raw or written as "\ud800"; nested values are not searched.
 * - Huge numbers: JSON.parse reads 12345678901234567890 as 12345678901234567000 and 1e400
 *   as Infinity. A non-finite number (which re-serialises as null) is a warning in any
 *   column; an integer column's value beyond Number.MAX_SAFE_INTEGER is a warning that it
 *   loses precision. Neither rejects: the API accepts them.
 * - Duplicate keys: JSON.parse keeps the last; the text variant reports each repeated key
 *   once per object, at any depth, as a warning ranged on the kept value. A parsed value
 *   has lost them, so the value variant cannot see them.
 * - null in an optional column is accepted without a finding, as if the key were absent.
 * - Depth: the payload is depth 1, a row of an array depth 2, a value in a row depth 3.
 * - Body size: the text's UTF-8 bytes, BOM included (counted only when the length leaves
 *   it in doubt; else the message gives the length as "at least"). The value variant
 *   checks `options.bodyBytes` when given. Over the limit still judges the rows, so the
 *   UI shows everything at once, but the verdict is 413.
 * - Which status a rejection gets when several apply: verdict-rules.ts.
 */

function finish(out: FindingCollector, summary: Judgement['summary']): Judgement {
  // Stable: payload-level findings first, then by row, each in the order found.
  const findings: Finding[] = out.findings.sort((a, b) => (a.row ?? -1) - (b.row ?? -1));
  const byKind = countsByKind(out);
  return {
    ...decideVerdict(findings, byKind, out.errors),
    findings,
    totals: { errors: out.errors, warnings: out.warnings, infos: out.infos, byKind },
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
  report(out, {
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
  const out = createCollector(limits.maxFindingsPerKind);
  const bodyBytes = options?.bodyBytes;
  if (bodyBytes !== undefined && bodyBytes > limits.maxBodyBytes) {
    reportTooLarge(out, bodyBytes, limits.maxBodyBytes);
  }
  const judged = judgeParsedValue(value, spec, limits, out);
  return finish(out, judged.summary);
}

/** A leading byte order mark, which the judge skips (see the decisions above). */
const hasByteOrderMark = (text: string): boolean => text.charCodeAt(0) === 0xfeff;

/**
 * Parses payload text as the judge reads it, a leading BOM skipped: for a caller that
 * needs the value after judgePayloadText accepted the text (the sandbox's webhook_input).
 * Throws a SyntaxError for text the judge rejects as invalid JSON.
 */
export function parsePayloadText(text: string): unknown {
  return JSON.parse(hasByteOrderMark(text) ? text.slice(1) : text);
}

/** Judges the raw text of a payload (the editor's text, or a spec's `webhook_input`). */
export function judgePayloadText(text: string, spec: SpecModel, options?: JudgeOptions): Judgement {
  const limits = resolveLimits(options);
  const out = createCollector(limits.maxFindingsPerKind);
  const from = hasByteOrderMark(text) ? 1 : 0;
  if (from === 1) {
    report(out, {
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
    report(out, {
      kind: 'invalid_json',
      severity: 'error',
      row: null,
      column: null,
      pointer: '',
      ...problem,
    });
    return finish(out, summarize(0, buildColumnTable(spec)));
  }

  const judged = judgeParsedValue(value, spec, limits, out);
  if (options?.locate !== false) locatePayload(text, from, judged, out);
  return finish(out, judged.summary);
}
