import { errorMessage } from '../error-message.ts';
/** Longest `matches` pattern a filter takes [decision]. */
export const MAX_REGEX_LENGTH = 500;
/** A cell longer than this is matched on its first characters only [decision]. */
export const MAX_MATCHED_CHARS = 10_000;

/**
 * A quantified group that itself holds a quantifier (`(a+)+`, `(\w*\s?)*`, `(x|y+){2,}`):
 * the shape behind catastrophic backtracking. Escapes and character classes are skipped.
 */
const NESTED_QUANTIFIER =
  /\((?:[^()\\[]|\\.|\[(?:[^\]\\]|\\.)*\])*[+*}](?:[^()\\[]|\\.|\[(?:[^\]\\]|\\.)*\])*\)[+*{]/;
/** A back-reference: JavaScript cannot match it in linear time. */
const BACK_REFERENCE = /\\[1-9]|\\k</;

/**
 * Why a `matches` pattern is refused at save, or undefined when it is fine: invalid, too long,
 * or of a shape that can take exponential time on a long cell.
 */
export function regexProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_REGEX_LENGTH)
    return `The regular expression is ${pattern.length} characters long; keep it within ${MAX_REGEX_LENGTH}.`;
  try {
    new RegExp(pattern, 'u');
  } catch (error) {
    return `The regular expression is invalid: ${errorMessage(error)}.`;
  }
  if (NESTED_QUANTIFIER.test(pattern))
    return 'The regular expression repeats a group that itself repeats (like "(a+)+"), which can take exponential time; rewrite it without the nested repetition.';
  if (BACK_REFERENCE.test(pattern))
    return 'The regular expression uses a back-reference, which the sandbox does not run; rewrite it without one.';
  return undefined;
}
