export type StoreWriteResult =
  { ok: true } | { ok: false; reason: 'quota' | 'unavailable'; message: string };

export type StoreWriteFailure = Extract<StoreWriteResult, { ok: false }>;

const isQuotaError = (error: unknown): boolean =>
  error instanceof DOMException &&
  (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');

/** Reads a string from localStorage; `undefined` when absent or when storage is blocked. */
export function readLocal(key: string): string | undefined {
  try {
    return window.localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Writes a string to localStorage and says why it could not, instead of throwing. */
export function writeLocal(key: string, value: string): StoreWriteResult {
  try {
    window.localStorage.setItem(key, value);
    return { ok: true };
  } catch (error) {
    return writeError(error);
  }
}

/** Why a write to web storage threw, in words that say what to do. */
export function writeError(error: unknown): StoreWriteFailure {
  if (isQuotaError(error)) {
    return {
      ok: false,
      reason: 'quota',
      message:
        "The browser's storage for this site is full, so the latest changes are not saved. Delete drafts you no longer need, or export this spec.",
    };
  }
  return {
    ok: false,
    reason: 'unavailable',
    message:
      'This browser does not let the app store drafts (private mode or blocked storage). Export the spec to keep it.',
  };
}
