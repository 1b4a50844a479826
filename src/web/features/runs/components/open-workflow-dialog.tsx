import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { WorkflowResponse } from '@core/wire/workflow.ts';
import { Dialog } from '@web/components/ui/dialog.tsx';
import { useDebounced } from '@web/lib/use-debounced.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { getWorkflowQueryOptions } from '../api/get-workflow.ts';
import { flattenPages, useWorkflowPages } from '../api/list-workflows.ts';
import { ApiErrorNotice } from './api-error-notice.tsx';
import { WorkflowTable } from './workflow-table.tsx';

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

/** Search text sent once typing pauses this long, not on every keystroke. */
const SEARCH_DELAY_MS = 200;

function listSummary(loaded: number, total: number, q: string): string {
  const count = total.toLocaleString();
  if (q !== '') return `${count} ${total === 1 ? 'workflow matches' : 'workflows match'} “${q}”`;
  if (loaded < total) return `${count} workflows; more load as you scroll`;
  return `${count} ${total === 1 ? 'workflow' : 'workflows'}`;
}

function WorkflowList({ onClose, connection, onOpened }: OpenWorkflowDialogProps) {
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), SEARCH_DELAY_MS);
  const pages = useWorkflowPages(connection, q);
  const workflows = useMemo(() => flattenPages(pages.data?.pages ?? []), [pages.data]);
  const first = pages.data?.pages[0];
  const total = first?.total ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
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
      <label className="field-label" htmlFor="open-workflow-search">
        Search workflows
      </label>
      <input
        id="open-workflow-search"
        type="search"
        className="input"
        placeholder="Name, id or description"
        maxLength={200}
        autoComplete="off"
        value={search}
        onChange={(event) => {
          setSearch(event.target.value);
        }}
      />
      {pages.isPending && <p className="section-hint">Loading workflows…</p>}
      {pages.isError && !pages.isFetchNextPageError && (
        <ApiErrorNotice error={pages.error} title="Could not list workflows" />
      )}
      {first && (
        <p className="section-hint" role="status">
          {listSummary(workflows.length, total, q)}
        </p>
      )}
      {first !== undefined && first.unreadable > 0 && (
        <p className="notice notice--warning" role="alert">
          {first.unreadable} stored {first.unreadable === 1 ? 'workflow' : 'workflows'} could not be
          read and {first.unreadable === 1 ? 'is' : 'are'} left out; the server log names them.
        </p>
      )}
      {first && total === 0 && q === '' && (
        <p className="section-hint">No workflows on this target yet. Save one first.</p>
      )}
      {workflows.length > 0 && (
        <WorkflowTable
          workflows={workflows}
          total={total}
          opening={opening}
          onOpen={handleOpen}
          onNearEnd={loadMore}
        />
      )}
      {pages.isFetchNextPageError && (
        <ApiErrorNotice error={pages.error} title="Could not load more workflows" />
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
