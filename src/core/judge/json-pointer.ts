/** RFC 6901: "~" is written "~0" and "/" is written "~1" inside a reference token. */
export function escapePointerToken(token: string): string {
  if (!token.includes('~') && !token.includes('/')) return token;
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

export function unescapePointerToken(token: string): string {
  if (!token.includes('~')) return token;
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** The pointer for a path of keys and indices ([] is "", the whole document). */
export function toPointer(path: readonly (string | number)[]): string {
  let pointer = '';
  for (const token of path) {
    pointer += `/${typeof token === 'number' ? String(token) : escapePointerToken(token)}`;
  }
  return pointer;
}

/** The unescaped reference tokens of a pointer ("" has none). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(unescapePointerToken);
}
