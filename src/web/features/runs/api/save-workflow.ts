import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type WorkflowGraph, workflowResponseSchema } from '@core/wire/workflow.ts';
import { apiRequest } from '@web/lib/api-client.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { getWorkflowQueryOptions } from './get-workflow.ts';
import { workflowListKey } from './list-workflows.ts';

export type SaveWorkflowInput = {
  /** Present: update (an upsert) that workflow; absent: create a new one. */
  workflowId?: string;
  name: string;
  description: string;
  definition: WorkflowGraph;
};

/** `POST /workflows/create_workflow`, or `POST /workflows/update_workflow?workflow_id=`. */
export const saveWorkflow = (connection: Connection, input: SaveWorkflowInput) =>
  input.workflowId === undefined
    ? apiRequest(connection, {
        method: 'POST',
        path: '/workflows/create_workflow',
        body: {
          workflow_name: input.name,
          workflow_description: input.description,
          workflow_definition: input.definition,
        },
        schema: workflowResponseSchema,
      })
    : apiRequest(connection, {
        method: 'POST',
        path: '/workflows/update_workflow',
        query: { workflow_id: input.workflowId },
        body: {
          workflow_name: input.name,
          workflow_description: input.description,
          workflow_definition: input.definition,
        },
        schema: workflowResponseSchema,
      });

export function useSaveWorkflow(connection: Connection) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveWorkflowInput) => saveWorkflow(connection, input),
    onSuccess: async (workflow) => {
      queryClient.setQueryData(getWorkflowQueryOptions(connection, workflow.id).queryKey, workflow);
      await queryClient.invalidateQueries({
        queryKey: workflowListKey(connection),
      });
    },
  });
}
