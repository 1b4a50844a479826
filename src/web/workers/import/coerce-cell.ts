import { type FieldType, matchesFieldType } from '@core/spec/field-type.ts';

export type CoercedCell =
  | { kind: 'empty' }
  | { kind: 'text'; value: string }
  | { kind: 'converted'; value: unknown }
  /** The column wants another type, but the text does not read as one: kept as text. */
  | { kind: 'kept'; value: string };

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const BOOLEAN = /^(?:true|false)$/i;

function readStructured(
  text: string,
  type: FieldType,
): { ok: true; value: unknown } | { ok: false } {
  const first = text[0];
  if (first !== '[' && first !== '{') return { ok: false };
  try {
    const value: unknown = JSON.parse(text);
    return matchesFieldType(value, type) ? { ok: true, value } : { ok: false };
  } catch {
    return { ok: false };
  }
}

function convert(text: string, type: FieldType): { ok: true; value: unknown } | { ok: false } {
  switch (type) {
    case 'string':
      return { ok: true, value: text };
    case 'integer': {
      if (!INTEGER.test(text)) return { ok: false };
      const value = Number(text);
      // Beyond 2^53 a number loses digits; keep the text so nothing changes silently.
      return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false };
    }
    case 'number': {
      if (!NUMBER.test(text)) return { ok: false };
      const value = Number(text);
      return Number.isFinite(value) ? { ok: true, value } : { ok: false };
    }
    case 'boolean':
      return BOOLEAN.test(text)
        ? { ok: true, value: text.toLowerCase() === 'true' }
        : { ok: false };
    case 'list[string]':
    case 'list[integer]':
    case 'list[number]':
    case 'list':
    case 'dict':
      return readStructured(text, type);
  }
}

/**
 * Types one CSV cell by its column's type: "42" in an integer column becomes 42, "true" in a
 * boolean column true, "[1,2]" in a list column a list. Text columns and advisory columns
 * (type undefined) keep the text exactly; an empty cell is left out of the row.
 */
export function coerceCell(raw: string, type: FieldType | undefined): CoercedCell {
  if (raw === '') return { kind: 'empty' };
  if (type === undefined || type === 'string') return { kind: 'text', value: raw };
  const result = convert(raw.trim(), type);
  return result.ok ? { kind: 'converted', value: result.value } : { kind: 'kept', value: raw };
}
