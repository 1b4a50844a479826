import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { INBOX_BODY_KEPT_BYTES } from '@core/wire/inbox.ts';

/** How an inbox body is stored: as received, or brotli-compressed ('br'). */
export type InboxBodyEncoding = 'br' | null;

/**
 * The kept part of a run request's body (its first INBOX_BODY_KEPT_BYTES), brotli-compressed
 * at quality 1, made where the body is prepared (on the intake's worker thread when it serves):
 * 100 rows of 7 KB keep about 0.4 KB, so the inbox's row fits in one SQLite page and writing it
 * costs the event loop about half as much as writing the body as received.
 */
export function compressInboxBody(body: Uint8Array): Uint8Array {
  const kept = body.subarray(0, INBOX_BODY_KEPT_BYTES);
  const compressed = brotliCompressSync(kept, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 1,
      [constants.BROTLI_PARAM_SIZE_HINT]: kept.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
  // A plain Uint8Array, as it arrives from the worker thread, so both ways answer alike.
  return new Uint8Array(compressed.buffer, compressed.byteOffset, compressed.byteLength);
}

/** The kept bytes of a stored body. */
export const readInboxBody = (stored: Buffer, encoding: InboxBodyEncoding): Buffer =>
  encoding === 'br' ? brotliDecompressSync(stored) : stored;
