import { describe, expect, it } from 'vitest';
import { validateWorkflowGraph } from '@core/workflow/workflow-graph.ts';
import { workflowGraphSchema } from '@core/wire/workflow.ts';
import { linearWorkflow } from '../test-support/fixtures.ts';
import { parseStoredGraph } from '../store/stored-graph.ts';
import { createValidationCache } from './validation-cache.ts';

const graphOf = (specs: Record<string, unknown> = {}) =>
  workflowGraphSchema.parse(
    linearWorkflow([{ block_id: 'filter_1', block_name: 'filter' }], specs).workflow_definition,
  );

describe('the validation cache', () => {
  it('answers what a fresh validation answers, for the same text and for a changed one', () => {
    const cache = createValidationCache();
    const valid = graphOf();
    expect(cache.graph(valid)).toEqual(validateWorkflowGraph(valid));
    expect(cache.graph(graphOf())).toBe(cache.graph(valid));
    // Same workflow, edited: a bad dataframe_type must not be answered from the cache.
    const edited = graphOf({ dataframe_type: 'PERSON' });
    expect(cache.graph(edited).success).toBe(false);
    expect(cache.graph(edited)).toEqual(validateWorkflowGraph(edited));
  });

  it('keeps the result of a frozen graph by the object itself, never that of a mutable one', () => {
    const cache = createValidationCache();
    const mutable = graphOf();
    const before = cache.graph(mutable);
    // The same object, edited in place: validated anew, not answered by identity.
    const source = mutable.blocks[0];
    if (source) source.specs = { ...source.specs, dataframe_type: 'PERSON' };
    expect(cache.graph(mutable)).toEqual(validateWorkflowGraph(mutable));
    expect(cache.graph(mutable)).not.toEqual(before);
    // Frozen on top only: its blocks can still change, so it is not kept by identity either.
    const shallow = Object.freeze(graphOf());
    const first = cache.graph(shallow);
    const block = shallow.blocks[0];
    if (block) block.specs = { ...block.specs, dataframe_type: 'PERSON' };
    expect(cache.graph(shallow)).not.toEqual(first);
    const stored = parseStoredGraph(JSON.stringify(graphOf()));
    expect(cache.graph(stored)).toBe(cache.graph(stored));
    expect(cache.graph(stored)).toEqual(validateWorkflowGraph(graphOf()));
  });

  it('checks webhook specs by their content', () => {
    const cache = createValidationCache();
    expect(cache.webhookSpec({ dataframe_type: 'LEAD' }).success).toBe(true);
    expect(cache.webhookSpec({ dataframe_type: 'LEAD', input_schema: { a: 'nope' } }).success).toBe(
      false,
    );
  });
});
