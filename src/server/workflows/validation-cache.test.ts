import { describe, expect, it } from 'vitest';
import { validateWorkflowGraph } from '../../core/workflow/workflow-graph.ts';
import { workflowGraphSchema } from '../../core/wire/workflow.ts';
import { linearWorkflow } from '../test-support/fixtures.ts';
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

  it('checks webhook specs by their content', () => {
    const cache = createValidationCache();
    expect(cache.webhookSpec({ dataframe_type: 'LEAD' }).success).toBe(true);
    expect(cache.webhookSpec({ dataframe_type: 'LEAD', input_schema: { a: 'nope' } }).success).toBe(
      false,
    );
  });
});
