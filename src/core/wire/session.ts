import { z } from 'zod';

/** `GET /inlet/session`: what the UI served by the same server may know. */
export const inletSessionResponseSchema = z.object({ sandbox_api_key: z.string() });
export type InletSessionResponse = z.infer<typeof inletSessionResponseSchema>;

/** `GET /inlet/sixtyfour/status`. */
export const upstreamStatusResponseSchema = z.object({
  server_has_key: z.boolean(),
  base: z.string(),
});
export type UpstreamStatusResponse = z.infer<typeof upstreamStatusResponseSchema>;
