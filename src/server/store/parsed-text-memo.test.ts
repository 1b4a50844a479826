import { describe, expect, it, vi } from 'vitest';
import { memoizeParse } from './parsed-text-memo.ts';

describe('memoizeParse', () => {
  it('parses a text once and shares the frozen value', () => {
    const parse = vi.fn((text: string): unknown => JSON.parse(text));
    const read = memoizeParse(parse);
    const first = read('{"blocks": [{"status": "completed"}]}');
    expect(read('{"blocks": [{"status": "completed"}]}')).toBe(first);
    expect(parse).toHaveBeenCalledTimes(1);
    expect(Object.isFrozen(first)).toBe(true);
    const block = (first as { blocks: { status: string }[] }).blocks[0];
    expect(() => {
      if (block) block.status = 'running';
    }).toThrow(TypeError);
  });

  it('keeps at most 128 texts, dropping the least recently used, and never long ones', () => {
    const parse = vi.fn((text: string): unknown => JSON.parse(text));
    const read = memoizeParse(parse);
    for (let i = 0; i < 129; i++) read(`[${String(i)}]`);
    read('[128]');
    expect(parse).toHaveBeenCalledTimes(129);
    read('[0]');
    expect(parse).toHaveBeenCalledTimes(130);
    const long = `"${'x'.repeat(70_000)}"`;
    read(long);
    read(long);
    expect(parse).toHaveBeenCalledTimes(132);
  });
});
