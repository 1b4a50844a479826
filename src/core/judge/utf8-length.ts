import type { TextChange } from './text-change.ts';

/**
 * UTF-8 byte length of a string without encoding it (no TextEncoder copy of a 30 MB text).
 * A lone surrogate counts 3 bytes, as the U+FFFD that TextEncoder writes for it.
 */
export function utf8ByteLength(text: string): number {
  const length = text.length;
  let bytes = length;
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) continue;
    if (code < 0x800) {
      bytes += 1;
      continue;
    }
    // Three bytes for one code unit; a surrogate pair is two units and four bytes.
    bytes += 2;
    if (code <= 0xdbff && code >= 0xd800) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index += 1;
    }
  }
  return bytes;
}

/**
 * Whether the text is over `maxBytes` in UTF-8, and its size: exact, or a lower bound when
 * the length alone decides. Each UTF-16 code unit is 1–3 bytes, so only texts between a
 * third of the limit and the limit in length need counting.
 */
export function bytesOverLimit(
  text: string,
  maxBytes: number,
): { bytes: number; exact: boolean } | undefined {
  if (text.length > maxBytes) return { bytes: text.length, exact: false };
  if (text.length * 3 <= maxBytes) return undefined;
  const bytes = utf8ByteLength(text);
  return bytes > maxBytes ? { bytes, exact: true } : undefined;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * The UTF-8 length of `text` after `change`, from its length before (`bytes`), counting only
 * the changed part: widened so no surrogate pair straddles its ends, the rest is unchanged.
 */
export function utf8ByteLengthAfter(text: string, bytes: number, change: TextChange): number {
  let start = change.offset;
  let end = change.offset + change.length;
  if (start > 0 && isHighSurrogate(text.charCodeAt(start - 1))) start -= 1;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end += 1;
  const replacement =
    text.slice(start, change.offset) + change.text + text.slice(change.offset + change.length, end);
  return bytes - utf8ByteLength(text.slice(start, end)) + utf8ByteLength(replacement);
}
