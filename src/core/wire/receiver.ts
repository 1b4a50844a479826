import { z } from 'zod';

/**
 * Inlet-only local receiver (issue 15, "Results coming back"): `POST /inlet/receiver/{name}`
 * stands for the user's own endpoint, so a sandbox workflow's outgoing_webhook can be pointed
 * at Inlet itself; `GET /inlet/receiver-deliveries` and `GET /inlet/receiver-deliveries/{id}`
 * show what arrived. Not part of Sixtyfour's API.
 */

/** Path prefix a receiver's URL starts with (the delivery guard lets only this through). */
export const RECEIVER_PATH = '/inlet/receiver/';
/** Path of the read routes (authenticated like `/workflows`). */
export const RECEIVER_DELIVERIES_PATH = '/inlet/receiver-deliveries';

export const RECEIVER_NAME_MAX_LENGTH = 100;
/** Bytes of a delivery's body kept; the rest is cut (its size and sha256 are of the whole). */
export const RECEIVER_BODY_KEPT_BYTES = 1024 * 1024;
/** How far a signature's `t=` may be from the receiver's clock, either way. */
export const RECEIVER_SIGNATURE_TOLERANCE_SECONDS = 300;
/** Deliveries kept by default (INLET_RECEIVER_MAX_DELIVERIES); older ones are pruned. */
export const RECEIVER_MAX_DELIVERIES = 1_000;
export const RECEIVER_LIST_MAX_LIMIT = 500;
/** What a header that carries credentials is stored as instead of its value. */
export const MASKED_HEADER_VALUE = '[masked]';

export const receiverNameSchema = z
  .string()
  .min(1, { error: 'A receiver name needs 1 to 100 characters of A-Z, a-z, 0-9, ".", "_", "-".' })
  .max(RECEIVER_NAME_MAX_LENGTH, {
    error: `A receiver name has at most ${RECEIVER_NAME_MAX_LENGTH} characters.`,
  })
  .regex(/^[A-Za-z0-9._-]+$/, {
    error:
      'A receiver name may hold only A-Z, a-z, 0-9, ".", "_" and "-" (no "/", spaces or other characters).',
  });

/**
 * The verdict on a delivery's `Sixtyfour-Signature` (`t=<unix>,v1=<hex HMAC-SHA256 of
 * "<t>.<raw body>">`) with INLET_WEBHOOK_SIGNING_SECRET. A signature that matches but whose
 * `t` is more than RECEIVER_SIGNATURE_TOLERANCE_SECONDS away is "stale timestamp" (a replay).
 */
export const signatureVerdictSchema = z.enum([
  'verified',
  'no signing secret configured',
  'missing signature',
  'bad signature',
  'stale timestamp',
  'malformed signature header',
]);
export type SignatureVerdict = z.infer<typeof signatureVerdictSchema>;

/** The answer to the sender: quick, small, and enough to find the delivery again. */
export const receiverAcceptedSchema = z.object({
  received: z.literal(true),
  id: z.number().int(),
  signature: signatureVerdictSchema,
});
export type ReceiverAccepted = z.infer<typeof receiverAcceptedSchema>;

export const receiverParamsSchema = z.object({ '*': receiverNameSchema });

export const receiverDeliveriesQuerySchema = z.object({
  name: receiverNameSchema.optional(),
  run_id: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(RECEIVER_LIST_MAX_LIMIT).default(100),
});

export const receiverDeliveryIdParamsSchema = z.object({
  id: z.coerce.number().int().min(1),
});

/** One delivery in a list: everything but its headers and body. */
export const receiverDeliverySummarySchema = z.object({
  id: z.number().int(),
  received_at: z.string(),
  name: receiverNameSchema,
  content_type: z.string().nullable(),
  /** From Sixtyfour-Event-Id, else the envelope's `event_id`. */
  event_id: z.string().nullable(),
  event_type: z.string().nullable(),
  /** Sixtyfour-Delivery-Attempt as a number; null when absent or not a number. */
  attempt: z.number().int().nullable(),
  /** From the envelope when the body parses as one; null otherwise. */
  run_id: z.string().nullable(),
  workflow_id: z.string().nullable(),
  signature: signatureVerdictSchema,
  /** Bytes received, and the sha256 (hex) of all of them. */
  body_size: z.number().int(),
  body_sha256: z.string(),
  /** Whether only the first RECEIVER_BODY_KEPT_BYTES were kept. */
  body_truncated: z.boolean(),
});
export type ReceiverDeliverySummary = z.infer<typeof receiverDeliverySummarySchema>;

export const receiverDeliveriesResponseSchema = z.object({
  deliveries: z.array(receiverDeliverySummarySchema),
});
export type ReceiverDeliveriesResponse = z.infer<typeof receiverDeliveriesResponseSchema>;

export const receiverHeaderSchema = z.object({ name: z.string(), value: z.string() });

export const receiverDeliverySchema = receiverDeliverySummarySchema.extend({
  /** As received, in order, names lower-cased; x-api-key, cookie, authorization masked. */
  headers: z.array(receiverHeaderSchema),
  /** The kept bytes as UTF-8 (bytes that are not UTF-8, or a character cut in two, read as U+FFFD). */
  body: z.string(),
});
export type ReceiverDelivery = z.infer<typeof receiverDeliverySchema>;

/** The parts of a delivery envelope the receiver links a delivery by. */
export const receiverEnvelopeSchema = z.object({
  event_id: z.string().max(200).optional(),
  event_type: z.string().max(200).optional(),
  run_id: z.string().max(200),
  workflow_id: z.string().max(200),
});
