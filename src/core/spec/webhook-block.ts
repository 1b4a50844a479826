import { z } from 'zod';
import { type WebhookSpec, webhookSpecSchema } from './webhook-spec.ts';

export const WEBHOOK_BLOCK_NAME = 'webhook';

/** The webhook source block as it stands in a workflow graph (OpenAPI `Block`). */
export type WebhookBlock = {
  block_id: string;
  sequence_number: number;
  block_type: 'source';
  block_name: typeof WEBHOOK_BLOCK_NAME;
  specs: WebhookSpec;
};

/** The complete block object, as Sixtyfour's workflow editor shows it. */
export function toWebhookBlock(specs: WebhookSpec, blockId = 'webhook_1'): WebhookBlock {
  return {
    block_id: blockId,
    sequence_number: 1,
    block_type: 'source',
    block_name: WEBHOOK_BLOCK_NAME,
    specs,
  };
}

/** JSON Schema of the webhook spec, generated from the zod schema (for editors and `/workflows/blocks`). */
export function webhookSpecJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(webhookSpecSchema, { target: 'draft-07' });
}
