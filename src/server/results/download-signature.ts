import { createHmac, timingSafeEqual } from 'node:crypto';

/** Signs `/inlet/downloads/<job>/<file>` links so they work without an API key until they expire. */
export function createDownloadSigner(secret: string) {
  const key = createHmac('sha256', secret).update('inlet-download-links').digest();
  const sign = (jobId: string, filename: string, expires: number): string =>
    createHmac('sha256', key).update(`${jobId}\n${filename}\n${expires}`).digest('base64url');
  return {
    /** The link's path and query; the route adds the request's origin. */
    path(jobId: string, filename: string, expiresInSeconds: number, now = Date.now()): string {
      const expires = Math.floor(now / 1000) + expiresInSeconds;
      const signature = sign(jobId, filename, expires);
      return `/inlet/downloads/${encodeURIComponent(jobId)}/${encodeURIComponent(filename)}?expires=${expires}&signature=${signature}`;
    },
    verify(
      jobId: string,
      filename: string,
      expires: number,
      signature: string,
      now = Date.now(),
    ): boolean {
      if (!Number.isInteger(expires) || expires * 1000 < now) return false;
      const expected = Buffer.from(sign(jobId, filename, expires));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
export type DownloadSigner = ReturnType<typeof createDownloadSigner>;
