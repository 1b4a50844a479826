import { useState } from 'react';

/** A value kept, with the JSON text it was kept by. */
export type KeptByJson<T> = { readonly value: T; readonly text: string | undefined };

/** JSON.stringify's text; `undefined` (not a string) for undefined, as JSON.stringify gives. */
const jsonText = (value: unknown): string | undefined =>
  value === undefined ? undefined : JSON.stringify(value);

/**
 * `kept` while the JSON text of `compared` is the one it was kept by, else `value` newly kept.
 * The logic of {@link useStableByJson}, apart from React.
 */
export function keepByJson<T>(
  kept: KeptByJson<T> | undefined,
  value: T,
  compared: unknown = value,
): KeptByJson<T> {
  const text = jsonText(compared);
  return kept !== undefined && kept.text === text ? kept : { value, text };
}

/**
 * The value of an earlier render while the JSON text of the new one (or of `compared`, when
 * given: what decides sameness) is unchanged, so one object stands for the same content and
 * effects and memos that depend on it do not run again.
 */
export function useStableByJson<T>(value: T, compared: unknown = value): T {
  const [kept, setKept] = useState<KeptByJson<T>>(() => keepByJson(undefined, value, compared));
  const next = keepByJson(kept, value, compared);
  // Storing what the last render saw, as React advises: it renders again at once with it.
  if (next !== kept) setKept(next);
  return next.value;
}
