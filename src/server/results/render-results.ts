import { Readable } from 'node:stream';
import type { ResultFormat } from '@core/wire/results.ts';
import type { Row } from '../runs/blocks/row.ts';
import { csvChunks } from './to-csv.ts';

/** Rows a chunk of NDJSON holds when streamed. */
const NDJSON_CHUNK_ROWS = 1_000;

/** NDJSON: one row of JSON per line, each line ending in \n, rendered a thousand rows a chunk. */
export function* ndjsonChunks(rows: readonly Row[]): Generator<string> {
  for (let start = 0; start < rows.length; start += NDJSON_CHUNK_ROWS) {
    yield rows
      .slice(start, start + NDJSON_CHUNK_ROWS)
      .map((row) => `${JSON.stringify(row)}\n`)
      .join('');
  }
}

/** The text of a result file, in chunks; what a download of it serves, byte for byte. */
function* chunksOf(format: ResultFormat, rows: readonly Row[]): Generator<string> {
  if (format === 'csv') yield* csvChunks(rows);
  else if (format === 'ndjson') yield* ndjsonChunks(rows);
  else yield JSON.stringify(rows);
}

/** A download's body rendered from the stored rows: streamed as the client reads it, or one string for JSON. */
export const renderResultFile = (format: ResultFormat, rows: readonly Row[]): Readable | string =>
  format === 'json' ? JSON.stringify(rows) : Readable.from(chunksOf(format, rows));

/** The exact size in bytes of `renderResultFile(format, rows)` (UTF-8). */
export function resultFileSize(format: ResultFormat, rows: readonly Row[]): number {
  let size = 0;
  for (const chunk of chunksOf(format, rows)) size += Buffer.byteLength(chunk);
  return size;
}
