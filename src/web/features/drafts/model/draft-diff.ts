import type { Column } from '@core/spec/webhook-spec.ts';
import { type Draft, payloadKeyOf } from './drafts-store.ts';

const describeColumn = (column: Column): string =>
  `${column.type}${column.required ? ', required' : ''}${column.description ? `, “${column.description}”` : ''}`;

/**
 * What differs between this tab's draft and the one another tab saved, one line each, in
 * words: enough to choose between them without opening both.
 */
export function draftDifferences(
  mine: Draft,
  theirs: Draft,
  /** This tab's payload has edits not yet stored (the draft holds only where its text lies). */
  payloadEdited = false,
): string[] {
  const lines: string[] = [];
  if (mine.name !== theirs.name) lines.push(`Name: “${mine.name}” here, “${theirs.name}” there.`);
  if (mine.model.dataframe_type !== theirs.model.dataframe_type) {
    lines.push(
      `Dataframe type: ${mine.model.dataframe_type} here, ${theirs.model.dataframe_type} there.`,
    );
  }
  const theirColumns = new Map(theirs.model.columns.map((column) => [column.name, column]));
  const myNames = new Set(mine.model.columns.map((column) => column.name));
  for (const column of mine.model.columns) {
    const other = theirColumns.get(column.name);
    if (!other) lines.push(`Column “${column.name}”: only here.`);
    else if (describeColumn(column) !== describeColumn(other)) {
      lines.push(
        `Column “${column.name}”: ${describeColumn(column)} here; ${describeColumn(other)} there.`,
      );
    }
  }
  for (const column of theirs.model.columns) {
    if (!myNames.has(column.name)) lines.push(`Column “${column.name}”: only in the other tab.`);
  }
  if ((mine.model.webhook_input ?? '') !== (theirs.model.webhook_input ?? '')) {
    lines.push('webhook_input differs.');
  }
  if ((mine.jsonText ?? '') !== (theirs.jsonText ?? '')) {
    lines.push('The spec JSON editor holds different unapplied text.');
  }
  const payloadChanged = payloadKeyOf(mine) !== payloadKeyOf(theirs);
  if (payloadChanged || payloadEdited) {
    lines.push(
      payloadChanged && payloadEdited
        ? 'Sample payload: edited here and changed there.'
        : payloadChanged
          ? 'Sample payload: changed there.'
          : 'Sample payload: edited here.',
    );
  }
  const targets = new Set([...Object.keys(mine.runs ?? {}), ...Object.keys(theirs.runs ?? {})]);
  for (const target of targets) {
    const a = mine.runs?.[target];
    const b = theirs.runs?.[target];
    if ((a?.overrideText ?? '') !== (b?.overrideText ?? '')) {
      lines.push(`specs_override (${target}) differs.`);
    }
    if (a?.workflowId !== b?.workflowId) lines.push(`Open workflow (${target}) differs.`);
    if (a?.followedRunId !== b?.followedRunId) lines.push(`Followed run (${target}) differs.`);
  }
  return lines;
}
