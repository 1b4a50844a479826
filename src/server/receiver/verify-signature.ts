import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  RECEIVER_SIGNATURE_TOLERANCE_SECONDS,
  type SignatureVerdict,
} from '@core/wire/receiver.ts';

/** `t=<unix seconds>` and one or more `v1=<64 hex>`, comma-separated, or undefined. */
function parseHeader(header: string): { t: number; v1: string[] } | undefined {
  let t: number | undefined;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return undefined;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (t !== undefined || !/^\d{1,12}$/.test(value)) return undefined;
      t = Number(value);
    } else if (key === 'v1') {
      if (!/^[0-9a-f]{64}$/i.test(value)) return undefined;
      v1.push(value.toLowerCase());
    }
    // Other schemes (v0, v2…) are ignored, as a receiver that knows only v1 would.
  }
  return t === undefined || v1.length === 0 ? undefined : { t, v1 };
}

/**
 * Checks `Sixtyfour-Signature` against the raw body bytes: the HMAC is compared in constant
 * time, and only a matching signature is then judged by its age, so "stale timestamp" means
 * a genuine delivery replayed (or a clock off by more than the tolerance), never a forgery.
 */
export function verifySignature(
  secret: string | undefined,
  header: string | undefined,
  rawBody: Buffer,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): SignatureVerdict {
  if (secret === undefined || secret === '') return 'no signing secret configured';
  if (header === undefined || header.trim() === '') return 'missing signature';
  const parsed = parseHeader(header);
  if (parsed === undefined) return 'malformed signature header';
  const expected = createHmac('sha256', secret).update(`${parsed.t}.`).update(rawBody).digest();
  const matches = parsed.v1.some((candidate) =>
    timingSafeEqual(Buffer.from(candidate, 'hex'), expected),
  );
  if (!matches) return 'bad signature';
  return Math.abs(nowSeconds - parsed.t) > RECEIVER_SIGNATURE_TOLERANCE_SECONDS
    ? 'stale timestamp'
    : 'verified';
}
