import { FINDING_KINDS, type Finding, type FindingKind, type Severity } from './judgement.ts';

/**
 * Counts every finding and keeps at most `maxPerKind` of each kind. Callers ask `admit`
 * first and build the finding (its message) only when it will be kept, so a payload with
 * a million bad cells costs counting, not a million sentences.
 *
 * A plain object from one literal, not a class instance: an instance's hidden classes
 * (made as its fields are assigned) die with it at the next GC, and V8 then throws away
 * the judge's optimised code that saw them, once per payload. A literal's class lives on.
 */
export type FindingCollector = {
  readonly findings: Finding[];
  errors: number;
  warnings: number;
  infos: number;
  truncated: boolean;
  readonly counts: Map<FindingKind, number>;
  readonly maxPerKind: number;
};

export const createCollector = (maxPerKind: number): FindingCollector => ({
  findings: [],
  errors: 0,
  warnings: 0,
  infos: 0,
  truncated: false,
  counts: new Map(),
  maxPerKind,
});

/** Counts one finding; true when the caller should build it and `add` it. */
export function admit(out: FindingCollector, kind: FindingKind, severity: Severity): boolean {
  if (severity === 'error') out.errors += 1;
  else if (severity === 'warning') out.warnings += 1;
  else out.infos += 1;
  const count = (out.counts.get(kind) ?? 0) + 1;
  out.counts.set(kind, count);
  if (count > out.maxPerKind) {
    out.truncated = true;
    return false;
  }
  return true;
}

/** `admit`, and keep the finding when admitted; for findings that are cheap to build. */
export function report(out: FindingCollector, finding: Finding): void {
  if (admit(out, finding.kind, finding.severity)) out.findings.push(finding);
}

/** Every kind with its count, zeros included. */
export const countsByKind = (out: FindingCollector): Record<FindingKind, number> =>
  // fromEntries types its keys as string; they are exactly the kinds.
  Object.fromEntries(FINDING_KINDS.map((kind) => [kind, out.counts.get(kind) ?? 0])) as Record<
    FindingKind,
    number
  >;
