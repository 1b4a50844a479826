import type { Finding, FindingKind, Judgement, Severity } from '@core/judge/judgement.ts';

/** Findings of one kind in one column ("website missing in 500 rows"), in the judge's order. */
export type ProblemGroup = {
  key: string;
  kind: FindingKind;
  column: string | null;
  severity: Severity;
  findings: Finding[];
  /** The judge keeps 1,000 findings a kind: more of this kind may exist than are listed. */
  more: boolean;
  label: string;
};

export type SeverityFilter = 'all' | Severity;

const rows = (count: number, more: boolean): string =>
  `${more ? 'at least ' : ''}${count.toLocaleString('en-US')} ${count === 1 ? 'row' : 'rows'}`;

function groupLabel(
  kind: FindingKind,
  column: string | null,
  count: number,
  more: boolean,
): string {
  const name = column ?? 'The payload';
  const where = rows(count, more);
  switch (kind) {
    case 'missing_required':
      return `${name} missing in ${where}`;
    case 'null_required':
      return `${name} null in ${where}`;
    case 'type_mismatch':
      return `${name} of the wrong type in ${where}`;
    case 'unsafe_number':
      return `${name} too big for a number in ${where}`;
    case 'advisory_column':
      return `${name} is not in the spec (${where})`;
    case 'duplicate_key':
      return `${name} given twice in ${where}`;
    case 'lone_surrogate':
      return `${name} with broken text in ${where}`;
    case 'invalid_json':
      return 'Syntax error';
    default:
      return column === null
        ? kind.replaceAll('_', ' ')
        : `${column}: ${kind.replaceAll('_', ' ')}`;
  }
}

/**
 * The findings grouped by kind and column, errors first, each group in the judge's order;
 * only those of the chosen severity.
 */
export function groupProblems(judgement: Judgement, filter: SeverityFilter): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  const listedByKind = new Map<FindingKind, number>();
  for (const finding of judgement.findings) {
    listedByKind.set(finding.kind, (listedByKind.get(finding.kind) ?? 0) + 1);
    if (filter !== 'all' && finding.severity !== filter) continue;
    const key = `${finding.kind}\u0000${finding.column ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        kind: finding.kind,
        column: finding.column,
        severity: finding.severity,
        findings: [],
        more: false,
        label: '',
      };
      groups.set(key, group);
    }
    group.findings.push(finding);
  }
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return [...groups.values()]
    .map((group) => {
      const more = judgement.totals.byKind[group.kind] > (listedByKind.get(group.kind) ?? 0);
      // An advisory column is one finding for the whole payload; its rows are in the summary.
      const count =
        group.kind === 'advisory_column'
          ? (judgement.summary.columns.find((column) => column.name === group.column)?.present ??
            group.findings.length)
          : group.findings.length;
      return {
        ...group,
        more,
        label: groupLabel(group.kind, group.column, count, more),
      };
    })
    .sort((a, b) => order[a.severity] - order[b.severity]);
}
