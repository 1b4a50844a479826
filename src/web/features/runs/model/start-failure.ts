import { ApiError } from '@web/lib/api/api-error.ts';

/** What a failed "Run test" request means for the run, in a title and what to do next. */
export type StartFailure = { title: string; next: string | undefined };

/**
 * Only an answer of the API itself (4xx) says the run was refused. Without one (a 5xx the
 * proxy passed on as 502, its 504 after 30 s, or no answer at all) the request may have
 * reached the API and started the run: each click sends a fresh Idempotency-Key, so running
 * again could start it twice, and the history (asked again on every answer) is where to look.
 */
export function describeStartFailure(error: unknown): StartFailure {
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 429) {
    const wait = error instanceof ApiError ? error.retryAfterSeconds : undefined;
    return {
      title: 'The API refused the run: too many requests',
      next:
        wait === undefined
          ? 'Wait a moment before running again.'
          : `It asks to wait ${String(Math.ceil(wait))} s before the next request; run again after that.`,
    };
  }
  if (status >= 400 && status < 500) return { title: 'The API refused the run', next: undefined };
  return {
    title: 'The run may have started: the API did not confirm it',
    next: 'Look for it in the run history below before running again; another run would start a second one.',
  };
}
