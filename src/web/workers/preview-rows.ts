import type { ColumnSummary } from '@core/judge/judgement.ts';
import { type FieldType, matchesFieldType } from '@core/spec/field-type.ts';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import type { PreviewCell, PreviewRow } from './judge-protocol.ts';

/** Cells are shown on one line; longer text is cut here so a window stays small to post. */
export const MAX_CELL_TEXT = 160;

const cut = (text: string): string =>
  text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;

function cellText(value: unknown): string {
  if (typeof value === 'string') return cut(value);
  const json = JSON.stringify(value);
  return cut(typeof json === 'string' ? json : String(value));
}

type ColumnRule = { name: string; type?: FieldType; required: boolean };

/** The rule per summary column: declared columns carry their type, advisory columns none. */
export function columnRules(columns: readonly ColumnSummary[], spec: SpecModel): ColumnRule[] {
  const declared = new Map(spec.columns.map((column) => [column.name, column]));
  return columns.map((summary) => {
    const column = summary.declared ? declared.get(summary.name) : undefined;
    return column
      ? { name: summary.name, type: column.type, required: column.required }
      : { name: summary.name, required: false };
  });
}

function previewCell(row: Record<string, unknown>, rule: ColumnRule): PreviewCell {
  if (!Object.hasOwn(row, rule.name)) {
    return { text: '', state: rule.required ? 'error' : 'absent' };
  }
  const value = row[rule.name];
  if (value === null) return { text: 'null', state: rule.required ? 'error' : 'null' };
  const fits = rule.type === undefined || matchesFieldType(value, rule.type);
  if (fits) return { text: cellText(value), state: 'ok' };
  // Quoted when it is text in a column of another type: "50", not 50.
  return {
    text: typeof value === 'string' ? cut(JSON.stringify(value)) : cellText(value),
    state: 'warning',
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Rows `start`…`end - 1` as the workflow would receive them, judged cell by cell. */
export function previewRows(
  rows: readonly unknown[],
  rules: readonly ColumnRule[],
  start: number,
  end: number,
): PreviewRow[] {
  const out: PreviewRow[] = [];
  for (let index = Math.max(0, start); index < Math.min(end, rows.length); index += 1) {
    const row = rows[index];
    if (isRecord(row)) {
      out.push({ index, cells: rules.map((rule) => previewCell(row, rule)) });
    } else {
      out.push({ index, cells: [], notObject: cellText(row) });
    }
  }
  return out;
}
