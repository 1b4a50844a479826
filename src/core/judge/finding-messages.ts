import type { FieldType } from '../spec/field-type.ts';

/*
 * Sentences for findings. Rows are 0-based in findings and 1-based in every sentence, as
 * people count them ("Row 1" is row 0). Column names and values are shortened so that a
 * 10,000-character key cannot make a message unreadable.
 */

const NAME_MAX = 60;
const VALUE_MAX = 40;
/** 100000 → "100,000" (Intl.NumberFormat costs more per call than a whole row's check). */
const formatCount = (count: number): string => String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const plural = (count: number, one: string, many: string): string =>
  `${formatCount(count)} ${count === 1 ? one : many}`;

/** At most `max` code points (never half an emoji), with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text.slice(0, max * 2));
  return points.length <= max ? text : `${points.slice(0, max).join('')}…`;
}

/** A string as JSON would write it, shortened: quotes and control characters stay visible. */
export const quote = (text: string, max = VALUE_MAX): string => JSON.stringify(shorten(text, max));

/** "Row 4 · employees", the prefix of every cell finding. */
export const cellLabel = (row: number, column: string): string =>
  `Row ${formatCount(row + 1)} · ${shorten(column, NAME_MAX)}`;

export const rowLabel = (row: number): string => `Row ${formatCount(row + 1)}`;

const EXPECTED: Readonly<Record<FieldType, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  'list[string]': 'a list of strings',
  'list[integer]': 'a list of integers',
  'list[number]': 'a list of numbers',
  list: 'a list',
  dict: 'an object',
};

/** What a value is, as a sentence fragment: `the string "50-100"`, `a list of 3 items`. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return `the string ${quote(value)}`;
    case 'number':
      return Number.isFinite(value) ? `the number ${String(value)}` : 'a number out of range';
    case 'boolean':
      return `the boolean ${String(value)}`;
    case 'object':
      return Array.isArray(value)
        ? `a list of ${plural(value.length, 'item', 'items')}`
        : 'an object';
    default:
      return `a value that is not JSON (${typeof value})`;
  }
}

const NUMERIC_TEXT = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
const BOOLEAN_TEXT = /^\s*(?:true|false)\s*$/i;

const isItemOk = (item: unknown, type: FieldType): boolean =>
  type === 'list[string]'
    ? typeof item === 'string'
    : type === 'list[integer]'
      ? typeof item === 'number' && Number.isInteger(item)
      : typeof item === 'number';

/** What to do about a value of the wrong type; starts with "; " or ", ". */
function mismatchAdvice(value: unknown, type: FieldType): string {
  if (typeof value === 'string') {
    if ((type === 'integer' || type === 'number') && NUMERIC_TEXT.test(value)) {
      const asNumber = Number(value);
      return type === 'integer' && !Number.isInteger(asNumber)
        ? ', which looks like a number in quotes, and not a whole one; write a whole number without quotes'
        : ', which looks like a number in quotes; remove the quotes';
    }
    if (type === 'boolean' && BOOLEAN_TEXT.test(value)) {
      return `, which looks like a boolean in quotes; write ${value.trim().toLowerCase()} without quotes`;
    }
    if (type.startsWith('list')) return `; wrap it in a list: [${quote(value)}]`;
  }
  if (typeof value === 'number') {
    if (type === 'integer') return '; use a whole number, or make the column a number';
    if (type === 'boolean' && (value === 0 || value === 1)) {
      return `; write ${value === 1 ? 'true' : 'false'} instead`;
    }
    if (type === 'string') return '; put it in quotes if it is text, or make the column a number';
  }
  if (typeof value === 'boolean' && type === 'string') {
    return '; put it in quotes if it is text, or make the column a boolean';
  }
  return `; change it to ${EXPECTED[type]}`;
}

export function typeMismatchMessage(
  row: number,
  column: string,
  type: FieldType,
  value: unknown,
): string {
  if (Array.isArray(value) && type.startsWith('list[')) {
    const index = value.findIndex((item) => !isItemOk(item, type));
    const item: unknown = value[index];
    return `${cellLabel(row, column)}: expected ${EXPECTED[type]}, but item ${formatCount(index + 1)} is ${describeValue(item)}${mismatchAdvice(item, type === 'list[string]' ? 'string' : type === 'list[integer]' ? 'integer' : 'number')}.`;
  }
  return `${cellLabel(row, column)}: expected ${EXPECTED[type]}, got ${describeValue(value)}${mismatchAdvice(value, type)}.`;
}

export const missingRequiredMessage = (row: number, column: string): string =>
  `${cellLabel(row, column)}: required column is missing; add ${quote(column, NAME_MAX)} to this row.`;

export const nullRequiredMessage = (row: number, column: string, type: FieldType): string =>
  `${cellLabel(row, column)}: required column is null; give it a value (${EXPECTED[type]}).`;

export const infiniteNumberMessage = (row: number, column: string): string =>
  `${cellLabel(row, column)}: the number is too large for JSON numbers to hold (it reads as Infinity and is sent on as null); send it as a string or correct it.`;

export const impreciseIntegerMessage = (row: number, column: string, value: number): string =>
  `${cellLabel(row, column)}: ${String(value)} is beyond the largest exact integer (${String(Number.MAX_SAFE_INTEGER)}), so it loses precision; send it as a string or correct it.`;

export const loneSurrogateMessage = (row: number, column: string): string =>
  `${cellLabel(row, column)}: the text contains an unpaired UTF-16 surrogate, which is not valid Unicode and may be rejected or replaced downstream; fix its encoding.`;

export const loneSurrogateKeyMessage = (row: number, column: string): string =>
  `${rowLabel(row)}: the key ${quote(column, NAME_MAX)} contains an unpaired UTF-16 surrogate, which is not valid Unicode; rename it.`;

export function advisoryColumnMessage(
  column: string,
  present: number,
  rows: number,
  nearMiss: string | undefined,
): string {
  const name = quote(column, NAME_MAX);
  const count = `${formatCount(present)} of ${plural(rows, 'row has', 'rows have')} it`;
  if (nearMiss !== undefined) {
    const declared = quote(nearMiss, NAME_MAX);
    return `Column ${name} is not in input_schema, but ${declared} is (${count}). Keys must match exactly, case and spaces included: rename the key to ${declared}, or add ${name} to input_schema.`;
  }
  return `Column ${name} is not in input_schema (${count}); it is passed through to downstream blocks as an advisory column. Add it to input_schema to have its values checked.`;
}

const kindOfValue = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
};

export const notRowsPayloadMessage = (value: unknown): string =>
  value === undefined
    ? 'There is no payload; send an array of row objects, like [{"email": "ada@example.com"}], or a single object.'
    : `The payload is ${kindOfValue(value)}; send an array of row objects, like [{"email": "ada@example.com"}], or a single object.`;

export const notRowMessage = (row: number, value: unknown): string =>
  `${rowLabel(row)} is ${kindOfValue(value)}, not an object; each row must be an object of column → value, like {"email": "ada@example.com"}.`;

export const EMPTY_PAYLOAD_MESSAGE = 'The payload is an empty array; add at least one row object.';

export const tooManyRowsMessage = (rows: number, maxRows: number): string =>
  `The payload has ${plural(rows, 'row', 'rows')}; the limit is ${plural(maxRows, 'row', 'rows')} per run. Split it into smaller runs.`;

export const tooDeepMessage = (where: string, maxDepth: number): string =>
  `${where} is nested more than ${String(maxDepth)} levels deep; JSON nesting depth is limited to ${String(maxDepth)} levels. Flatten it.`;

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

export const tooLargeMessage = (bytes: number, maxBytes: number, exact: boolean): string =>
  `The payload is ${exact ? '' : 'at least '}${megabytes(bytes)} (${plural(bytes, 'byte', 'bytes')}); the request body limit is ${megabytes(maxBytes)} (${plural(maxBytes, 'byte', 'bytes')}). Send fewer rows per run.`;

export const duplicateKeyMessage = (where: string, key: string): string =>
  `${where}: the key ${quote(key, NAME_MAX)} appears more than once in the same object; JSON.parse keeps only the last value, so the earlier ones are ignored. Remove the duplicates.`;

export const BYTE_ORDER_MARK_MESSAGE =
  'The text starts with a byte order mark (U+FEFF), which JSON does not allow; it was ignored and is not sent. Remove it to be safe.';
