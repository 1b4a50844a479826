import { describe, expect, it } from 'vitest';
import { keepByJson } from './use-stable-by-json.ts';

describe('keepByJson', () => {
  it('keeps the first object while a new one has the same JSON text', () => {
    const first = keepByJson(undefined, { a: 1, b: [2, 3] });
    const again = keepByJson(first, { a: 1, b: [2, 3] });
    expect(again).toBe(first);
    expect(again.value).toBe(first.value);
  });

  it('takes the new object once its JSON text differs, and keeps that one after', () => {
    const first = keepByJson(undefined, { a: 1 });
    const changed = keepByJson(first, { a: 2 });
    expect(changed).not.toBe(first);
    expect(changed.value).toEqual({ a: 2 });
    expect(keepByJson(changed, { a: 2 })).toBe(changed);
  });

  it('counts key order as a change, as the JSON text does', () => {
    const first = keepByJson(undefined, { a: 1, b: 2 });
    expect(keepByJson(first, { b: 2, a: 1 })).not.toBe(first);
  });

  it('tells undefined from a value and from null', () => {
    const none = keepByJson<unknown>(undefined, undefined);
    expect(none.text).toBeUndefined();
    expect(keepByJson(none, undefined)).toBe(none);
    const empty = keepByJson<unknown>(none, null);
    expect(empty).not.toBe(none);
    expect(empty.value).toBeNull();
    expect(keepByJson(empty, undefined)).not.toBe(empty);
  });

  it('decides by what it is told to compare, keeping the value it was kept with', () => {
    const first = keepByJson(undefined, { id: 'w1', name: 'Old name' }, ['w1']);
    const sameKey = keepByJson(first, { id: 'w1', name: 'New name' }, ['w1']);
    expect(sameKey).toBe(first);
    expect(sameKey.value.name).toBe('Old name');
    const otherKey = keepByJson(first, { id: 'w2', name: 'New name' }, ['w2']);
    expect(otherKey.value).toEqual({ id: 'w2', name: 'New name' });
  });
});
