import type { FieldType } from '@core/spec/field-type.ts';
import type { TextEdit } from './value-fix.ts';

/**
 * The value a missing required column gets, typed as the column is: enough for the API to
 * accept the row, plainly a placeholder to replace with the real value.
 */
export const PLACEHOLDER_TEXT: Readonly<Record<FieldType, string>> = Object.freeze({
  string: '""',
  integer: '0',
  number: '0',
  boolean: 'false',
  'list[string]': '[]',
  'list[integer]': '[]',
  'list[number]': '[]',
  list: '[]',
  dict: '{}',
});

/** How far into a row its first key is looked for before the whole row is read. */
const HEAD_CHARS = 256;

/**
 * The edit that adds a missing column to one row (the object at `offset`, `length` long, as
 * the judge's `missing_required` finding places it): `"email": ""` right after its `{`.
 * Reads only the row's first characters unless the row is all whitespace that far.
 * Undefined when the range is not an object.
 */
export function missingColumnEdit(
  read: (offset: number, length: number) => string,
  offset: number,
  length: number,
  name: string,
  type: FieldType,
): TextEdit | undefined {
  const head = read(offset, Math.min(length, HEAD_CHARS));
  if (!head.startsWith('{')) return undefined;
  let first = head.slice(1).search(/\S/);
  let body = head.slice(1);
  if (first < 0 && length > head.length) {
    body = read(offset + 1, length - 1);
    first = body.search(/\S/);
  }
  const empty = first >= 0 && body[first] === '}';
  const member = `${JSON.stringify(name)}: ${PLACEHOLDER_TEXT[type]}`;
  return { offset: offset + 1, length: 0, text: empty ? member : `${member}, ` };
}

/** Words for the fix, as the lightbulb menu and the problems list say it. */
export function missingColumnTitle(name: string, type: FieldType, rows?: number): string {
  const what = `Add “${name}” with a placeholder ${PLACEHOLDER_TEXT[type]}`;
  if (rows === undefined) return what;
  return `${what} in all ${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'}`;
}
