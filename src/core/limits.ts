/**
 * Limits of the contract ([decision] in src/core/wire/contract/README.md, "Limits"). One named
 * constant each, used by the editor's warnings and by the sandbox alike.
 */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 100_000;
export const MAX_JSON_DEPTH = 64;
export const RATE_LIMIT_PER_MIN = 500;
/** Runs waiting to start, beyond which a run request answers 503 (INLET_MAX_QUEUED_RUNS). */
export const MAX_QUEUED_RUNS = 10_000;

/** Column names: 1–128 characters after trimming. */
export const COLUMN_NAME_MAX_LENGTH = 128;

/** Result links and inline results. */
export const DOWNLOAD_EXPIRES_IN_SECONDS = 900;
export const INLINE_RESULTS_MAX_ROWS = 1_000;

/** How long an Idempotency-Key holds. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Findings of one kind reported in full before the rest are only counted. */
export const MAX_FINDINGS_PER_KIND = 1_000;

/**
 * Workflow names and descriptions (a 422 beyond). A run row keeps the workflow's name, so an
 * unbounded one was copied into every run and every run list.
 */
export const WORKFLOW_NAME_MAX_LENGTH = 200;
export const WORKFLOW_DESCRIPTION_MAX_LENGTH = 2_000;
