/** A lone surrogate: in a `u` regex a proper pair is one astral code point, not a match. */
const LONE_SURROGATE = /\p{Surrogate}/u;

// `String.prototype.isWellFormed` (ES2024) is in Node 20 and current browsers but not in
// the ES2023 lib this project compiles against, hence the cast; it answers in constant
// time for one-byte strings, which most payload strings are.
const nativeIsWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean })
  .isWellFormed;

/** False when the string holds an unpaired UTF-16 surrogate (not valid Unicode). */
export const isWellFormedText: (text: string) => boolean =
  nativeIsWellFormed === undefined
    ? (text) => !LONE_SURROGATE.test(text)
    : (text) => nativeIsWellFormed.call(text);
