import { z } from 'zod';

/** Sixtyfour's type vocabulary for a column, canonical names first (contract, "Field schema"). */
export const FIELD_TYPES = [
  'string',
  'integer',
  'number',
  'boolean',
  'list[string]',
  'list[integer]',
  'list[number]',
  'list',
  'dict',
] as const;

export const fieldTypeSchema = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof fieldTypeSchema>;

/** Aliases a reader accepts; the editor always writes the canonical name. */
export const FIELD_TYPE_ALIASES: Readonly<Record<string, FieldType>> = Object.freeze({
  str: 'string',
  int: 'integer',
  float: 'number',
  bool: 'boolean',
  'list[str]': 'list[string]',
  'list[int]': 'list[integer]',
  'list[float]': 'list[number]',
  object: 'dict',
});

/** Every name a reader accepts, canonical and alias. */
export const FIELD_TYPE_NAMES: readonly string[] = [
  ...FIELD_TYPES,
  ...Object.keys(FIELD_TYPE_ALIASES),
];

/** One line per type, as the designer's type picker shows it. */
export const FIELD_TYPE_LABELS: Readonly<Record<FieldType, string>> = Object.freeze({
  string: 'Text',
  integer: 'Whole number',
  number: 'Number',
  boolean: 'True / false',
  'list[string]': 'List of text',
  'list[integer]': 'List of whole numbers',
  'list[number]': 'List of numbers',
  list: 'List of anything',
  dict: 'Object',
});

const isCanonical = (name: string): name is FieldType =>
  (FIELD_TYPES as readonly string[]).includes(name);

/** The canonical type for a type name or alias; `undefined` for an unknown name. */
export function resolveFieldType(name: string): FieldType | undefined {
  if (isCanonical(name)) return name;
  return Object.hasOwn(FIELD_TYPE_ALIASES, name) ? FIELD_TYPE_ALIASES[name] : undefined;
}

/** A sentence for an unknown type name that says what to write instead. */
export function unknownFieldTypeMessage(name: string): string {
  const folded = name.trim().toLowerCase().replace(/\s+/g, '');
  const near = FIELD_TYPE_NAMES.find((known) => known.toLowerCase() === folded);
  const hint = near ? ` Did you mean "${resolveFieldType(near) ?? near}"?` : '';
  return `Unknown type "${name}". Use one of: ${FIELD_TYPES.join(', ')}.${hint}`;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a parsed JSON value has the JSON type a column of this type expects. */
export function matchesFieldType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'list[string]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'list[integer]':
      return (
        Array.isArray(value) &&
        value.every((item) => typeof item === 'number' && Number.isInteger(item))
      );
    case 'list[number]':
      return Array.isArray(value) && value.every((item) => typeof item === 'number');
    case 'list':
      return Array.isArray(value);
    case 'dict':
      return isPlainObject(value);
  }
}
