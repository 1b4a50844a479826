import { workflowGraphSchema, type WorkflowGraph } from '@core/wire/workflow.ts';
import { memoizeParse } from './parsed-text-memo.ts';

/**
 * A workflow graph read from the store's JSON text. Every run of a workflow stores the same
 * text, and reading a run (the executor does for each) parsed and checked it anew; now the
 * result is kept by its text (frozen, see memoizeParse). A graph carrying a large
 * `webhook_input` (over 64k characters) is parsed every time.
 */
export const parseStoredGraph: (text: string) => WorkflowGraph = memoizeParse((text) =>
  workflowGraphSchema.parse(JSON.parse(text)),
);
