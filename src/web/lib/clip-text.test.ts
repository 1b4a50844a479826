import { describe, expect, it } from 'vitest';
import { clipText } from './clip-text.ts';

describe('clipText', () => {
  it('keeps a text up to the limit and cuts a longer one to it, ellipsis included', () => {
    expect(clipText('abcd', 4)).toBe('abcd');
    expect(clipText('abcde', 4)).toBe('abc…');
    expect(clipText('abcde', 4)).toHaveLength(4);
  });
});
