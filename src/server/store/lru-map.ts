/**
 * A map that keeps at most `maxEntries` values: reading a key makes it the most recently used,
 * and adding one past the limit drops the least recently used. The caches of parsed and
 * validated store texts and of the intake's workflows share it.
 */
export function createLruMap<K, V>(maxEntries: number) {
  const entries = new Map<K, V>();
  return {
    get(key: K): V | undefined {
      const hit = entries.get(key);
      if (hit !== undefined) {
        entries.delete(key);
        entries.set(key, hit);
      }
      return hit;
    },
    set(key: K, value: V): void {
      entries.set(key, value);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
    },
    clear(): void {
      entries.clear();
    },
  };
}
