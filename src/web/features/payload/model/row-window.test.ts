import { describe, expect, it } from 'vitest';
import { covers, fetchRange, visibleRange } from './row-window.ts';

describe('visibleRange', () => {
  const base = { rowHeight: 30, viewportHeight: 300, overscan: 5, rowCount: 100_000 };

  it('renders the rows on screen plus the overscan', () => {
    expect(visibleRange({ ...base, scrollTop: 0 })).toEqual({ start: 0, end: 15 });
    expect(visibleRange({ ...base, scrollTop: 3000 })).toEqual({ start: 95, end: 115 });
    expect(visibleRange({ ...base, scrollTop: 3015 })).toEqual({ start: 95, end: 116 });
  });

  it('stays within the rows', () => {
    expect(visibleRange({ ...base, rowCount: 4, scrollTop: 0 })).toEqual({ start: 0, end: 4 });
    expect(visibleRange({ ...base, scrollTop: 30 * 100_000 })).toEqual({
      start: 99_995,
      end: 100_000,
    });
    expect(visibleRange({ ...base, rowCount: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0 });
  });
});

describe('fetchRange and covers', () => {
  it('widens to whole chunks so small scrolls ask for nothing new', () => {
    const loaded = fetchRange({ start: 95, end: 115 }, 100, 100_000);
    expect(loaded).toEqual({ start: 0, end: 200 });
    expect(covers(loaded, fetchRange({ start: 120, end: 140 }, 100, 100_000))).toBe(true);
    expect(covers(loaded, fetchRange({ start: 190, end: 210 }, 100, 100_000))).toBe(false);
    expect(fetchRange({ start: 0, end: 4 }, 100, 4)).toEqual({ start: 0, end: 4 });
    expect(covers(undefined, { start: 0, end: 1 })).toBe(false);
  });
});
