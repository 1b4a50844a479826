import type { TextChange } from '@core/judge/text-change.ts';
import { type FieldType, matchesFieldType } from '@core/spec/field-type.ts';
import { coerceCell } from '../import/coerce-cell.ts';

/** One replacement in the payload's text: UTF-16 offsets, as the judge's findings give. */
export type TextEdit = TextChange;

/** How a value of the wrong type is fixed: by dropping its quotes, or by converting it. */
export type ValueFixKind = 'remove-quotes' | 'set-type';

export type ValueFix = { kind: ValueFixKind; text: string };

const NUMERIC: ReadonlySet<FieldType> = new Set(['integer', 'number']);

function parseSource(source: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch {
    return { ok: false };
  }
}

/**
 * The fix for one value of the wrong type, from its source text (`"50"`) and the column's
 * type: `50` for a number in quotes, `true` for "true" in a boolean column, `"42"` for 42 in
 * a string column. Undefined when the value does not read as the type (nothing is guessed).
 */
export function fixValue(source: string, type: FieldType): ValueFix | undefined {
  const parsed = parseSource(source);
  if (!parsed.ok) return undefined;
  const { value } = parsed;
  if (matchesFieldType(value, type)) return undefined;
  if (typeof value === 'string') {
    const cell = coerceCell(value, type);
    if (cell.kind !== 'converted') return undefined;
    return {
      kind: NUMERIC.has(type) ? 'remove-quotes' : 'set-type',
      text: JSON.stringify(cell.value),
    };
  }
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    return { kind: 'set-type', text: JSON.stringify(String(value)) };
  }
  return undefined;
}

/** Words for a fix, as the lightbulb menu and the problems list say it. */
export function fixTitle(kind: ValueFixKind, type: FieldType, rows?: number): string {
  const what = kind === 'remove-quotes' ? 'Remove the quotes' : `Set the value to ${type}`;
  if (rows === undefined) return what;
  return `${what} in all ${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'}`;
}
