import { CHAR, readString, skipString, skipValue, skipWhitespace } from './scan-json.ts';

export type SourceRange = { offset: number; length: number };

/** The value of the last member named `key` in the object at `start` (JSON.parse keeps the last). */
function findMember(text: string, start: number, key: string): number | undefined {
  let found: number | undefined;
  let at = skipWhitespace(text, start + 1);
  while (text.charCodeAt(at) === CHAR.QUOTE) {
    const keyEnd = skipString(text, at);
    const valueStart = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1);
    if (readString(text, at, keyEnd) === key) found = valueStart;
    at = skipWhitespace(text, skipValue(text, valueStart));
    if (text.charCodeAt(at) !== CHAR.COMMA) break;
    at = skipWhitespace(text, at + 1);
  }
  return found;
}

function findElement(text: string, start: number, index: number): number | undefined {
  let at = skipWhitespace(text, start + 1);
  for (let current = 0; current < index; current += 1) {
    at = skipWhitespace(text, skipValue(text, at));
    if (text.charCodeAt(at) !== CHAR.COMMA) return undefined;
    at = skipWhitespace(text, at + 1);
  }
  return text.charCodeAt(at) === CHAR.CLOSE_BRACKET ? undefined : at;
}

const ARRAY_INDEX = /^(?:0|[1-9]\d*)$/;

/**
 * The source range of the value a path of pointer tokens names, starting from the value at
 * `start`; undefined when the path does not exist in the text.
 */
export function locateValue(
  text: string,
  start: number,
  tokens: readonly string[],
): SourceRange | undefined {
  let at: number | undefined = skipWhitespace(text, start);
  for (const token of tokens) {
    const code = text.charCodeAt(at);
    if (code === CHAR.OPEN_BRACE) at = findMember(text, at, token);
    else if (code === CHAR.OPEN_BRACKET && ARRAY_INDEX.test(token))
      at = findElement(text, at, Number(token));
    else at = undefined;
    if (at === undefined) return undefined;
  }
  return { offset: at, length: skipValue(text, at) - at };
}
