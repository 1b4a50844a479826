import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/** A run's rows as the store keeps them: brotli-compressed JSON, or plain JSON text (older runs). */
export type StoredPayload = string | Uint8Array;

/**
 * Compresses a run's rows (JSON text) for the runs table. Rows repeat their keys and much of
 * their values, so 100 rows of 8 KB keep about 0.4 KB: the row then fits in one SQLite page,
 * which makes writing it (and rewriting it at each status change) several times cheaper, and
 * a store of many runs several times smaller. Brotli at quality 1 takes about 20 µs for 8 KB.
 */
export function encodePayload(json: string): Buffer {
  return brotliCompressSync(json, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 1,
      [constants.BROTLI_PARAM_SIZE_HINT]: json.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}

/** The rows' JSON text back; plain text is what runs stored before compression hold. */
export function decodePayload(stored: StoredPayload): string {
  return typeof stored === 'string' ? stored : brotliDecompressSync(stored).toString('utf8');
}
