import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { columnsOf } from '@core/compare/compare-rows.ts';
import { canonicalBlockName } from '@core/workflow/block-catalogue.ts';
import { addedColumns } from '@core/workflow/block-outputs.ts';
import type { ResultFormat } from '@core/wire/results.ts';
import type { WorkflowGraph } from '@core/wire/workflow.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import { ApiError } from '@web/lib/api/api-error.ts';
import { getDownloadLinksQueryOptions, useDownloadLinks } from '../api/get-download-links.ts';
import { followDownload, namedDownloadUrl, resultFileName } from '@web/lib/download.ts';
import { ApiErrorNotice } from './api-error-notice.tsx';
import { cellText } from './format.ts';
import { clipText } from '@web/lib/clip-text.ts';

const MAX_SHOWN_ROWS = 200;

/** A refused link, shown as text only, cut to a readable length. */
const shortUrl = (url: string): string => clipText(url, 121);

export type ResultsPanelProps = {
  connection: Connection;
  runId: string;
  /** Whether the run was started with save_json; undefined when this tab does not know. */
  jsonSaved: boolean | undefined;
  /** The run's workflow graph, to mark the columns its blocks add; absent when unknown. */
  definition?: WorkflowGraph | null | undefined;
  /**
   * The run failed: its results exist only when it failed after storing them (an
   * outgoing_webhook that could not deliver). The panel shows nothing when the server says
   * there are none (409), and says why the rows are there when there are.
   */
  failedRun?: boolean;
  /** Names the downloaded files, with the run's id. */
  workflowName?: string | undefined;
};

/** Set on every row a simulated block touched (the sandbox's marker). */
const SIMULATED_MARKER = '_simulated';

/** The completed run's rows, and its result files through fresh signed links. */
export function ResultsPanel({
  connection,
  runId,
  jsonSaved,
  definition,
  failedRun = false,
  workflowName,
}: ResultsPanelProps) {
  const queryClient = useQueryClient();
  const links = useDownloadLinks(connection, runId, true);
  const [downloading, setDownloading] = useState<ResultFormat | undefined>(undefined);
  const [downloadError, setDownloadError] = useState<unknown>(undefined);
  const jsonHintId = useId();
  const titleId = useId();
  const file = links.data?.[0];
  const rows = file?.results ?? undefined;
  const columns = rows ? columnsOf(rows) : [];
  const added = addedColumns(definition?.blocks ?? [], canonicalBlockName);
  const simulated = rows?.some((row) => row[SIMULATED_MARKER] === true) ?? false;
  const marked = columns.filter((column) => added.has(column));
  const legendId = useId();

  const handleDownload = (format: ResultFormat) => {
    setDownloading(format);
    setDownloadError(undefined);
    // Links expire after download_expires_in_seconds: always ask for fresh ones.
    queryClient
      .query({ ...getDownloadLinksQueryOptions(connection, runId, format), staleTime: 0 })
      .then(
        (answer) => {
          const item = answer.find((entry) => entry.download_url);
          if (!item?.download_url) {
            const refused = answer.find(
              (entry) => entry.refused_download_url,
            )?.refused_download_url;
            setDownloadError(
              new Error(
                refused === undefined
                  ? `The server returned no ${format.toUpperCase()} link.`
                  : `The ${format.toUpperCase()} link the API returned is not an http(s) URL, so it is not followed (${shortUrl(refused)}); the rows shown here came with the answer.`,
              ),
            );
            return;
          }
          const name = resultFileName(workflowName, runId, format);
          followDownload(namedDownloadUrl(item.download_url, name), name);
        },
        (failure: unknown) => {
          setDownloadError(failure);
        },
      )
      .finally(() => {
        setDownloading(undefined);
      });
  };

  if (
    failedRun &&
    (links.isPending || (links.error instanceof ApiError && links.error.status === 409))
  ) {
    return null;
  }

  return (
    <section className="runs-panel" aria-labelledby={titleId}>
      <div className="runs-panel__head">
        <h3 id={titleId} className="runs-panel__title">
          Results
        </h3>
        <span className="section-hint">
          {file
            ? `${file.row_count} ${file.row_count === 1 ? 'row' : 'rows'} · ${file.filename}`
            : ''}
        </span>
        <div className="runs-panel__actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={downloading !== undefined}
            onClick={() => {
              handleDownload('csv');
            }}
          >
            {downloading === 'csv' ? 'Preparing…' : 'Download CSV'}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={downloading !== undefined || jsonSaved === false}
            aria-describedby={jsonSaved === false ? jsonHintId : undefined}
            onClick={() => {
              handleDownload('json');
            }}
          >
            {downloading === 'json' ? 'Preparing…' : 'Download JSON'}
          </button>
        </div>
      </div>
      {failedRun && (
        <p className="section-hint">
          The run failed after its results were stored (see its status): they are kept here.
        </p>
      )}
      {jsonSaved === false && (
        <p id={jsonHintId} className="section-hint">
          JSON is saved only for runs started with “Also save JSON”.
        </p>
      )}
      {downloadError !== undefined && (
        <ApiErrorNotice error={downloadError} title="Could not download" />
      )}
      {file?.refused_download_url !== undefined && (
        <p className="section-hint">
          The API's download link is not an http(s) URL, so it is not followed:{' '}
          <code>{shortUrl(file.refused_download_url)}</code>
        </p>
      )}
      {links.isPending && <p className="section-hint">Loading results…</p>}
      {links.isError && <ApiErrorNotice error={links.error} title="Could not load the results" />}
      {file && !rows && (
        <p className="section-hint">
          {file.row_count} rows are too many to show here; download the file to see them.
        </p>
      )}
      {rows && rows.length === 0 && <p className="section-hint">The run returned no rows.</p>}
      {rows && rows.length > 0 && marked.length > 0 && (
        <p id={legendId} className="section-hint">
          {simulated
            ? `Marked “simulated”: ${marked.length} ${marked.length === 1 ? 'column' : 'columns'} the sandbox made up from each row, as the blocks' return_fields and documented outputs name them; rows it touched have ${SIMULATED_MARKER} true.`
            : `Marked “added”: ${marked.length} ${marked.length === 1 ? 'column' : 'columns'} the workflow's blocks added.`}
        </p>
      )}
      {rows && rows.length > 0 && (
        <div
          className="runs-table-wrap runs-table-wrap--results"
          // Scrollable, so it takes focus: keyboard users scroll it with the arrow keys (axe:
          // scrollable-region-focusable).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          role="group"
          aria-label="Result rows"
        >
          <table className="runs-table runs-table--results">
            <caption className="visually-hidden">Result rows</caption>
            <thead>
              <tr>
                <th scope="col" className="runs-table__index">
                  #
                </th>
                {columns.map((column) => (
                  <th
                    key={column}
                    scope="col"
                    {...(added.has(column) ? { 'aria-describedby': legendId } : {})}
                  >
                    {column}
                    {added.has(column) && (
                      <span className="results-simulated">{simulated ? 'simulated' : 'added'}</span>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, MAX_SHOWN_ROWS).map((row, index) => (
                // Result rows have no id of their own; their order is fixed.
                <tr key={index}>
                  <td className="runs-table__index">{index + 1}</td>
                  {columns.map((column) => (
                    <td key={column}>
                      {cellText(Object.hasOwn(row, column) ? row[column] : undefined)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows && rows.length > MAX_SHOWN_ROWS && (
        <p className="section-hint">
          Showing the first {MAX_SHOWN_ROWS} of {rows.length} rows; download for all of them.
        </p>
      )}
    </section>
  );
}
