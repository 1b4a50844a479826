import type { ValueJudgement } from './judge-value.ts';
import { CHAR, skipValue, skipWhitespace } from './scan-json.ts';
import { walkStrings } from './walk-strings.ts';

/**
 * The text offset of each row asked for, found with one string walk instead of a scan of
 * every character: a row object with keys starts at the "{" just before its first key,
 * which is string number (strings in the rows before it), counted in the parsed value.
 * A row without keys is reached by stepping over elements from the keyed row before it.
 *
 * Returns undefined when the text holds more strings than the parsed value: JSON.parse
 * dropped a repeated key somewhere, so the counts no longer line up (nor do they for a
 * value too deep to count). The caller then takes the thorough path (scan-rows.ts).
 */
export function findRowStarts(
  text: string,
  valueStart: number,
  judged: ValueJudgement,
  neededRows: readonly number[],
): Map<number, number> | undefined {
  const { strings, keyed } = judged;
  // For each needed row: the keyed row to start from (-1: the array's first element).
  const anchors: { row: number; anchor: number; stringIndex: number }[] = [];
  let total = 0;
  let lastKeyed = -1;
  let lastKeyedIndex = 0;
  let next = 0;
  for (let row = 0; row < strings.length; row += 1) {
    const count = strings[row] ?? 0;
    if (count < 0) return undefined;
    if (keyed[row] === 1) {
      lastKeyed = row;
      lastKeyedIndex = total;
    }
    if (neededRows[next] === row) {
      anchors.push({ row, anchor: lastKeyed, stringIndex: lastKeyedIndex });
      next += 1;
    }
    total += count;
  }
  const capture = [...new Set(anchors.filter((a) => a.anchor >= 0).map((a) => a.stringIndex))];
  const walk = walkStrings(text, valueStart, capture);
  if (walk.count !== total) return undefined;

  const positions = new Map<number, number>();
  capture.forEach((stringIndex, index) => positions.set(stringIndex, walk.starts[index] ?? 0));
  const starts = new Map<number, number>();
  for (const { row, anchor, stringIndex } of anchors) {
    let at =
      anchor >= 0
        ? text.lastIndexOf('{', positions.get(stringIndex) ?? 0)
        : skipWhitespace(text, valueStart + 1);
    for (let step = Math.max(anchor, 0); step < row; step += 1) {
      at = skipWhitespace(text, skipValue(text, at));
      if (text.charCodeAt(at) !== CHAR.COMMA) return undefined;
      at = skipWhitespace(text, at + 1);
    }
    starts.set(row, at);
  }
  return starts;
}
