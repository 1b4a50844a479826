import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapePointerToken,
  parsePointer,
  toPointer,
  unescapePointerToken,
} from './json-pointer.ts';
import { applyTextChange } from './text-change.ts';
import { bytesOverLimit, utf8ByteLength, utf8ByteLengthAfter } from './utf8-length.ts';

describe('utf8ByteLength', () => {
  it('matches TextEncoder, lone surrogates included', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({
          unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
          maxLength: 3,
        }),
        (text, surrogates) => {
          const mixed = text + surrogates + text;
          expect(utf8ByteLength(mixed)).toBe(new TextEncoder().encode(mixed).length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('counts the bytes after an edit from the bytes before, even splitting a pair', () => {
    const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
    const textArb = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'é', '🦄'), surrogate) });
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat({ max: 4 }), textArb, (text, at, length, insert) => {
        const offset = at % (text.length + 1);
        const change = { offset, length: Math.min(length, text.length - offset), text: insert };
        expect(utf8ByteLengthAfter(text, utf8ByteLength(text), change)).toBe(
          utf8ByteLength(applyTextChange(text, change)),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('decides by length alone when it can, and counts bytes when it must', () => {
    expect(bytesOverLimit('a'.repeat(3), 10)).toBeUndefined();
    expect(bytesOverLimit('a'.repeat(11), 10)).toEqual({ bytes: 11, exact: false });
    expect(bytesOverLimit('é'.repeat(5), 9)).toEqual({ bytes: 10, exact: true });
    expect(bytesOverLimit('é'.repeat(4), 9)).toBeUndefined();
  });
});

describe('JSON Pointer', () => {
  it('escapes "~" as "~0" and "/" as "~1" (RFC 6901)', () => {
    expect(escapePointerToken('a/b~c')).toBe('a~1b~0c');
    expect(unescapePointerToken('~01')).toBe('~1');
    expect(toPointer([3, 'a/b', '~', ''])).toBe('/3/a~1b/~0/');
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/')).toEqual(['']);
  });

  it('round-trips any path', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 5 }),
        (path) => {
          expect(parsePointer(toPointer(path))).toEqual(path);
        },
      ),
      { numRuns: 500 },
    );
  });
});
