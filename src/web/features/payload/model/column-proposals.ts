import type { InferredColumn } from '@core/judge/judgement.ts';
import { columnNameKey } from '@core/spec/column-name.ts';
import type { Column } from '@core/spec/webhook-spec.ts';

/**
 * One inferred column set against the spec: `new` can be added; `existing` is already in
 * the spec (by name as the API compares names) and is never changed from here, only shown,
 * with `conflict` when the payload's values suggest another type or requiredness.
 */
export type ColumnProposal =
  | { status: 'new'; inferred: InferredColumn }
  | { status: 'existing'; inferred: InferredColumn; existing: Column; conflict?: string };

export function proposeColumns(
  inferred: readonly InferredColumn[],
  columns: readonly Column[],
): ColumnProposal[] {
  const byKey = new Map(columns.map((column) => [columnNameKey(column.name), column]));
  return inferred.map((candidate) => {
    const existing = byKey.get(columnNameKey(candidate.name));
    if (!existing) return { status: 'new', inferred: candidate };
    const notes: string[] = [];
    if (existing.name !== candidate.name) {
      notes.push(`the spec spells it ${existing.name}`);
    }
    if (existing.type !== candidate.type) {
      notes.push(`the spec says ${existing.type}, the payload looks like ${candidate.type}`);
    }
    if (existing.required && !candidate.required) {
      notes.push('the spec requires it, but some rows lack it or hold null');
    }
    return notes.length > 0
      ? { status: 'existing', inferred: candidate, existing, conflict: notes.join('; ') }
      : { status: 'existing', inferred: candidate, existing };
  });
}

/** The columns to add for the chosen names; existing columns are never among them. */
export function columnsToAdd(
  proposals: readonly ColumnProposal[],
  chosen: ReadonlySet<string>,
): Column[] {
  return proposals.flatMap((proposal) =>
    proposal.status === 'new' && chosen.has(proposal.inferred.name)
      ? [
          {
            name: proposal.inferred.name,
            type: proposal.inferred.type,
            required: proposal.inferred.required,
            description: '',
          },
        ]
      : [],
  );
}
