/**
 * Walks a nested value without recursion (a payload may nest thousands of levels). Returns
 * how many JSON strings it is written with (keys and string values, at any depth), or -1
 * as soon as a container sits deeper than `maxDepth`. `depth` is the value's own depth:
 * the payload itself is depth 1. The text variant compares the count with the strings in
 * the text: JSON.parse drops a repeated key, so fewer strings means a duplicate key.
 */
export function inspectNested(value: object, depth: number, maxDepth: number): number {
  if (depth > maxDepth) return -1;
  if (Array.isArray(value)) {
    // The common case, a list of strings or numbers, needs no stack.
    let flatStrings = 0;
    let flat = true;
    for (const item of value as unknown[]) {
      if (typeof item === 'string') flatStrings += 1;
      else if (typeof item === 'object' && item !== null) {
        flat = false;
        break;
      }
    }
    if (flat) return flatStrings;
  }
  const stack: object[] = [value];
  const depths: number[] = [depth];
  let strings = 0;
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const childDepth = (depths.pop() ?? depth) + 1;
    // Own keys and values only, in the same order, for arrays (indices) and objects alike.
    const items = Object.values(top) as unknown[];
    if (!Array.isArray(top)) strings += items.length;
    for (const item of items) {
      if (typeof item === 'string') {
        strings += 1;
      } else if (typeof item === 'object' && item !== null) {
        if (childDepth > maxDepth) return -1;
        stack.push(item);
        depths.push(childDepth);
      }
    }
  }
  return strings;
}
