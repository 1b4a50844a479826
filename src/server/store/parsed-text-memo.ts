import { createLruMap } from './lru-map.ts';

/** Parsed texts remembered by each memo; the least recently used goes first. */
const MAX_ENTRIES = 128;
/** Longer texts are parsed every time, not kept. */
const MAX_KEY_CHARS = 64 * 1024;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    // Object.values types a plain object's values `any`; they are parsed JSON, unknown here.
    const children: unknown[] = Object.values(value);
    for (const child of children) deepFreeze(child);
  }
  return value;
}

/**
 * `parse` (a pure function of a JSON text read from the store: JSON.parse and a zod check),
 * with its results kept by their text. A run's row holds texts that many reads share: every
 * run of a workflow the same graph, every poll of a finished run the same block states. Kept
 * values are shared, so they are frozen: a caller that wants another value builds a new one.
 */
export function memoizeParse<T>(parse: (text: string) => T): (text: string) => T {
  const parsed = createLruMap<string, T>(MAX_ENTRIES);
  return (text) => {
    const hit = parsed.get(text);
    if (hit !== undefined) return hit;
    const value = parse(text);
    if (text.length > MAX_KEY_CHARS) return value;
    parsed.set(text, deepFreeze(value));
    return value;
  };
}
