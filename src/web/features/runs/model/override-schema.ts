import { z } from 'zod';
import { webhookSpecSchema } from '@core/spec/webhook-spec.ts';

/**
 * A webhook block's `specs_override`: any of the spec's own keys, nothing else (contract,
 * "specs_override"). Derived from the core spec schema, so its keys are WEBHOOK_OVERRIDE_KEYS.
 */
export const specsOverrideSchema = webhookSpecSchema.partial();

let cached: Record<string, unknown> | undefined;

/** JSON Schema of the override, for the editor's diagnostics and completion. */
export function specsOverrideJsonSchema(): Record<string, unknown> {
  cached ??= {
    ...z.toJSONSchema(specsOverrideSchema, { target: 'draft-07', io: 'input' }),
    title: 'specs_override',
    description:
      'Replaces these keys of the stored webhook spec for this run only (shallow merge): input_schema, webhook_input, dataframe_type.',
  };
  return cached;
}
