import { CHAR, skipString, skipValue, skipWhitespace } from './scan-json.ts';

/** Where each top-level element sits in the text, and how many strings it is written with. */
export type RowTable = {
  /** The payload value itself (after any BOM and whitespace). */
  valueStart: number;
  valueEnd: number;
  /** Per top-level element (each row of an array; the object itself for one object). */
  starts: Int32Array;
  ends: Int32Array;
  /** String tokens (keys and values) inside each element, at any depth. */
  strings: Int32Array;
};

/**
 * One pass over text JSON.parse accepted: the offset of every row (strings skipped with
 * indexOf) and the strings inside it, which the judge compares with the parsed rows to
 * tell which rows repeat a key. `rowCount` is the parsed array's length. This is the
 * thorough path, taken when the quicker string walk (walk-strings.ts) finds a difference.
 */
export function scanRows(text: string, from: number, rowCount: number): RowTable {
  const valueStart = skipWhitespace(text, from);
  const first = text.charCodeAt(valueStart);
  if (first !== CHAR.OPEN_BRACKET) {
    const valueEnd = skipValue(text, valueStart);
    const single = first === CHAR.OPEN_BRACE;
    const table: RowTable = {
      valueStart,
      valueEnd,
      starts: new Int32Array(single ? 1 : 0),
      ends: new Int32Array(single ? 1 : 0),
      strings: new Int32Array(single ? 1 : 0),
    };
    if (single) {
      table.starts[0] = valueStart;
      table.ends[0] = valueEnd;
      table.strings[0] = countStrings(text, valueStart, valueEnd);
    }
    return table;
  }
  const starts = new Int32Array(rowCount);
  const ends = new Int32Array(rowCount);
  const strings = new Int32Array(rowCount);
  const length = text.length;
  let row = -1;
  let depth = 0;
  let expecting = true;
  let rowStrings = 0;
  let lastEnd = valueStart + 1;
  let at = valueStart + 1;
  while (at < length) {
    const code = text.charCodeAt(at);
    if (code <= 32) {
      at += 1;
      continue;
    }
    if (expecting && code !== CHAR.CLOSE_BRACKET) {
      row += 1;
      starts[row] = at;
      rowStrings = 0;
      expecting = false;
    }
    if (code === CHAR.QUOTE) {
      at = skipString(text, at);
      lastEnd = at;
      rowStrings += 1;
      continue;
    }
    if (code === CHAR.COMMA) {
      if (depth === 0) {
        ends[row] = lastEnd;
        strings[row] = rowStrings;
        expecting = true;
      }
    } else if (code === CHAR.OPEN_BRACE || code === CHAR.OPEN_BRACKET) {
      depth += 1;
    } else if (code === CHAR.CLOSE_BRACE || code === CHAR.CLOSE_BRACKET) {
      if (depth === 0) {
        if (row >= 0) {
          ends[row] = lastEnd;
          strings[row] = rowStrings;
        }
        return { valueStart, valueEnd: at + 1, starts, ends, strings };
      }
      depth -= 1;
    }
    at += 1;
    lastEnd = at;
  }
  return { valueStart, valueEnd: length, starts, ends, strings };
}

/** String tokens (keys and values) between `start` and `end` of text JSON.parse accepted. */
export function countStrings(text: string, start: number, end: number): number {
  let count = 0;
  for (let at = text.indexOf('"', start); at !== -1 && at < end; at = text.indexOf('"', at)) {
    at = skipString(text, at);
    count += 1;
  }
  return count;
}
