import type Database from 'better-sqlite3';
import { z } from 'zod';
import { jsonObjectSchema } from '@core/wire/json-object.ts';
import { resultFormatSchema } from '@core/wire/results.ts';
import type { Row } from '../runs/blocks/row.ts';
import { asBuffer, decompressJson } from './compressed-json.ts';

const resultRowSchema = z.object({
  job_id: z.string(),
  format: resultFormatSchema,
  filename: z.string(),
  /** '' for results kept in `result_rows`; a file for runs completed by an older Inlet. */
  file_path: z.string(),
  row_count: z.number(),
  block_number: z.number().nullable(),
  content_type: z.string(),
  created_at: z.string(),
  /** Bytes as downloaded; null until first measured (see `setFileSize`). */
  file_size: z.number().nullable(),
});
export type StoredResult = z.infer<typeof resultRowSchema>;

const storedRowsSchema = z.object({ rows: z.union([z.string(), z.instanceof(Uint8Array)]) });
const rowsSchema = z.array(jsonObjectSchema);

export type ResultStore = ReturnType<typeof createResultStore>;

/**
 * Results of completed runs: one row per download format, and the result rows themselves,
 * compressed, written in the transaction that marks the run completed, so a run is never
 * completed without them, nor has them without being completed.
 */
export function createResultStore(db: Database.Database) {
  const insert = db.prepare(`INSERT OR REPLACE INTO results
    (job_id, format, filename, file_path, row_count, block_number, content_type, created_at, file_size)
    VALUES (@job_id, @format, @filename, @file_path, @row_count, @block_number, @content_type, @created_at, @file_size)`);
  const updateSize = db.prepare(
    'UPDATE results SET file_size = @file_size WHERE job_id = @job_id AND format = @format',
  );
  const insertRows = db.prepare('INSERT OR REPLACE INTO result_rows (job_id, rows) VALUES (?, ?)');
  const selectOne = db.prepare('SELECT * FROM results WHERE job_id = ? AND format = ?');
  const selectByName = db.prepare('SELECT * FROM results WHERE job_id = ? AND filename = ?');
  const selectRows = db.prepare('SELECT rows FROM result_rows WHERE job_id = ?');
  return {
    insert(result: StoredResult): void {
      insert.run(result);
    },
    /** A run's result rows, as `compressJson` made them. */
    insertRows(jobId: string, compressed: Uint8Array): void {
      insertRows.run(jobId, asBuffer(compressed));
    },
    /** Keeps a file's measured size, so it is measured once. */
    setFileSize(jobId: string, format: string, size: number): void {
      updateSize.run({ job_id: jobId, format, file_size: size });
    },
    get(jobId: string, format: string): StoredResult | undefined {
      const row = selectOne.get(jobId, format);
      return row === undefined ? undefined : resultRowSchema.parse(row);
    },
    getByFilename(jobId: string, filename: string): StoredResult | undefined {
      const row = selectByName.get(jobId, filename);
      return row === undefined ? undefined : resultRowSchema.parse(row);
    },
    /** The result rows of a run; undefined for runs whose results are files (older Inlet). */
    rows(jobId: string): Row[] | undefined {
      const stored = selectRows.get(jobId);
      if (stored === undefined) return undefined;
      return rowsSchema.parse(JSON.parse(decompressJson(storedRowsSchema.parse(stored).rows)));
    },
  };
}
