import { z } from 'zod';

/**
 * `GET /inlet/session`: the page holds a valid UI session (its cookie), and where a script
 * finds the sandbox key (a file path or `INLET_API_KEY`); never the key itself.
 */
export const inletSessionResponseSchema = z.object({ sandbox_key_location: z.string() });
export type InletSessionResponse = z.infer<typeof inletSessionResponseSchema>;

/**
 * Header on a 401 whose cause is a UI session cookie from an earlier start of the server
 * (value `stale`): the page may fetch itself once for a fresh cookie and ask again.
 */
export const STALE_SESSION_HEADER = 'x-inlet-session';

/** `GET /inlet/sixtyfour/status`. */
export const upstreamStatusResponseSchema = z.object({
  server_has_key: z.boolean(),
  base: z.string(),
});
export type UpstreamStatusResponse = z.infer<typeof upstreamStatusResponseSchema>;
