import { CHAR, readString, skipString, skipValue, skipWhitespace } from './scan-json.ts';

/** A key written more than once in one object; the range is the last value, the one kept. */
export type DuplicateKey = {
  /** Path from the scanned value to the kept value. */
  path: (string | number)[];
  key: string;
  valueStart: number;
  valueEnd: number;
};

type Frame = {
  /** Keys seen so far in an object; null for an array. */
  keys: Set<string> | null;
  /** The key or index being read now: the frame's step in a path. */
  step: string | number;
  awaitingKey: boolean;
  /** Last occurrence of each repeated key. */
  repeats: Map<string, { start: number; end: number }> | null;
};

/**
 * Finds duplicate keys in one JSON value of text JSON.parse accepted (called only for the
 * rows whose member counts show a duplicate). Iterative, with a stack of open containers.
 */
export function findDuplicateKeys(text: string, start: number, end: number): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let at = start;
  while (at < end) {
    at = skipWhitespace(text, at);
    if (at >= end) break;
    const code = text.charCodeAt(at);
    const top = stack.at(-1);
    if (code === CHAR.OPEN_BRACE || code === CHAR.OPEN_BRACKET) {
      const isObject = code === CHAR.OPEN_BRACE;
      stack.push({
        keys: isObject ? new Set() : null,
        step: 0,
        awaitingKey: isObject,
        repeats: null,
      });
      at += 1;
    } else if (code === CHAR.CLOSE_BRACE || code === CHAR.CLOSE_BRACKET) {
      if (top?.repeats) {
        const base = stack.slice(0, -1).map((frame) => frame.step);
        for (const [key, range] of top.repeats) {
          found.push({ path: [...base, key], key, valueStart: range.start, valueEnd: range.end });
        }
      }
      stack.pop();
      at += 1;
    } else if (code === CHAR.COMMA) {
      if (top?.keys) top.awaitingKey = true;
      else if (top) top.step = Number(top.step) + 1;
      at += 1;
    } else if (code === CHAR.QUOTE && top?.keys && top.awaitingKey) {
      const keyEnd = skipString(text, at);
      const key = readString(text, at, keyEnd);
      // Skip the colon between the key and its value.
      const valueStart = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1);
      if (top.keys.has(key)) {
        top.repeats ??= new Map();
        top.repeats.set(key, { start: valueStart, end: skipValue(text, valueStart) });
      } else {
        top.keys.add(key);
      }
      top.step = key;
      top.awaitingKey = false;
      at = valueStart;
    } else {
      at = skipValue(text, at);
    }
  }
  return found;
}
