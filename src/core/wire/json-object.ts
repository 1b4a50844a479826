import { z } from 'zod';

/** A JSON object as parsed: plain data, not an array or null. */
export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Any JSON object, returned as the same object. Unlike `z.record`, this keeps every own key
 * exactly (`__proto__` and `constructor` are ordinary data on the wire).
 */
export const jsonObjectSchema = z.custom<Record<string, unknown>>(isJsonObject, {
  error: 'Input should be a valid dictionary',
});

export type JsonObject = z.infer<typeof jsonObjectSchema>;
