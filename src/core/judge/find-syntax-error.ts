/**
 * The first place where text stops being JSON as JSON.parse reads it (RFC 8259), in one
 * pass and without recursion, so text nested a million levels deep is placed as well as
 * any other. Run only after JSON.parse has failed. (jsonc-parser, the first plan, recurses
 * once per nesting level and overflows the stack on such text.) Error names follow
 * jsonc-parser's `printParseErrorCode`, for a wording familiar from editors.
 */
export type SyntaxErrorCode =
  | 'InvalidNumberFormat'
  | 'PropertyNameExpected'
  | 'ValueExpected'
  | 'ColonExpected'
  | 'CloseBraceExpected'
  | 'CloseBracketExpected'
  | 'EndOfFileExpected'
  | 'UnexpectedEndOfString'
  | 'InvalidUnicode'
  | 'InvalidEscapeCharacter'
  | 'InvalidCharacter';

export type SyntaxErrorAt = { code: SyntaxErrorCode; offset: number; length: number };

type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end';

const isJsonWhitespace = (code: number): boolean =>
  code === 32 || code === 10 || code === 13 || code === 9;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isHex = (code: number): boolean =>
  isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
const ESCAPES = new Set([34, 92, 47, 98, 102, 110, 114, 116]);

/** Just after a valid string starting at `start`, or the error inside it. */
function scanString(text: string, start: number): number | SyntaxErrorAt {
  let at = start + 1;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === 34) return at + 1;
    if (code < 0x20) return { code: 'InvalidCharacter', offset: at, length: 1 };
    if (code === 92) {
      const escaped = text.charCodeAt(at + 1);
      if (escaped === 117) {
        for (let digit = 2; digit < 6; digit += 1) {
          if (!isHex(text.charCodeAt(at + digit))) {
            return { code: 'InvalidUnicode', offset: at, length: digit };
          }
        }
        at += 6;
        continue;
      }
      if (!ESCAPES.has(escaped)) return { code: 'InvalidEscapeCharacter', offset: at, length: 2 };
      at += 2;
      continue;
    }
    at += 1;
  }
  return { code: 'UnexpectedEndOfString', offset: start, length: text.length - start };
}

/** Just after a valid number starting at `start`, or the error in it. */
function scanNumber(text: string, start: number): number | SyntaxErrorAt {
  let at = start;
  if (text.charCodeAt(at) === 45) at += 1;
  const bad = (): SyntaxErrorAt => ({
    code: 'InvalidNumberFormat',
    offset: start,
    length: at - start + 1,
  });
  if (text.charCodeAt(at) === 48) at += 1;
  else if (isDigit(text.charCodeAt(at))) while (isDigit(text.charCodeAt(at))) at += 1;
  else return bad();
  if (text.charCodeAt(at) === 46) {
    at += 1;
    if (!isDigit(text.charCodeAt(at))) return bad();
    while (isDigit(text.charCodeAt(at))) at += 1;
  }
  if (text.charCodeAt(at) === 101 || text.charCodeAt(at) === 69) {
    at += 1;
    if (text.charCodeAt(at) === 43 || text.charCodeAt(at) === 45) at += 1;
    if (!isDigit(text.charCodeAt(at))) return bad();
    while (isDigit(text.charCodeAt(at))) at += 1;
  }
  return at;
}

const LITERALS = ['true', 'false', 'null'] as const;

export function findSyntaxError(text: string): SyntaxErrorAt | undefined {
  const open: number[] = [];
  let expect: Expect = 'value';
  let at = 0;
  const afterValue = (): Expect => (open.length === 0 ? 'end' : 'commaOrClose');
  for (;;) {
    while (at < text.length && isJsonWhitespace(text.charCodeAt(at))) at += 1;
    const top = open.at(-1);
    if (at >= text.length) {
      if (expect === 'end') return undefined;
      const code: SyntaxErrorCode =
        expect === 'commaOrClose'
          ? top === 123
            ? 'CloseBraceExpected'
            : 'CloseBracketExpected'
          : expect === 'colon'
            ? 'ColonExpected'
            : expect === 'key'
              ? 'PropertyNameExpected'
              : 'ValueExpected';
      return { code, offset: at, length: 0 };
    }
    const code = text.charCodeAt(at);
    if (expect === 'end') return { code: 'EndOfFileExpected', offset: at, length: 1 };
    if (expect === 'colon') {
      if (code !== 58) return { code: 'ColonExpected', offset: at, length: 1 };
      at += 1;
      expect = 'value';
      continue;
    }
    if (expect === 'commaOrClose') {
      if (code === 44) {
        at += 1;
        expect = top === 123 ? 'key' : 'value';
      } else if ((code === 125 && top === 123) || (code === 93 && top === 91)) {
        at += 1;
        open.pop();
        expect = afterValue();
      } else {
        return {
          code: top === 123 ? 'CloseBraceExpected' : 'CloseBracketExpected',
          offset: at,
          length: 1,
        };
      }
      continue;
    }
    if (expect === 'key' || expect === 'keyOrClose') {
      if (code === 125 && expect === 'keyOrClose') {
        at += 1;
        open.pop();
        expect = afterValue();
        continue;
      }
      if (code !== 34) return { code: 'PropertyNameExpected', offset: at, length: 1 };
      const end = scanString(text, at);
      if (typeof end !== 'number') return end;
      at = end;
      expect = 'colon';
      continue;
    }
    // expect is 'value' or 'valueOrClose'
    if (code === 93 && expect === 'valueOrClose') {
      at += 1;
      open.pop();
      expect = afterValue();
      continue;
    }
    if (code === 123 || code === 91) {
      open.push(code);
      at += 1;
      expect = code === 123 ? 'keyOrClose' : 'valueOrClose';
      continue;
    }
    let end: number | SyntaxErrorAt;
    if (code === 34) end = scanString(text, at);
    else if (code === 45 || isDigit(code)) end = scanNumber(text, at);
    else {
      const literal = LITERALS.find((word) => text.startsWith(word, at));
      end =
        literal === undefined
          ? { code: 'ValueExpected', offset: at, length: 1 }
          : at + literal.length;
    }
    if (typeof end !== 'number') return end;
    at = end;
    expect = afterValue();
  }
}
