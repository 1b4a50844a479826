import path from 'node:path';
import type { ResultFormat } from '../../core/wire/results.ts';
import type { Row } from '../runs/blocks/row.ts';
import { crashPoint } from '../runs/crash-point.ts';
import type { StoredResult } from '../store/result-store.ts';
import { nowIso } from '../store/timestamps.ts';
import { toCsv } from './to-csv.ts';
import { writeFileAtomic } from './write-atomic.ts';

const CONTENT_TYPES: Record<ResultFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
};

/** The rows of a result as JSON, kept beside the files for inline `results`. */
export const RESULT_ROWS_FILE = 'rows.json';

/**
 * Writes a finished run's result files (CSV always, JSON on request) and describes them.
 * rows.json first (the crash harness stops between it and the rest), then the formats side by
 * side; the rows are serialised to JSON once for rows.json and the JSON file.
 */
export async function saveResultFiles(options: {
  dataDir: string;
  jobId: string;
  rows: Row[];
  saveJson: boolean;
  blockNumber: number | null;
}): Promise<StoredResult[]> {
  const formats: ResultFormat[] = options.saveJson ? ['csv', 'json'] : ['csv'];
  const createdAt = nowIso();
  const dir = path.join(options.dataDir, 'results', options.jobId);
  const json = JSON.stringify(options.rows);
  await writeFileAtomic(path.join(dir, RESULT_ROWS_FILE), json);
  crashPoint('results-writing');
  const written = await Promise.allSettled(
    formats.map(async (format): Promise<StoredResult> => {
      const filename = `results_${options.jobId}.${format}`;
      const filePath = path.join(dir, filename);
      await writeFileAtomic(filePath, format === 'csv' ? toCsv(options.rows) : json);
      return {
        job_id: options.jobId,
        format,
        filename,
        file_path: filePath,
        row_count: options.rows.length,
        block_number: options.blockNumber,
        content_type: CONTENT_TYPES[format],
        created_at: createdAt,
      };
    }),
  );
  // Every write settled before a failure is reported, so the caller's clean-up of the
  // directory cannot race a write still in flight.
  return written.map((outcome) => {
    if (outcome.status === 'rejected') throw outcome.reason;
    return outcome.value;
  });
}
