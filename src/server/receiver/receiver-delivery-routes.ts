import type { FastifyInstance } from 'fastify';
import {
  RECEIVER_DELIVERIES_PATH,
  receiverDeliveriesQuerySchema,
  receiverDeliveryIdParamsSchema,
  type ReceiverDeliveriesResponse,
  type ReceiverDelivery,
} from '@core/wire/receiver.ts';
import { detailError, parseOr422 } from '../http/http-error.ts';
import type { DeliveryStore } from '../store/delivery-store.ts';

/**
 * The receiver's deliveries for the UI (authenticated like `/workflows`: the UI's session
 * cookie or the sandbox key): a list, newest first, without bodies; and one with its
 * headers (credentials masked) and kept body.
 */
export function registerReceiverDeliveryRoutes(
  app: FastifyInstance,
  deliveries: DeliveryStore,
): void {
  app.get(RECEIVER_DELIVERIES_PATH, (request) => {
    const query = parseOr422(receiverDeliveriesQuerySchema, request.query, ['query']);
    const answer: ReceiverDeliveriesResponse = {
      deliveries: deliveries.list({
        limit: query.limit,
        ...(query.name === undefined ? {} : { name: query.name }),
        ...(query.run_id === undefined ? {} : { runId: query.run_id }),
      }),
    };
    return answer;
  });
  app.get(`${RECEIVER_DELIVERIES_PATH}/:id`, (request) => {
    const { id } = parseOr422(receiverDeliveryIdParamsSchema, request.params, ['path']);
    const delivery: ReceiverDelivery | undefined = deliveries.get(id);
    if (delivery === undefined) {
      throw detailError(
        404,
        `Receiver delivery ${id} not found; it may have been pruned (INLET_RECEIVER_MAX_DELIVERIES keeps the newest).`,
      );
    }
    return delivery;
  });
}
