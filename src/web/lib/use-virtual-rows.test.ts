import { describe, expect, it } from 'vitest';
import { virtualWindow } from './use-virtual-rows.ts';

describe('virtualWindow', () => {
  it('renders the rows in view and a few beyond, the rest as space', () => {
    const view = virtualWindow(10_000, 50, 5_000, 500);
    expect(view.start).toBe(92);
    expect(view.end).toBe(118);
    expect(view.before).toBe(92 * 50);
    expect(view.after).toBe((10_000 - 118) * 50);
    expect(view.before + (view.end - view.start) * 50 + view.after).toBe(10_000 * 50);
  });
  it('stays within the list at both ends and before the first measure', () => {
    expect(virtualWindow(5, 50, 0, 0)).toEqual({ start: 0, end: 5, before: 0, after: 0 });
    const end = virtualWindow(100, 50, 1_000_000, 500);
    expect(end.end).toBe(100);
    expect(end.start).toBeLessThanOrEqual(end.end);
    expect(end.after).toBe(0);
    expect(virtualWindow(0, 50, 0, 500)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });
});
