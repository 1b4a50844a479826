import { useCallback, useState } from 'react';
import type { Target } from '../../../lib/api/connection.ts';
import {
  openWorkflowSlot,
  readOpenWorkflows,
  writeOpenWorkflow,
} from '../model/open-workflow-store.ts';

/**
 * The id of the workflow open for this target and draft, restored after a reload.
 * `remember` takes another draft's id when opening a workflow moved the designer to a new draft.
 */
export function useOpenWorkflowId(target: Target, draftId: string) {
  const [stored, setStored] = useState(readOpenWorkflows);
  // The last id forgotten because the target no longer has it, to say so where it happened.
  const [forgotten, setForgotten] = useState<{ slot: string; id: string } | undefined>();
  const slot = openWorkflowSlot(target, draftId);
  const workflowId = stored[slot];
  const remember = useCallback(
    (id: string, forDraftId: string = draftId) => {
      setForgotten(undefined);
      setStored(writeOpenWorkflow(openWorkflowSlot(target, forDraftId), id));
    },
    [target, draftId],
  );
  const forget = useCallback(
    (id: string) => {
      // Only the id that failed: the user may have opened another meanwhile.
      if (stored[slot] !== id) return;
      setStored(writeOpenWorkflow(slot, undefined));
      setForgotten({ slot, id });
    },
    [slot, stored],
  );
  return {
    workflowId,
    remember,
    forget,
    forgottenId: forgotten?.slot === slot ? forgotten.id : undefined,
  };
}
