/*
 * 1-based lines and columns of UTF-16 offsets, as editors count them (Monaco's columns are
 * UTF-16 code units too). Line breaks are "\n", "\r\n" and a lone "\r", as in Monaco. One
 * rule for the browser and the server: the inbox places findings with it too.
 */

/** Whether a line ends at `at` (its "\n", a lone "\r"; for "\r\n", at the "\n"). */
const endsLineAt = (text: string, at: number): boolean => {
  const code = text.charCodeAt(at);
  return code === 10 || (code === 13 && text.charCodeAt(at + 1) !== 10);
};

/** Line and column of one offset (a walk up to it: for a single place in a text). */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let at = 0; at < end; at += 1) {
    if (endsLineAt(text, at)) {
      line += 1;
      lineStart = at + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** The offset each line starts at: for placing many offsets in one text (`lineColumnAt`). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = 0; at < text.length; at += 1) if (endsLineAt(text, at)) starts.push(at + 1);
  return starts;
}

/** Line and column of `offset`, by binary search over `lineStarts(text)`. */
export function lineColumnAt(
  starts: readonly number[],
  offset: number,
): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}
