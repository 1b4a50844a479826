/**
 * 1-based line and column of a UTF-16 offset, as editors count them (Monaco's columns are
 * UTF-16 code units too). Line breaks are "\n", "\r\n" and a lone "\r", as in Monaco.
 */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let at = 0; at < end; at += 1) {
    const code = text.charCodeAt(at);
    if (code === 10 || (code === 13 && text.charCodeAt(at + 1) !== 10)) {
      line += 1;
      lineStart = at + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
