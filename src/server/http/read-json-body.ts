import { MAX_JSON_DEPTH } from '@core/limits.ts';
import type { ValidationError } from '@core/wire/errors.ts';
import { errorMessage } from '@core/error-message.ts';

/**
 * How deep a request body may nest. The run body wraps the payload in two levels
 * (`{"webhook_payload": [ … ]}`), so a payload at the contract's limit still reaches the judge,
 * which reports deeper payloads with row pointers.
 */
export const MAX_BODY_DEPTH = MAX_JSON_DEPTH + 2;

/**
 * The byte offset (from `start`) at which UTF-8 JSON first nests deeper than `limit`, or -1. A
 * linear scan that skips strings, so a hostile body can never make a parser recurse. Every
 * byte of a multi-byte character is 0x80 or above and never looks like a quote, a backslash or
 * a bracket, so the bytes can be scanned as they are: about four times faster than the
 * decoded string, since V8 reads a typed array faster than a string.
 */
export function exceedsDepthInBytes(bytes: Uint8Array, start: number, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < bytes.length; i++) {
    const code = bytes[i];
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (depth > limit) return i;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return -1;
}

/** Where JSON.parse stopped, from V8's message ("… at position 12", or the end of input). */
const positionOf = (error: unknown, text: string): number => {
  const message = errorMessage(error, '');
  const match = /position (\d+)/.exec(message);
  if (match?.[1] !== undefined) return Number(match[1]);
  return /end of JSON/i.test(message) ? text.length : 0;
};

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The body as text, or undefined when it is not UTF-8. Invalid bytes are refused rather than
 * turned into U+FFFD, which would silently change the payload (and its idempotency hash).
 */
function decodeUtf8(body: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(body);
  } catch {
    return undefined;
  }
}

/** Where (in characters of the text, after a BOM) `body` goes deeper than the limit, or -1. */
function deepCharAt(body: Uint8Array, bom: boolean): number {
  const start = bom ? 3 : 0;
  const byteAt = exceedsDepthInBytes(body, start, MAX_BODY_DEPTH);
  return byteAt < 0 ? -1 : strictUtf8.decode(body.subarray(start, byteAt)).length;
}

/** A JSON body as read: its text and value (undefined for an empty body), or FastAPI's 422. */
export type JsonBody =
  { ok: true; text: string; value: unknown } | { ok: false; errors: ValidationError[] };

/**
 * Reads a request body as JSON, as the sandbox reads every body: bytes that are not UTF-8 →
 * 422, a leading byte order mark skipped, malformed or too deep → FastAPI's 422. Plain
 * `JSON.parse` without a reviver defines `__proto__` and `constructor` as own data properties,
 * which the contract wants kept as data. Pure and synchronous: the run intake calls it in a
 * worker thread, the body parser on the event loop.
 */
export function readJsonBody(body: Uint8Array): JsonBody {
  const decoded = decodeUtf8(body);
  if (decoded === undefined) {
    return {
      ok: false,
      errors: [
        {
          loc: ['body'],
          msg: 'The body is not valid UTF-8; send JSON encoded as UTF-8.',
          type: 'json_invalid',
        },
      ],
    };
  }
  // RFC 8259 lets a parser ignore a byte order mark; the browser's judge skips it too.
  const bom = decoded.startsWith('\uFEFF');
  const text = bom ? decoded.slice(1) : decoded;
  if (text.trim() === '') return { ok: true, text, value: undefined };
  const deepAt = deepCharAt(body, bom);
  if (deepAt >= 0) {
    return {
      ok: false,
      errors: [
        {
          loc: ['body', deepAt],
          msg: `JSON nesting is deeper than the limit of ${MAX_BODY_DEPTH} levels (${MAX_JSON_DEPTH} for webhook_payload).`,
          type: 'json_too_deep',
          ctx: { max_depth: MAX_BODY_DEPTH },
        },
      ],
    };
  }
  try {
    return { ok: true, text, value: JSON.parse(text) };
  } catch (error) {
    return {
      ok: false,
      errors: [
        {
          loc: ['body', positionOf(error, text)],
          msg: 'JSON decode error',
          type: 'json_invalid',
          ctx: { error: errorMessage(error, 'Invalid JSON') },
        },
      ],
    };
  }
}
