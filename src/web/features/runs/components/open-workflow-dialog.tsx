import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { WorkflowResponse } from '../../../../core/wire/workflow.ts';
import { Dialog } from '../../../components/ui/dialog.tsx';
import type { Connection } from '../../../lib/api/connection.ts';
import { getWorkflowQueryOptions } from '../api/get-workflow.ts';
import { useWorkflows } from '../api/list-workflows.ts';
import { ApiErrorNotice } from './api-error-notice.tsx';
import { formatDateTime } from './format.ts';

export type OpenWorkflowDialogProps = {
  open: boolean;
  onClose: () => void;
  connection: Connection;
  targetLabel: string;
  onOpened: (workflow: WorkflowResponse) => void;
};

/** Lists the target's workflows; opening one loads it (with its definition) into the console. */
export function OpenWorkflowDialog(props: OpenWorkflowDialogProps) {
  return (
    <Dialog
      open={props.open}
      onClose={props.onClose}
      title={`Open a workflow from ${props.targetLabel}`}
      description="Its webhook block's spec replaces the designer's; its runs show in the history."
      size="large"
    >
      <WorkflowList {...props} />
    </Dialog>
  );
}

function WorkflowList({ onClose, connection, onOpened }: OpenWorkflowDialogProps) {
  const queryClient = useQueryClient();
  const workflows = useWorkflows(connection);
  const [opening, setOpening] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const handleOpen = (id: string) => {
    setOpening(id);
    setError(undefined);
    queryClient
      .query({ ...getWorkflowQueryOptions(connection, id), staleTime: 0 })
      .then(
        (workflow) => {
          onOpened(workflow);
          onClose();
        },
        (failure: unknown) => {
          setError(failure);
        },
      )
      .finally(() => {
        setOpening(undefined);
      });
  };
  return (
    <div className="runs-form">
      {workflows.isPending && <p className="section-hint">Loading workflows…</p>}
      {workflows.isError && (
        <ApiErrorNotice error={workflows.error} title="Could not list workflows" />
      )}
      {workflows.data?.length === 0 && (
        <p className="section-hint">No workflows on this target yet. Save one first.</p>
      )}
      {workflows.data && workflows.data.length > 0 && (
        <div className="runs-table-wrap runs-table-wrap--dialog">
          <table className="runs-table">
            <caption className="visually-hidden">Workflows</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Updated</th>
                <th scope="col">Last run</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {workflows.data.map((workflow) => (
                <tr key={workflow.id}>
                  <th scope="row">
                    <span className="runs-table__name">{workflow.name}</span>
                    <span className="runs-table__id">{workflow.id}</span>
                  </th>
                  <td>{formatDateTime(workflow.updated_at)}</td>
                  <td>{formatDateTime(workflow.last_run_date)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={`Open ${workflow.name}`}
                      disabled={opening !== undefined}
                      onClick={() => {
                        handleOpen(workflow.id);
                      }}
                    >
                      {opening === workflow.id ? 'Opening…' : 'Open'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error !== undefined && <ApiErrorNotice error={error} title="Could not open the workflow" />}
      <div className="runs-form__actions">
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
