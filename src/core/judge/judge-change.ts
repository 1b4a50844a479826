import type { SpecModel } from '../spec/webhook-spec.ts';
import type { ImpactChange } from '../wire/change-impact.ts';
import { judgePayloadValue } from './judge-payload.ts';
import type { Finding, Judgement } from './judgement.ts';

export type VerdictCounts = { verdict: 'accepted' | 'rejected'; errors: number; warnings: number };

export type JudgedChange = {
  before: VerdictCounts;
  after: VerdictCounts;
  change: ImpactChange;
  /** The first finding the new spec adds (an error when newly refused). */
  message: string | null;
};

const countsOf = (judgement: Judgement): VerdictCounts => ({
  verdict: judgement.verdict,
  errors: judgement.totals.errors,
  warnings: judgement.totals.warnings,
});

/** A finding's identity across two judgements of the same payload. */
const keyOf = (finding: Finding): string =>
  `${finding.kind}\u0000${finding.severity}\u0000${finding.pointer}`;

/**
 * One payload judged against the spec before and after a change, with the sandbox's judge:
 * whether its verdict moves (accepted → refused, or back), or only its warnings do.
 */
export function judgeChange(value: unknown, before: SpecModel, after: SpecModel): JudgedChange {
  const old = judgePayloadValue(value, before, { locate: false });
  const next = judgePayloadValue(value, after, { locate: false });
  const seen = new Set(old.findings.map(keyOf));
  const added = next.findings.filter((finding) => !seen.has(keyOf(finding)));
  const change: ImpactChange =
    old.verdict === 'accepted' && next.verdict === 'rejected'
      ? 'newly_refused'
      : old.verdict === 'rejected' && next.verdict === 'accepted'
        ? 'newly_accepted'
        : next.totals.warnings > old.totals.warnings ||
            (next.verdict === 'accepted' && added.some((f) => f.severity === 'warning'))
          ? 'new_warnings'
          : next.totals.warnings < old.totals.warnings
            ? 'fewer_warnings'
            : 'unchanged';
  const first =
    change === 'newly_refused'
      ? (added.find((finding) => finding.severity === 'error') ??
        next.findings.find((finding) => finding.severity === 'error'))
      : added.find((finding) => finding.severity !== 'info');
  return {
    before: countsOf(old),
    after: countsOf(next),
    change,
    message: change === 'unchanged' ? null : (first?.message ?? next.rejection?.message ?? null),
  };
}
