/** Keys a run's `specs_override` may replace on a webhook block (contract, "specs_override"). */
export const WEBHOOK_OVERRIDE_KEYS = ['input_schema', 'webhook_input', 'dataframe_type'] as const;

/**
 * Keys a run's `specs_override` may replace on a source that finds its own rows [decision]:
 * the keys Sixtyfour documents for it.
 */
export const FINDING_SOURCE_OVERRIDE_KEYS: Readonly<Record<string, readonly string[]>> = {
  search: ['query', 'dataframe_type', 'max_results', 'auto_execute'],
  read_notebook: ['notebook_id', 'dataframe_type'],
};

export type OverrideResult =
  | { success: true; specs: Record<string, unknown> }
  | { success: false; key: string; message: string };

/**
 * The effective spec for one run: the stored `specs` with the override's keys replacing the
 * same keys (shallow merge) [decision]. Keys are copied as own data properties, so a column
 * named `__proto__` inside `input_schema` stays data and no prototype is touched.
 */
export function applySpecsOverride(
  stored: Record<string, unknown>,
  override: Record<string, unknown> | null | undefined,
  allowedKeys: readonly string[] = WEBHOOK_OVERRIDE_KEYS,
): OverrideResult {
  if (!override) return { success: true, specs: stored };
  for (const key of Object.keys(override)) {
    if (!allowedKeys.includes(key)) {
      return {
        success: false,
        key,
        message: `specs_override may not set "${key}"; it may set ${allowedKeys.join(', ')}.`,
      };
    }
  }
  const entries = new Map<string, unknown>(Object.entries(stored));
  for (const [key, value] of Object.entries(override)) entries.set(key, value);
  return { success: true, specs: Object.fromEntries(entries) };
}

/** A JSON object's own keys and values, copied without touching any prototype. */
export const copyJsonObject = (value: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(value));
