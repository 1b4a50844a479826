import { parseWebhookSpec, type SpecModel } from '@core/spec/webhook-spec.ts';
import { isJsonObject } from '@core/wire/json-object.ts';
import { applySpecsOverride, WEBHOOK_OVERRIDE_KEYS } from '@core/workflow/specs-override.ts';
import { errorMessage } from '@core/error-message.ts';

export type OverrideReading =
  | { kind: 'none' }
  | { kind: 'ok'; override: Record<string, unknown> }
  | { kind: 'error'; message: string };

/** Reads the override editor's text: empty means no override. */
export function readOverrideText(text: string): OverrideReading {
  if (text.trim() === '') return { kind: 'none' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      kind: 'error',
      message: `The override is not valid JSON: ${errorMessage(error)}`,
    };
  }
  if (!isJsonObject(value)) {
    return {
      kind: 'error',
      message: 'The override must be a JSON object, like {"dataframe_type": "LEAD"}.',
    };
  }
  if (Object.keys(value).length === 0) return { kind: 'none' };
  return { kind: 'ok', override: value };
}

export type KeyComparison = {
  key: string;
  stored: unknown;
  override: unknown;
  effective: unknown;
  overridden: boolean;
  /** The override sets the key to something other than the stored value. */
  changed: boolean;
};

export type EffectiveSpec =
  | {
      success: true;
      specs: Record<string, unknown>;
      model: SpecModel;
      keys: KeyComparison[];
    }
  | { success: false; message: string; keys: KeyComparison[] };

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The stored spec with the override applied, as the API will judge the payload. */
export function effectiveSpec(
  stored: Record<string, unknown>,
  override: Record<string, unknown> | undefined,
): EffectiveSpec {
  const merged = applySpecsOverride(stored, override);
  const effective = merged.success ? merged.specs : stored;
  const names = [
    ...new Set([...WEBHOOK_OVERRIDE_KEYS, ...Object.keys(stored), ...Object.keys(override ?? {})]),
  ];
  const keys = names.map((key): KeyComparison => {
    const overridden = override !== undefined && Object.hasOwn(override, key);
    const storedValue = Object.hasOwn(stored, key) ? stored[key] : undefined;
    const effectiveValue = Object.hasOwn(effective, key) ? effective[key] : undefined;
    return {
      key,
      stored: storedValue,
      override: overridden ? override[key] : undefined,
      effective: effectiveValue,
      overridden,
      changed: overridden && !same(storedValue, override[key]),
    };
  });
  if (!merged.success) return { success: false, message: merged.message, keys };
  const parsed = parseWebhookSpec(merged.specs);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return {
      success: false,
      message: `With the override applied the spec is invalid: ${where}${issue?.message ?? ''}`,
      keys,
    };
  }
  return { success: true, specs: merged.specs, model: parsed.data, keys };
}
