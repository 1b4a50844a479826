/**
 * A sentence for any thrown value, for people and logs. One helper for every room, so that
 * what a user reads and what the log says come from the same rule. `fallback` replaces
 * `String(value)` when a non-Error throw would say nothing useful. An error cloned from another
 * thread arrives as a plain object (a SqliteError does), and is said by its `message` too.
 */
export function errorMessage(error: unknown, fallback?: string): string {
  if (error instanceof Error) return error.message;
  if (
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof error.message === 'string'
  ) {
    return error.message;
  }
  return fallback ?? String(error);
}
