/*
 * Small steps over JSON text that JSON.parse has already accepted, so they need not
 * validate. Offsets are UTF-16 code units. None of them recurses.
 */

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;

/** In valid JSON, the only characters below "!" outside strings are the four whitespaces. */
export function skipWhitespace(text: string, index: number): number {
  let at = index;
  while (at < text.length && text.charCodeAt(at) <= 32) at += 1;
  return at;
}

/** From an opening quote to just after its closing quote. */
export function skipString(text: string, quoteAt: number): number {
  let from = quoteAt + 1;
  for (;;) {
    const close = text.indexOf('"', from);
    if (close === -1) return text.length;
    let before = close - 1;
    while (text.charCodeAt(before) === BACKSLASH) before -= 1;
    // An even run of backslashes escapes itself, not the quote.
    if ((close - 1 - before) % 2 === 0) return close + 1;
    from = close + 1;
  }
}

/** From the first character of a value to just after it. */
export function skipValue(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === QUOTE) return skipString(text, start);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    let at = start;
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (code <= 32 || code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET) break;
      at += 1;
    }
    return at;
  }
  let depth = 0;
  let at = start;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === QUOTE) {
      at = skipString(text, at);
      continue;
    }
    if (code === OPEN_BRACE || code === OPEN_BRACKET) depth += 1;
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth -= 1;
      if (depth === 0) return at + 1;
    }
    at += 1;
  }
  return at;
}

/** The key a string token spells, escapes decoded. */
export function readString(text: string, quoteAt: number, end: number): string {
  const raw = text.slice(quoteAt + 1, end - 1);
  // The token is valid JSON, so JSON.parse decodes exactly what the payload's parse did.
  return raw.includes('\\') ? (JSON.parse(text.slice(quoteAt, end)) as string) : raw;
}

export const CHAR = {
  QUOTE,
  BACKSLASH,
  OPEN_BRACE,
  CLOSE_BRACE,
  OPEN_BRACKET,
  CLOSE_BRACKET,
  COMMA,
  COLON: 58,
} as const;
