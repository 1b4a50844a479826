/**
 * Walks a nested value without recursion (a payload may nest thousands of levels). Returns
 * the number of object members inside it, or -1 as soon as a container sits deeper than
 * `maxDepth`. `depth` is the value's own depth: the payload itself is depth 1.
 */
export function inspectNested(value: object, depth: number, maxDepth: number): number {
  if (depth > maxDepth) return -1;
  // The common case, a list of strings or numbers, needs no stack.
  if (
    Array.isArray(value) &&
    (value as unknown[]).every((item) => typeof item !== 'object' || item === null)
  ) {
    return 0;
  }
  const stack: object[] = [value];
  const depths: number[] = [depth];
  let members = 0;
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const childDepth = (depths.pop() ?? depth) + 1;
    if (Array.isArray(top)) {
      for (const item of top as unknown[]) {
        if (typeof item !== 'object' || item === null) continue;
        if (childDepth > maxDepth) return -1;
        stack.push(item);
        depths.push(childDepth);
      }
      continue;
    }
    const record = top as Record<string, unknown>; // a non-array object, read by its own keys only
    const keys = Object.keys(record);
    members += keys.length;
    for (const key of keys) {
      const item = record[key];
      if (typeof item !== 'object' || item === null) continue;
      if (childDepth > maxDepth) return -1;
      stack.push(item);
      depths.push(childDepth);
    }
  }
  return members;
}
