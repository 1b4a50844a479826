import { describe, expect, it } from 'vitest';
import { MAX_OPEN_WORKFLOWS, openWorkflowSlot, withOpenWorkflow } from './open-workflow-store.ts';

describe('withOpenWorkflow', () => {
  it('sets a slot, newest last, and forgets it with undefined', () => {
    const sandbox = openWorkflowSlot('sandbox', 'draft-1');
    const live = openWorkflowSlot('sixtyfour', 'draft-1');
    const both = withOpenWorkflow(withOpenWorkflow({}, sandbox, 'wf-a'), live, 'wf-b');
    expect(both).toEqual({ [sandbox]: 'wf-a', [live]: 'wf-b' });
    expect(Object.keys(withOpenWorkflow(both, sandbox, 'wf-c'))).toEqual([live, sandbox]);
    expect(withOpenWorkflow(both, sandbox, undefined)).toEqual({ [live]: 'wf-b' });
  });

  it('keeps only the newest slots, as deleted drafts are never cleared one by one', () => {
    let stored = {};
    for (let index = 0; index <= MAX_OPEN_WORKFLOWS; index += 1) {
      stored = withOpenWorkflow(
        stored,
        openWorkflowSlot('sandbox', `draft-${index}`),
        `wf-${index}`,
      );
    }
    expect(Object.keys(stored)).toHaveLength(MAX_OPEN_WORKFLOWS);
    expect(stored).not.toHaveProperty(openWorkflowSlot('sandbox', 'draft-0'));
    expect(stored).toHaveProperty(openWorkflowSlot('sandbox', `draft-${MAX_OPEN_WORKFLOWS}`));
  });
});
