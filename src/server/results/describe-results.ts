import type { ResultFormat } from '@core/wire/results.ts';
import type { StoredResult } from '../store/result-store.ts';

const CONTENT_TYPES: Record<ResultFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  ndjson: 'application/x-ndjson',
};

/** Where runs completed by an older Inlet keep their rows: beside their result files. */
export const LEGACY_ROWS_FILE = 'rows.json';

/**
 * The downloads of a completed run, described for the `results` table: the formats the run
 * asked for (`result_formats`, JSON with save_json), or for runs stored before those were kept,
 * CSV and JSON with save_json. Their content is rendered from the stored rows when downloaded.
 */
export function describeResults(options: {
  jobId: string;
  rowCount: number;
  saveJson: boolean;
  formats: readonly ResultFormat[] | null;
  blockNumber: number | null;
  createdAt: string;
}): StoredResult[] {
  const formats: readonly ResultFormat[] =
    options.formats ?? (options.saveJson ? ['csv', 'json'] : ['csv']);
  return formats.map((format) => ({
    job_id: options.jobId,
    format,
    filename: `results_${options.jobId}.${format}`,
    file_path: '',
    row_count: options.rowCount,
    block_number: options.blockNumber,
    content_type: CONTENT_TYPES[format],
    created_at: options.createdAt,
    file_size: null,
  }));
}
