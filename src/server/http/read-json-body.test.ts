import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exceedsDepthInBytes, MAX_BODY_DEPTH, readJsonBody } from './read-json-body.ts';

const encoder = new TextEncoder();

/** The oracle: the plain scan of the decoded text, a character at a time. */
function depthOverAtChar(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (depth > limit) return i;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return -1;
}

/** The character offset of a byte offset in `text` (-1 stays -1). */
const charOffset = (text: string, byteOffset: number) =>
  byteOffset < 0
    ? -1
    : new TextDecoder().decode(encoder.encode(text).subarray(0, byteOffset)).length;

/** JSON text with strings that hold quotes, backslashes, brackets and characters of 2–4 bytes. */
const jsonText = fc
  .jsonValue({
    maxDepth: 8,
    stringUnit: fc.constantFrom('a', '"', '\\', '[', '{', ']', '}', 'é', '€', '😀', '\u2028'),
  })
  .map((value) => JSON.stringify(value));

describe('exceedsDepthInBytes', () => {
  it('finds the place the scan of the decoded text finds, for any JSON and limit', () => {
    fc.assert(
      fc.property(jsonText, fc.integer({ min: 0, max: 9 }), (text, limit) => {
        const inBytes = exceedsDepthInBytes(encoder.encode(text), 0, limit);
        expect(charOffset(text, inBytes)).toBe(depthOverAtChar(text, limit));
      }),
    );
  });
});

describe('readJsonBody', () => {
  it('places a too-deep body at the bracket that goes over, counted in characters after a BOM', () => {
    const levels = MAX_BODY_DEPTH + 3;
    const text = `{"€😀": ${'['.repeat(levels)}${']'.repeat(levels)}}`;
    for (const body of [text, `\uFEFF${text}`, `{"x": ${'['.repeat(levels)}`]) {
      const read = readJsonBody(encoder.encode(body));
      expect(read).toMatchObject({ ok: false, errors: [{ type: 'json_too_deep' }] });
      if (read.ok) continue;
      const at = Number(read.errors[0]?.loc[1]);
      const unmarked = body.replace(/^\uFEFF/, '');
      // The key's characters (the emoji takes 4 bytes, the euro sign 3) count once each.
      expect(at).toBe(depthOverAtChar(unmarked, MAX_BODY_DEPTH));
      expect(unmarked[at]).toBe('[');
    }
  });

  it('reads a body at the depth limit, and a malformed one as malformed', () => {
    const levels = MAX_BODY_DEPTH - 1;
    const atLimit = `{"webhook_payload": ${'['.repeat(levels)}${']'.repeat(levels)}}`;
    expect(readJsonBody(encoder.encode(atLimit))).toMatchObject({ ok: true });
    expect(readJsonBody(encoder.encode('{"a": 1,}'))).toMatchObject({
      ok: false,
      errors: [{ type: 'json_invalid' }],
    });
  });
});
