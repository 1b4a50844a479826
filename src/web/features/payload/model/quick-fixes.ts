import type { Finding, JsonTypeName, Judgement } from '@core/judge/judgement.ts';
import type { FieldType } from '@core/spec/field-type.ts';
import type { Column, SpecModel } from '@core/spec/webhook-spec.ts';
import type { QuickFix } from '@web/lib/monaco/large-json-editor.tsx';
import { missingColumnEdit, missingColumnTitle } from '@web/workers/fixes/missing-column.ts';
import { fixTitle, fixValue, type ValueFix } from '@web/workers/fixes/value-fix.ts';
import type { ProblemGroup } from './problem-groups.ts';

export type QuickFixContext = {
  judgement: Judgement;
  spec: SpecModel;
  /** The editor's text at a finding's range. */
  read: (offset: number, length: number) => string;
  /** Fixes every wrongly typed value of a column (computed in the worker). */
  onFixColumn: (column: string) => void;
  /** Adds a required column, with a typed placeholder, to every row that lacks it. */
  onFillColumn: (column: string) => void;
  onAddColumn: (column: Column) => void;
};

const FIELD_TYPE_OF: Record<JsonTypeName, FieldType> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  null: 'string',
  array: 'list',
  object: 'dict',
};

const JSON_TYPES: readonly JsonTypeName[] = [
  'string',
  'integer',
  'number',
  'boolean',
  'null',
  'array',
  'object',
];

/** An advisory column as a spec column: optional, typed as most of its values are. */
export function advisoryColumn(judgement: Judgement, name: string): Column {
  const summary = judgement.summary.columns.find((column) => column.name === name);
  let best: JsonTypeName = 'string';
  let bestCount = 0;
  for (const jsonType of JSON_TYPES) {
    const count = summary?.types[jsonType] ?? 0;
    if (jsonType !== 'null' && count > bestCount) {
      best = jsonType;
      bestCount = count;
    }
  }
  return { name, type: FIELD_TYPE_OF[best], required: false, description: '' };
}

const findingsIn = (judgement: Judgement, kind: Finding['kind'], column: string): Finding[] =>
  judgement.findings.filter((finding) => finding.kind === kind && finding.column === column);

const typeOf = (context: QuickFixContext, column: string) =>
  context.spec.columns.find((candidate) => candidate.name === column)?.type;

function valueFix(context: QuickFixContext, finding: Finding): ValueFix | undefined {
  const type = context.spec.columns.find((column) => column.name === finding.column)?.type;
  if (type === undefined || finding.offset === undefined || finding.length === undefined)
    return undefined;
  return fixValue(context.read(finding.offset, finding.length), type);
}

/** The lightbulb's fixes for the findings under a range of the text. */
export function quickFixesAt(context: QuickFixContext, start: number, end: number): QuickFix[] {
  const fixes: QuickFix[] = [];
  const seen = new Set<string>();
  for (const finding of context.judgement.findings) {
    if (finding.offset === undefined) continue;
    const findingEnd = finding.offset + Math.max(1, finding.length ?? 1);
    if (findingEnd < start || finding.offset > end) continue;
    const column = finding.column;
    if (column === null) continue;
    if (finding.kind === 'type_mismatch') {
      const fix = valueFix(context, finding);
      const type = context.spec.columns.find((candidate) => candidate.name === column)?.type;
      if (!fix || type === undefined || finding.length === undefined) continue;
      fixes.push({
        title: fixTitle(fix.kind, type),
        preferred: true,
        edits: [{ offset: finding.offset, length: finding.length, text: fix.text }],
      });
      const rows = findingsIn(context.judgement, 'type_mismatch', column).length;
      if (rows > 1 && !seen.has(`all:${column}`)) {
        seen.add(`all:${column}`);
        fixes.push({
          title: fixTitle(fix.kind, type, rows),
          run: () => {
            context.onFixColumn(column);
          },
        });
      }
    } else if (finding.kind === 'missing_required') {
      const type = typeOf(context, column);
      if (type === undefined || finding.length === undefined) continue;
      const edit = missingColumnEdit(context.read, finding.offset, finding.length, column, type);
      if (!edit) continue;
      fixes.push({ title: missingColumnTitle(column, type), preferred: true, edits: [edit] });
      const rows = findingsIn(context.judgement, 'missing_required', column).length;
      if (rows > 1 && !seen.has(`fill:${column}`)) {
        seen.add(`fill:${column}`);
        fixes.push({
          title: missingColumnTitle(column, type, rows),
          run: () => {
            context.onFillColumn(column);
          },
        });
      }
    } else if (finding.kind === 'advisory_column' && !seen.has(`add:${column}`)) {
      seen.add(`add:${column}`);
      fixes.push({
        title: `Add “${column}” to input_schema`,
        run: () => {
          context.onAddColumn(advisoryColumn(context.judgement, column));
        },
      });
    }
  }
  return fixes;
}

/** What a group's "Apply to all rows" does, in words; undefined when the group has no fix. */
export function groupFixTitle(context: QuickFixContext, group: ProblemGroup): string | undefined {
  if (group.kind === 'advisory_column' && group.column !== null)
    return `Add “${group.column}” to input_schema`;
  if (group.kind === 'missing_required' && group.column !== null) {
    const type = typeOf(context, group.column);
    return type && missingColumnTitle(group.column, type, group.findings.length);
  }
  if (group.kind !== 'type_mismatch' || group.column === null) return undefined;
  const first = group.findings[0];
  const type = context.spec.columns.find((column) => column.name === group.column)?.type;
  const fix = first ? valueFix(context, first) : undefined;
  if (!fix || type === undefined) return undefined;
  return fixTitle(fix.kind, type, group.findings.length);
}
