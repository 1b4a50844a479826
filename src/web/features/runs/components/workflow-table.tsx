import { useEffect, useRef } from 'react';
import type { WorkflowResponse } from '@core/wire/workflow.ts';
import { useVirtualRows } from '@web/lib/use-virtual-rows.ts';
import { formatDateTime } from './format.ts';

/** Height of one row in px; `.workflow-table tbody tr` in runs.css is set to the same. */
const ROW_HEIGHT = 52;
/** Ask for the next page when the view comes this close to the last loaded row. */
const PREFETCH_ROWS = 30;

export type WorkflowTableProps = {
  workflows: readonly WorkflowResponse[];
  /** Matches on the server, loaded or not (for `aria-rowcount`). */
  total: number;
  opening: string | undefined;
  onOpen: (id: string) => void;
  /** Called when the view nears the end of what is loaded. */
  onNearEnd: () => void;
};

/**
 * The workflows as a table whose rows are in the DOM only while in view: opening the dialog
 * on ten thousand workflows renders a few dozen rows. Focus moving to a row's button scrolls
 * it in, which brings its neighbours in, so Tab walks the whole list.
 */
export function WorkflowTable({
  workflows,
  total,
  opening,
  onOpen,
  onNearEnd,
}: WorkflowTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const view = useVirtualRows(scroller, workflows.length, ROW_HEIGHT);
  const nearEnd = view.end >= workflows.length - PREFETCH_ROWS;
  useEffect(() => {
    if (nearEnd) onNearEnd();
  }, [nearEnd, workflows.length, onNearEnd]);
  return (
    <div
      ref={scroller}
      className="runs-table-wrap runs-table-wrap--dialog"
      // Scrollable, so it takes focus: keyboard users scroll it with the arrow keys (axe:
      // scrollable-region-focusable).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="group"
      aria-label="Workflow list"
    >
      <table className="runs-table workflow-table" aria-rowcount={total + 1}>
        <caption className="visually-hidden">Workflows</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Name</th>
            <th scope="col">Updated</th>
            <th scope="col">Last run</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {view.before > 0 && <tr aria-hidden="true" style={{ height: view.before }} />}
          {workflows.slice(view.start, view.end).map((workflow, index) => (
            <tr key={workflow.id} aria-rowindex={view.start + index + 2}>
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
                    onOpen(workflow.id);
                  }}
                >
                  {opening === workflow.id ? 'Opening…' : 'Open'}
                </button>
              </td>
            </tr>
          ))}
          {view.after > 0 && <tr aria-hidden="true" style={{ height: view.after }} />}
        </tbody>
      </table>
    </div>
  );
}
