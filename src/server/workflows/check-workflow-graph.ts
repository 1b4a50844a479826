import { validateWorkflowGraph } from '@core/workflow/workflow-graph.ts';
import type { WorkflowGraph } from '@core/wire/workflow.ts';
import { validationError } from '../http/http-error.ts';
import { fillMissingBlockIds, normalizeBlockIds } from './normalize-block-ids.ts';

/**
 * The graph as stored: ids filled in, checked (422 naming each problem under
 * `body.workflow_definition`), then block ids normalized to UUIDs.
 */
export function checkWorkflowGraph(workflowId: string, graph: WorkflowGraph): WorkflowGraph {
  const filled = fillMissingBlockIds(graph);
  const validation = validateWorkflowGraph(filled);
  if (!validation.success) {
    throw validationError(
      validation.issues.map((issue) => ({
        loc: ['body', 'workflow_definition', ...issue.path],
        msg: issue.message,
        type: 'value_error',
      })),
    );
  }
  return normalizeBlockIds(workflowId, filled);
}
