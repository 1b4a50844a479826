import { FINDING_KINDS, type Finding, type FindingKind, type Severity } from './judgement.ts';

/**
 * Counts every finding and keeps at most `maxPerKind` of each kind. Callers ask `admit`
 * first and build the finding (its message) only when it will be kept, so a payload with
 * a million bad cells costs counting, not a million sentences.
 */
export class FindingCollector {
  readonly findings: Finding[] = [];
  readonly byKind: Record<FindingKind, number>;
  errors = 0;
  warnings = 0;
  infos = 0;
  truncated = false;

  constructor(private readonly maxPerKind: number) {
    const byKind = {} as Record<FindingKind, number>; // filled for every kind just below
    for (const kind of FINDING_KINDS) byKind[kind] = 0;
    this.byKind = byKind;
  }

  /** Counts one finding; true when the caller should build it and `add` it. */
  admit(kind: FindingKind, severity: Severity): boolean {
    if (severity === 'error') this.errors += 1;
    else if (severity === 'warning') this.warnings += 1;
    else this.infos += 1;
    const count = (this.byKind[kind] += 1);
    if (count > this.maxPerKind) {
      this.truncated = true;
      return false;
    }
    return true;
  }

  add(finding: Finding): void {
    this.findings.push(finding);
  }

  /** `admit` and `add` in one, for findings that are cheap to build. */
  report(finding: Finding): void {
    if (this.admit(finding.kind, finding.severity)) this.add(finding);
  }
}
