import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/** JSON as the store keeps it: brotli-compressed (a BLOB), or plain text (older rows). */
export type StoredJson = string | Uint8Array;

/**
 * Compresses JSON text for the store (a run's payload, a run's result rows). Rows repeat their
 * keys and much of their values, so 100 rows of 8 KB keep about 0.4 KB: a run's row then fits
 * in one SQLite page, which makes writing it (and rewriting it at each status change) several
 * times cheaper, and a store of many runs several times smaller. Brotli at quality 1 takes
 * about 20 µs for 8 KB.
 */
export function compressJson(json: string): Buffer {
  return brotliCompressSync(json, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 1,
      [constants.BROTLI_PARAM_SIZE_HINT]: json.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}

/** The JSON text back; plain text is what rows stored before compression hold. */
export function decompressJson(stored: StoredJson): string {
  return typeof stored === 'string' ? stored : brotliDecompressSync(stored).toString('utf8');
}

/** A Buffer over the same bytes (better-sqlite3 binds Buffers), without a copy. */
export const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
