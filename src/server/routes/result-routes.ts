import { createReadStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DOWNLOAD_EXPIRES_IN_SECONDS, INLINE_RESULTS_MAX_ROWS } from '@core/limits.ts';
import { jsonObjectSchema } from '@core/wire/json-object.ts';
import { runIdParamsSchema } from '@core/wire/live-status.ts';
import {
  downloadLinksQuerySchema,
  RESULT_FORMATS,
  type ResultFormat,
  type WorkflowResultItemWithDownload,
} from '@core/wire/results.ts';
import { detailError, parseOr422 } from '../http/http-error.ts';
import type { DownloadSigner } from '../results/download-signature.ts';
import { LEGACY_ROWS_FILE } from '../results/describe-results.ts';
import { renderResultFile, resultFileSize } from '../results/render-results.ts';
import type { ResultStore, StoredResult } from '../store/result-store.ts';
import type { RunStore } from '../store/run-store.ts';
import type { Row } from '../runs/blocks/row.ts';

export const STORAGE_BUCKET = 'inlet-sandbox';

const downloadParamsSchema = z.object({ job_id: z.string(), filename: z.string() });
const downloadQuerySchema = z.object({
  expires: z.coerce.number().int(),
  signature: z.string(),
  /**
   * Inlet's own: the name the browser saves the file as (the UI names it after the workflow
   * and run). Only a plain slug, so it cannot break out of the header; the signed file and
   * its extension stay what they are.
   */
  save_as: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,100}$/)
    .optional(),
});

const legacyRowsSchema = z.array(jsonObjectSchema);

/** A download's body: rendered from the stored rows, or a file an older Inlet wrote. */
function downloadBody(file: StoredResult, results: ResultStore): Readable | string | undefined {
  if (file.file_path !== '') return createReadStream(file.file_path);
  const rows = results.rows(file.job_id);
  if (rows === undefined) return undefined;
  // CSV and NDJSON stream out a thousand rows at a time as the client reads it.
  return renderResultFile(file.format, rows);
}

/**
 * The exact size in bytes of what the file's download serves, measured once (rendering the
 * rows, or the size of an older Inlet's file) and then kept with the file's row.
 */
function fileSizeOf(file: StoredResult, results: ResultStore, rows: Row[] | undefined): number {
  if (file.file_size !== null) return file.file_size;
  let size: number;
  if (file.file_path !== '') size = statSync(file.file_path).size;
  else size = resultFileSize(file.format, rows ?? results.rows(file.job_id) ?? []);
  try {
    results.setFileSize(file.job_id, file.format, size);
  } catch {
    // A data directory that cannot be written (read-only, full) still serves reads: the size
    // is measured again next time.
  }
  return size;
}

const NO_FILE_HINT: Record<ResultFormat, string> = {
  csv: 'start the run with result_formats=csv (or without result_formats) to get them',
  json: 'start the run with save_json=true or result_formats=json to get them',
  ndjson: 'start the run with result_formats=ndjson to get them',
};

/** Result links and the signed downloads behind them (contract, "Runs"). */
export function registerResultRoutes(
  app: FastifyInstance,
  deps: {
    runs: RunStore;
    results: ResultStore;
    signer: DownloadSigner;
    /** The server's own origin (INLET_PUBLIC_ORIGIN or HOST:PORT), never the request's Host. */
    publicOrigin: () => string;
  },
): void {
  const { runs, results, signer } = deps;

  app.get(
    '/workflows/runs/:run_id/results/download-links',
    (request): WorkflowResultItemWithDownload[] => {
      const { run_id } = parseOr422(runIdParamsSchema, request.params, ['path']);
      const { format } = parseOr422(downloadLinksQuerySchema, request.query, ['query']);
      const run = runs.get(run_id.toLowerCase());
      if (!run) throw detailError(404, `Run ${run_id} not found`);
      // A run whose outgoing_webhook failed is `failed` with its results kept (executor,
      // completeWithDeliveries): those stay downloadable.
      const keptFailed =
        run.status === 'failed' &&
        RESULT_FORMATS.some((kept) => results.get(run.job_id, kept) !== undefined);
      if (run.status !== 'completed' && !keptFailed) {
        throw detailError(
          409,
          run.status === 'queued' || run.status === 'running'
            ? `Run ${run.job_id} is ${run.status}; results are ready once it has completed.`
            : `Run ${run.job_id} ${run.status === 'failed' ? 'failed' : 'was cancelled'}, so it has no results.`,
        );
      }
      const file = results.get(run.job_id, format);
      if (!file) {
        throw detailError(
          404,
          `Run ${run.job_id} has no ${format.toUpperCase()} results; ${NO_FILE_HINT[format]}.`,
        );
      }
      let inline: Record<string, unknown>[] | null = null;
      if (file.row_count <= INLINE_RESULTS_MAX_ROWS) {
        inline =
          results.rows(run.job_id) ??
          legacyRowsSchema.parse(
            JSON.parse(
              readFileSync(path.join(path.dirname(file.file_path), LEGACY_ROWS_FILE), 'utf8'),
            ),
          );
      }
      return [
        {
          filename: file.filename,
          storage_bucket: STORAGE_BUCKET,
          row_count: file.row_count,
          block_number: file.block_number,
          created_at: file.created_at,
          message: null,
          content_type: file.content_type,
          download_url: `${deps.publicOrigin()}${signer.path(run.job_id, file.filename, DOWNLOAD_EXPIRES_IN_SECONDS)}`,
          download_expires_in_seconds: DOWNLOAD_EXPIRES_IN_SECONDS,
          results: inline,
          file_size: fileSizeOf(file, results, inline ?? undefined),
        },
      ];
    },
  );

  /** The stored name, or the asked-for stem with the stored file's extension. */
  const saveAs = (filename: string, stem: string | undefined): string => {
    if (stem === undefined) return filename;
    const extension = /\.[a-z0-9]+$/.exec(filename)?.[0] ?? '';
    return `${stem}${extension}`;
  };

  // Signed links need no API key: clients fetch download_url as it is (contract, "Runs").
  app.get('/inlet/downloads/:job_id/:filename', (request, reply) => {
    const params = parseOr422(downloadParamsSchema, request.params, ['path']);
    const query = downloadQuerySchema.safeParse(request.query);
    if (
      !query.success ||
      !signer.verify(params.job_id, params.filename, query.data.expires, query.data.signature)
    ) {
      throw detailError(403, 'This download link is invalid or has expired; ask for new links.');
    }
    const file = results.getByFilename(params.job_id, params.filename);
    const body = file && downloadBody(file, results);
    if (!file || body === undefined) throw detailError(404, 'This result file no longer exists.');
    return reply
      .header('Content-Type', file.content_type)
      .header(
        'Content-Disposition',
        `attachment; filename="${saveAs(file.filename, query.data.save_as)}"`,
      )
      .send(body);
  });
}
