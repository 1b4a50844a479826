import { describe, expect, it } from 'vitest';
import {
  MAX_WORKFLOW_OVERRIDES,
  withWorkflowOverride,
  workflowOverrideSlot,
} from './workflow-overrides-store.ts';

describe('withWorkflowOverride', () => {
  it('sets a slot, newest last, and forgets it with an empty text', () => {
    const sandbox = workflowOverrideSlot('sandbox', 'wf-1');
    const live = workflowOverrideSlot('sixtyfour', 'wf-1');
    const both = withWorkflowOverride(withWorkflowOverride({}, sandbox, '{"a":1}'), live, '{}');
    expect(both).toEqual({ [sandbox]: '{"a":1}', [live]: '{}' });
    expect(Object.keys(withWorkflowOverride(both, sandbox, '{"b":2}'))).toEqual([live, sandbox]);
    expect(withWorkflowOverride(both, sandbox, '  ')).toEqual({ [live]: '{}' });
  });

  it('keeps only the newest slots, as deleted workflows are never cleared one by one', () => {
    let stored = {};
    for (let index = 0; index <= MAX_WORKFLOW_OVERRIDES; index += 1) {
      stored = withWorkflowOverride(stored, workflowOverrideSlot('sandbox', `wf-${index}`), 'x');
    }
    expect(Object.keys(stored)).toHaveLength(MAX_WORKFLOW_OVERRIDES);
    expect(stored).not.toHaveProperty(workflowOverrideSlot('sandbox', 'wf-0'));
  });
});
