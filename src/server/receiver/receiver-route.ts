import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  RECEIVER_BODY_KEPT_BYTES,
  RECEIVER_PATH,
  receiverEnvelopeSchema,
  receiverParamsSchema,
  type ReceiverAccepted,
} from '@core/wire/receiver.ts';
import { contentTypeOf } from '../http/json-body.ts';
import { maskedHeaders } from '../http/masked-headers.ts';
import { parseOr422 } from '../http/http-error.ts';
import { nowIso } from '../store/timestamps.ts';
import type { DeliveryStore, NewDelivery } from '../store/delivery-store.ts';
import { verifySignature } from './verify-signature.ts';

const single = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

/** The envelope's run and workflow, when the whole body is one (JSON object with both). */
function envelopeOf(body: Buffer) {
  const first = body.subarray(0, 64).toString('utf8').trimStart();
  if (!first.startsWith('{')) return undefined;
  try {
    const parsed = receiverEnvelopeSchema.safeParse(JSON.parse(body.toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const attemptOf = (header: string | undefined): number | null =>
  header !== undefined && /^\d{1,9}$/.test(header.trim()) ? Number(header.trim()) : null;

/**
 * `POST /inlet/receiver/{name}`: the local stand-in for the user's endpoint. No API key (a
 * Sixtyfour delivery carries none), so it is bounded instead: the server's body limit (413),
 * a checked name (422), and at most INLET_RECEIVER_MAX_DELIVERIES kept. The body is read as
 * raw bytes whatever its Content-Type, because the signature is over exactly those bytes.
 * Answers 200 as soon as the delivery is stored (one SQLite insert).
 */
export function registerReceiverRoute(
  app: FastifyInstance,
  options: { deliveries: DeliveryStore; signingSecret: string | undefined },
): void {
  void app.register((scope, _opts, done) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, parsed) => {
      parsed(null, body);
    });
    scope.post(`${RECEIVER_PATH}*`, (request, reply) => {
      const { '*': name } = parseOr422(receiverParamsSchema, request.params, ['path', 'name']);
      // parseAs 'buffer' gives a Buffer; no body at all gives undefined.
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const envelope = envelopeOf(raw);
      const delivery: NewDelivery = {
        receivedAt: nowIso(),
        name,
        headers: maskedHeaders(request),
        contentType: contentTypeOf(request) ?? null,
        body: raw.subarray(0, RECEIVER_BODY_KEPT_BYTES),
        bodySize: raw.length,
        bodySha256: createHash('sha256').update(raw).digest('hex'),
        bodyTruncated: raw.length > RECEIVER_BODY_KEPT_BYTES,
        eventId: single(request.headers['sixtyfour-event-id']) ?? envelope?.event_id ?? null,
        eventType: single(request.headers['sixtyfour-event-type']) ?? envelope?.event_type ?? null,
        attempt: attemptOf(single(request.headers['sixtyfour-delivery-attempt'])),
        runId: envelope?.run_id ?? null,
        workflowId: envelope?.workflow_id ?? null,
        signature: verifySignature(
          options.signingSecret,
          single(request.headers['sixtyfour-signature']),
          raw,
        ),
      };
      const id = options.deliveries.save(delivery);
      const answer: ReceiverAccepted = { received: true, id, signature: delivery.signature };
      return reply.code(200).send(answer);
    });
    done();
  });
}
