import { MASKED_HEADER_VALUE } from '@core/wire/receiver.ts';

/** Shorter values are not taken for keys: masking every "abc" in a body would garble it. */
const MIN_SECRET_LENGTH = 8;

/**
 * Removes known secrets (the sandbox key, the key a request presented, a Bearer token) from
 * what the inbox stores. Text gets MASKED_HEADER_VALUE; bytes get as many `*` as the secret
 * has bytes, so offsets in the rest of a body do not move.
 */
export type Scrubber = {
  text: (value: string) => string;
  /** The same bytes when no secret is in them, else a masked copy. */
  bytes: (value: Buffer) => Buffer;
  /** The longest secret in bytes, so a cut body can be scrubbed past its cut. */
  longest: number;
};

export function createScrubber(secrets: readonly (string | undefined)[]): Scrubber {
  const values = [
    ...new Set(
      secrets.filter(
        (secret): secret is string => secret !== undefined && secret.length >= MIN_SECRET_LENGTH,
      ),
    ),
  ];
  // In a URL a key may arrive percent-encoded.
  const texts = [...new Set(values.flatMap((value) => [value, encodeURIComponent(value)]))];
  const buffers = values.map((value) => Buffer.from(value, 'utf8'));
  return {
    text(value) {
      let out = value;
      for (const secret of texts)
        if (out.includes(secret)) out = out.split(secret).join(MASKED_HEADER_VALUE);
      return out;
    },
    bytes(value) {
      let out = value;
      for (const secret of buffers) {
        let at = out.indexOf(secret);
        if (at < 0) continue;
        if (out === value) out = Buffer.from(value);
        while (at >= 0) {
          out.fill('*', at, at + secret.length);
          at = out.indexOf(secret, at + secret.length);
        }
      }
      return out;
    },
    longest: Math.max(0, ...buffers.map((buffer) => buffer.length)),
  };
}
