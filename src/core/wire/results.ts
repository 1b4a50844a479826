import { z } from 'zod';
import { jsonObjectSchema } from './json-object.ts';

export const RESULT_FORMATS = ['csv', 'json'] as const;
export const resultFormatSchema = z.enum(RESULT_FORMATS, {
  error: "Input should be 'csv' or 'json'",
});
export type ResultFormat = z.infer<typeof resultFormatSchema>;

/** `GET /workflows/runs/{run_id}/results/download-links` query. */
export const downloadLinksQuerySchema = z.object({ format: resultFormatSchema.default('csv') });

/** OpenAPI `WorkflowResultItemWithDownload`. */
export const workflowResultItemWithDownloadSchema = z.object({
  filename: z.string(),
  storage_bucket: z.string(),
  row_count: z.number().int().default(0),
  block_number: z.number().int().nullish(),
  created_at: z.string().nullish(),
  message: z.string().nullish(),
  content_type: z.string().nullish(),
  // Followed by the browser as a download: an upstream's `javascript:` (or any non-http(s))
  // link fails the answer loudly instead of ever becoming a link.
  download_url: z
    .string()
    .refine((url) => /^https?:\/\//i.test(url) && URL.canParse(url), {
      error: 'download_url must be an http(s) URL; this link is not followed.',
    })
    .nullish(),
  download_expires_in_seconds: z.number().int().default(900),
  results: z.array(jsonObjectSchema).nullish(),
});
export type WorkflowResultItemWithDownload = z.infer<typeof workflowResultItemWithDownloadSchema>;

export const downloadLinksResponseSchema = z.array(workflowResultItemWithDownloadSchema);
