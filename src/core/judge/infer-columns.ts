import type { FieldType } from '../spec/field-type.ts';
import { shorten } from './finding-messages.ts';
import type { InferredColumn, JsonTypeName } from './judgement.ts';

export type { InferredColumn } from './judgement.ts';

const EXAMPLES_MAX = 3;
const EXAMPLE_LENGTH_MAX = 60;

type Evidence = {
  name: string;
  present: number;
  nonNull: number;
  types: Map<JsonTypeName, number>;
  examples: string[];
  /** Across every item of every array value: could a list type hold them all? */
  itemsAllStrings: boolean;
  itemsAllIntegers: boolean;
  itemsAllNumbers: boolean;
  items: number;
  /** Strings read as another type (text typing only), and strings that are ISO dates. */
  typedFromText: number;
  dates: number;
};

export type InferOptions = {
  /**
   * Read string values as the type their text spells (CSV cells are all text): "1998" an
   * integer, "2.5" a number, "true"/"FALSE" a boolean, "[…]" a list; ISO dates stay text.
   */
  typeText?: boolean;
};

const INTEGER_TEXT = /^[+-]?\d+$/;
const NUMBER_TEXT = /^[+-]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?$/;
const BOOLEAN_TEXT = /^(?:true|false)$/i;
const ISO_DATE_TEXT =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The value a text cell stands for; the text itself when it reads as nothing else. */
function readText(text: string, evidence: Evidence): unknown {
  const trimmed = text.trim();
  if (INTEGER_TEXT.test(trimmed) && Number.isSafeInteger(Number(trimmed))) {
    evidence.typedFromText += 1;
    return Number(trimmed);
  }
  if (NUMBER_TEXT.test(trimmed) && Number.isFinite(Number(trimmed))) {
    evidence.typedFromText += 1;
    return Number(trimmed);
  }
  if (BOOLEAN_TEXT.test(trimmed)) {
    evidence.typedFromText += 1;
    return trimmed.toLowerCase() === 'true';
  }
  if (trimmed.startsWith('[')) {
    try {
      const value: unknown = JSON.parse(trimmed);
      if (Array.isArray(value)) {
        evidence.typedFromText += 1;
        return value;
      }
    } catch {
      // Not a list: plain text that starts with a bracket.
    }
  }
  if (ISO_DATE_TEXT.test(trimmed)) evidence.dates += 1;
  return text;
}

function noteOf(evidence: Evidence, type: FieldType): string | undefined {
  if (evidence.dates > 0 && type === 'string')
    return 'ISO dates: kept as text (string); the API has no date type.';
  if (evidence.typedFromText > 0 && type !== 'string') return `Typed from the text of its cells.`;
  return undefined;
}

const jsonTypeOf = (value: unknown): JsonTypeName | undefined => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    default:
      return undefined;
  }
};

/** A short text for a value: strings as they are, anything else as JSON. */
function exampleOf(value: unknown): string {
  if (typeof value === 'string') return shorten(value, EXAMPLE_LENGTH_MAX);
  try {
    return shorten(JSON.stringify(value), EXAMPLE_LENGTH_MAX);
  } catch {
    // JSON.stringify recurses and a hostile value can be nested deeper than the stack.
    return Array.isArray(value) ? '[…]' : '{…}';
  }
}

function noteItems(evidence: Evidence, items: readonly unknown[]): void {
  for (const item of items) {
    evidence.items += 1;
    if (typeof item !== 'string') evidence.itemsAllStrings = false;
    if (typeof item !== 'number') {
      evidence.itemsAllNumbers = false;
      evidence.itemsAllIntegers = false;
    } else if (!Number.isInteger(item)) {
      evidence.itemsAllIntegers = false;
    }
  }
}

function listType(evidence: Evidence): FieldType {
  if (evidence.items === 0) return 'list';
  if (evidence.itemsAllStrings) return 'list[string]';
  if (evidence.itemsAllIntegers) return 'list[integer]';
  if (evidence.itemsAllNumbers) return 'list[number]';
  return 'list';
}

/**
 * The column type the values vote for: the most common JSON type (integers and other
 * numbers together make a number column), first seen on a tie; string when all are null.
 */
function chooseType(evidence: Evidence): FieldType {
  const votes = new Map<FieldType, number>();
  const integers = evidence.types.get('integer') ?? 0;
  const fractions = evidence.types.get('number') ?? 0;
  for (const [jsonType, count] of evidence.types) {
    let type: FieldType | undefined;
    if (jsonType === 'string') type = 'string';
    else if (jsonType === 'boolean') type = 'boolean';
    else if (jsonType === 'object') type = 'dict';
    else if (jsonType === 'array') type = listType(evidence);
    else if (jsonType === 'integer' || jsonType === 'number') {
      type = fractions > 0 ? 'number' : 'integer';
      votes.set(type, integers + fractions);
      continue;
    }
    if (type !== undefined) votes.set(type, (votes.get(type) ?? 0) + count);
  }
  let best: FieldType = 'string';
  let bestCount = 0;
  for (const [type, count] of votes) {
    if (count > bestCount) {
      best = type;
      bestCount = count;
    }
  }
  return best;
}

const isRow = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Proposes a column for every key the rows hold, in first-seen order, with the evidence
 * behind each guess. Rows are the array's objects (or the one object); other elements
 * are skipped. Keys are plain data: `__proto__` is a column like any other.
 */
export function inferColumns(value: unknown, options: InferOptions = {}): InferredColumn[] {
  const rows: readonly unknown[] = Array.isArray(value) ? value : [value];
  const byName = new Map<string, Evidence>();
  let rowCount = 0;
  for (const row of rows) {
    if (!isRow(row)) continue;
    rowCount += 1;
    for (const name of Object.keys(row)) {
      let evidence = byName.get(name);
      if (evidence === undefined) {
        evidence = {
          name,
          present: 0,
          nonNull: 0,
          types: new Map(),
          examples: [],
          itemsAllStrings: true,
          itemsAllIntegers: true,
          itemsAllNumbers: true,
          items: 0,
          typedFromText: 0,
          dates: 0,
        };
        byName.set(name, evidence);
      }
      const raw = row[name];
      const cell = options.typeText && typeof raw === 'string' ? readText(raw, evidence) : raw;
      evidence.present += 1;
      if (cell !== null) evidence.nonNull += 1;
      const jsonType = jsonTypeOf(cell);
      if (jsonType !== undefined)
        evidence.types.set(jsonType, (evidence.types.get(jsonType) ?? 0) + 1);
      if (Array.isArray(cell)) noteItems(evidence, cell);
      if (cell !== null && evidence.examples.length < EXAMPLES_MAX) {
        const example = exampleOf(raw);
        if (!evidence.examples.includes(example)) evidence.examples.push(example);
      }
    }
  }
  return [...byName.values()].map((evidence) => {
    const type = chooseType(evidence);
    const note = noteOf(evidence, type);
    return {
      name: evidence.name,
      type,
      required: evidence.nonNull === rowCount,
      ...(note === undefined ? {} : { note }),
      evidence: {
        present: evidence.present,
        rows: rowCount,
        typesSeen: [...evidence.types.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([jsonType]) => jsonType),
        examples: evidence.examples,
      },
    };
  });
}
