import { z } from 'zod';
import { jsonObjectSchema } from './json-object.ts';

/** Result file formats (contract, "Revision of 2026-12-02": `csv`, `json`, `ndjson`). */
export const RESULT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export const resultFormatSchema = z.enum(RESULT_FORMATS, {
  error: "Input should be 'csv', 'json' or 'ndjson'",
});
export type ResultFormat = z.infer<typeof resultFormatSchema>;

/**
 * `result_formats` of a run request: repeatable (`?result_formats=csv&result_formats=ndjson`),
 * each value a format; read as the list of files the run saves.
 */
export const resultFormatsQuerySchema = z.preprocess(
  (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : [value]), // A query array holds strings; the array schema checks each.
  z.array(resultFormatSchema).min(1),
);

/** `GET /workflows/runs/{run_id}/results/download-links` query. */
export const downloadLinksQuerySchema = z.object({ format: resultFormatSchema.default('csv') });

/** A link the browser may follow: an absolute http(s) URL. */
const isFollowableUrl = (url: string): boolean => /^https?:\/\//i.test(url) && URL.canParse(url);

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
    .refine(isFollowableUrl, {
      error: 'download_url must be an http(s) URL; this link is not followed.',
    })
    .nullish(),
  download_expires_in_seconds: z.number().int().default(900),
  results: z.array(jsonObjectSchema).nullish(),
  /** The sandbox adds it: the exact size in bytes of what `download_url` serves. */
  file_size: z.number().int().nonnegative().optional(),
});
export type WorkflowResultItemWithDownload = z.infer<typeof workflowResultItemWithDownloadSchema>;

/**
 * The answer as a client reads it. An item whose download_url is not http(s) (`gs://…`,
 * `javascript:`) keeps its inline rows: only the link is dropped, never followed, and kept
 * aside as text (`refused_download_url`) so the client can say why there is none.
 */
export const downloadLinksResponseSchema = z.array(
  workflowResultItemWithDownloadSchema
    .extend({ download_url: z.string().nullish() })
    .transform(({ download_url, ...item }) =>
      typeof download_url === 'string' && !isFollowableUrl(download_url)
        ? { ...item, download_url: null, refused_download_url: download_url }
        : { ...item, download_url, refused_download_url: undefined },
    ),
);
