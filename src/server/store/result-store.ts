import type Database from 'better-sqlite3';
import { z } from 'zod';
import { resultFormatSchema } from '../../core/wire/results.ts';

const resultRowSchema = z.object({
  job_id: z.string(),
  format: resultFormatSchema,
  filename: z.string(),
  file_path: z.string(),
  row_count: z.number(),
  block_number: z.number().nullable(),
  content_type: z.string(),
  created_at: z.string(),
});
export type StoredResult = z.infer<typeof resultRowSchema>;

export type ResultStore = ReturnType<typeof createResultStore>;

/** Result files of completed runs. */
export function createResultStore(db: Database.Database) {
  const insert = db.prepare(`INSERT OR REPLACE INTO results
    (job_id, format, filename, file_path, row_count, block_number, content_type, created_at)
    VALUES (@job_id, @format, @filename, @file_path, @row_count, @block_number, @content_type, @created_at)`);
  const selectOne = db.prepare('SELECT * FROM results WHERE job_id = ? AND format = ?');
  const selectByName = db.prepare('SELECT * FROM results WHERE job_id = ? AND filename = ?');
  return {
    insert(result: StoredResult): void {
      insert.run(result);
    },
    get(jobId: string, format: string): StoredResult | undefined {
      const row = selectOne.get(jobId, format);
      return row === undefined ? undefined : resultRowSchema.parse(row);
    },
    getByFilename(jobId: string, filename: string): StoredResult | undefined {
      const row = selectByName.get(jobId, filename);
      return row === undefined ? undefined : resultRowSchema.parse(row);
    },
  };
}
