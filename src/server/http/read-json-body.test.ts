import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exceedsDepth,
  exceedsDepthInBytes,
  MAX_BODY_DEPTH,
  readJsonBody,
} from './read-json-body.ts';

const encoder = new TextEncoder();
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
  it('finds the same place as the scan of the text, for any JSON and limit', () => {
    fc.assert(
      fc.property(jsonText, fc.integer({ min: 0, max: 9 }), (text, limit) => {
        const inBytes = exceedsDepthInBytes(encoder.encode(text), 0, limit);
        expect(charOffset(text, inBytes)).toBe(exceedsDepth(text, limit));
      }),
    );
  });
});

describe('readJsonBody', () => {
  const deep = (levels: number) =>
    `{"webhook_payload": ${'['.repeat(levels)}${']'.repeat(levels)}}`;

  it('reads bytes and text alike: the same value, or the same error at the same place', () => {
    for (const text of [
      deep(MAX_BODY_DEPTH - 1),
      deep(MAX_BODY_DEPTH + 5),
      `{"name": "€😀", "deep": ${'['.repeat(MAX_BODY_DEPTH + 1)}`,
      '{"a": 1,}',
    ]) {
      for (const bom of ['', '\uFEFF']) {
        const fromBytes = readJsonBody(encoder.encode(bom + text));
        expect(fromBytes).toEqual(readJsonBody(bom + text));
      }
    }
  });

  it('places a too-deep body at the bracket that goes over, counted in characters after a BOM', () => {
    const text = `{"€😀": ${'['.repeat(MAX_BODY_DEPTH + 3)}${']'.repeat(MAX_BODY_DEPTH + 3)}}`;
    const read = readJsonBody(encoder.encode(`\uFEFF${text}`));
    expect(read).toMatchObject({ ok: false, errors: [{ type: 'json_too_deep' }] });
    if (read.ok) return;
    const at = read.errors[0]?.loc[1];
    // The key's 4 characters (5 bytes for the emoji and 3 for the euro sign) are counted once.
    expect(at).toBe(exceedsDepth(text, MAX_BODY_DEPTH));
    expect(text[Number(at)]).toBe('[');
  });
});
