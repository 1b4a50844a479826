import { describe, expect, it } from 'vitest';
import { onThisServer, typedKeyProblem } from './connection.ts';

describe("the connection for Inlet's own routes", () => {
  it('goes to this server without the Sixtyfour key typed for the live target', () => {
    expect(
      onThisServer({
        target: 'sixtyfour',
        basePath: '/inlet/sixtyfour',
        apiKey: 'typed-sixtyfour-key-0123',
        ready: true,
      }),
    ).toEqual({ target: 'sixtyfour', basePath: '', apiKey: undefined, ready: true });
  });
});

describe('a typed Sixtyfour key', () => {
  it('passes when it is printable ASCII', () => {
    expect(typedKeyProblem('sk_live-0123.abcXYZ_~')).toBeUndefined();
  });

  it('names a space, a pasted "…" or an invisible character, and where it is', () => {
    expect(typedKeyProblem('abc def')).toBe(
      'The Sixtyfour API key holds a space at character 4, which no API key has: paste the key again without it.',
    );
    expect(typedKeyProblem('abcdef…')).toContain('holds “…” (U+2026) at character 7');
    expect(typedKeyProblem('abc\u200bdef')).toContain(
      'holds an invisible character (U+200B) at character 4',
    );
  });
});
