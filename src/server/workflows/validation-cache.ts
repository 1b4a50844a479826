import { validateWebhookSpec, type SpecValidation } from '@core/spec/spec-issues.ts';
import { validateWorkflowGraph, type GraphValidation } from '@core/workflow/workflow-graph.ts';
import type { WorkflowGraph } from '@core/wire/workflow.ts';
import { createLruMap } from '../store/lru-map.ts';
import { isDeeplyFrozen } from '../store/parsed-text-memo.ts';

/** Graphs and specs remembered, each; the least recently used goes first. */
const MAX_ENTRIES = 256;
/** Longer keys (a spec carrying a large `webhook_input`) are validated every time, not kept. */
const MAX_KEY_CHARS = 64 * 1024;

/**
 * A bounded map from JSON text to a pure function's result, least recently used out first.
 * An input frozen to its leaves (a graph read from the store, see parseStoredGraph) cannot
 * change, so its result is also kept by the object itself, found again without serialising it.
 */
function memo<I extends object, T>(compute: (value: I) => T) {
  const entries = createLruMap<string, T>(MAX_ENTRIES);
  const byObject = new WeakMap<I, T>();
  return (value: I): T => {
    const frozen = isDeeplyFrozen(value);
    const known = frozen ? byObject.get(value) : undefined;
    if (known !== undefined) return known;
    const result = byText(value, JSON.stringify(value));
    if (frozen) byObject.set(value, result);
    return result;
  };

  function byText(value: I, key: string): T {
    const hit = entries.get(key);
    if (hit !== undefined) return hit;
    const result = compute(value);
    if (key.length <= MAX_KEY_CHARS) entries.set(key, result);
    return result;
  }
}

export type ValidationCache = ReturnType<typeof createValidationCache>;

/**
 * Remembers `validateWorkflowGraph` and `validateWebhookSpec` by the JSON text of their input.
 * Both are pure functions of that text, so a hit is exactly what a new validation would return,
 * whatever changed in between (an update within the same millisecond included); keying by
 * workflow id and `updated_at` could not promise that. Every run of the same workflow repeats
 * the same validations (about 1 ms together, most of a run request's time) in the run route
 * and again in the executor.
 *
 * The results are shared: callers read them and never mutate them.
 */
export function createValidationCache() {
  const graphs = memo((graph: WorkflowGraph) => validateWorkflowGraph(graph));
  const specs = memo((spec: Record<string, unknown>) => validateWebhookSpec(spec));
  return {
    graph(graph: WorkflowGraph): GraphValidation {
      return graphs(graph);
    },
    webhookSpec(spec: Record<string, unknown>): SpecValidation {
      return specs(spec);
    },
  };
}
