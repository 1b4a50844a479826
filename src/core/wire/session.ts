import { z } from 'zod';

/**
 * `GET /inlet/session`: the page holds a valid UI session (its cookie), and where a script
 * finds the sandbox key (a file path or `INLET_API_KEY`); never the key itself.
 */
export const inletSessionResponseSchema = z.object({ sandbox_key_location: z.string() });
export type InletSessionResponse = z.infer<typeof inletSessionResponseSchema>;

/** `GET /inlet/sixtyfour/status`. */
export const upstreamStatusResponseSchema = z.object({
  server_has_key: z.boolean(),
  base: z.string(),
});
export type UpstreamStatusResponse = z.infer<typeof upstreamStatusResponseSchema>;
