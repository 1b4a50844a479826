import type { ApiErrorInfo, ApiProblem } from './read-api-error.ts';

/** A failed API call: the status, what the server said, and when to retry (429). */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly problems: ApiProblem[];
  /** From `Retry-After` (seconds), when the server sent one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, info: ApiErrorInfo, retryAfterSeconds?: number) {
    super(info.message);
    this.status = status;
    this.problems = info.problems;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** `Retry-After` as seconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** Sentence for any thrown value, for people: the one rule every room uses. */
export { errorMessage } from '@core/error-message.ts';
