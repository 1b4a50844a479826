import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import {
  INBOX_PATH,
  inboxIdParamsSchema,
  inboxListQuerySchema,
  type InboxEntry,
  type InboxListResponse,
} from '@core/wire/inbox.ts';
import { detailError, parseOr422 } from '../http/http-error.ts';
import type { InboxStore } from '../store/inbox-store.ts';
import { locateInboxFindings } from './locate-inbox-findings.ts';
import type { InboxRecorder } from './record-inbox.ts';

/**
 * The inbox for the UI (authenticated like `/workflows`: the UI's session cookie or the
 * sandbox key): a list, newest first, without bodies, filtered and searched; and one entry
 * with its headers (keys masked), body, findings placed in the body, and the answer given.
 */
export function registerInboxRoutes(
  app: FastifyInstance,
  { store, recorder }: { store: InboxStore; recorder: InboxRecorder },
): void {
  app.get(INBOX_PATH, (request) => {
    const query = parseOr422(inboxListQuerySchema, request.query, ['query']);
    recorder.flush();
    const { entries, nextBefore } = store.list(query);
    const answer: InboxListResponse = { entries, next_before: nextBefore };
    return answer;
  });
  app.get(`${INBOX_PATH}/:id`, (request) => {
    const { id } = parseOr422(inboxIdParamsSchema, request.params, ['path']);
    recorder.flush();
    const stored = store.get(id);
    if (stored === undefined) {
      throw detailError(
        404,
        `Inbox entry ${id} not found; it may have been pruned (INLET_INBOX_MAX_ENTRIES and INLET_INBOX_MAX_AGE_HOURS).`,
      );
    }
    const body = stored.body === null ? null : stored.body.toString('utf8');
    const sha256 =
      stored.body_sha256 ??
      (stored.body === null ? null : createHash('sha256').update(stored.body).digest('hex'));
    const entry: InboxEntry = {
      ...stored,
      body,
      body_sha256: sha256,
      findings: locateInboxFindings(stored, body),
    };
    return entry;
  });
}
