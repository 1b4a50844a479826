import { workflowGraphSchema, type WorkflowGraph } from '../../core/wire/workflow.ts';

/** Graphs remembered; the least recently used goes first. */
const MAX_ENTRIES = 128;
/** Longer texts (a graph carrying a large `webhook_input`) are parsed every time, not kept. */
const MAX_KEY_CHARS = 64 * 1024;

const parsed = new Map<string, WorkflowGraph>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * A workflow graph read from the store's JSON text. Every run of a workflow stores the same
 * text, and reading a run (the executor does for each) parsed and checked it anew; now the
 * result is kept by its text, a pure function of it. Kept graphs are shared, so they are
 * frozen: a caller that wants another graph builds a new one.
 */
export function parseStoredGraph(text: string): WorkflowGraph {
  const hit = parsed.get(text);
  if (hit !== undefined) {
    parsed.delete(text);
    parsed.set(text, hit);
    return hit;
  }
  const graph = workflowGraphSchema.parse(JSON.parse(text));
  if (text.length > MAX_KEY_CHARS) return graph;
  parsed.set(text, deepFreeze(graph));
  if (parsed.size > MAX_ENTRIES) {
    const oldest = parsed.keys().next();
    if (!oldest.done) parsed.delete(oldest.value);
  }
  return graph;
}
