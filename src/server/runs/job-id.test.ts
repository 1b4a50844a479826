import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newJobId } from './job-id.ts';

const sortedStrictly = (ids: string[]) => ids.every((id, i) => i === 0 || (ids[i - 1] ?? '') < id);

describe('newJobId', () => {
  it('is a version 7 UUID whose leading bits are the time', () => {
    const at = Date.UTC(2026, 10, 27, 12, 0, 0, 123) + 1_000_000;
    const id = newJobId(at);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
  });

  it('sorts in the order the ids were made, within a millisecond and across them', () => {
    const start = Date.now() + 2_000_000;
    const ids = Array.from({ length: 5_000 }, (_, i) => newJobId(start + Math.floor(i / 700)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(sortedStrictly(ids)).toBe(true);
  });

  it('keeps counting up when the clock goes back or one millisecond runs out of counter', () => {
    const start = Date.now() + 3_000_000;
    const ids = [newJobId(start), newJobId(start - 5_000)];
    // More ids in one millisecond than the 12-bit counter holds: the next millisecond is borrowed.
    for (let i = 0; i < 5_000; i++) ids.push(newJobId(start));
    expect(new Set(ids).size).toBe(ids.length);
    expect(sortedStrictly(ids)).toBe(true);
    const last = ids.at(-1) ?? '';
    expect(parseInt(last.slice(0, 8) + last.slice(9, 13), 16)).toBeGreaterThan(start);
  });
});
