import { createHash } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import {
  INBOX_ANSWER_KEPT_BYTES,
  INBOX_BODY_KEPT_BYTES,
  type InboxJudged,
  type InboxTarget,
} from '@core/wire/inbox.ts';
import { contentTypeOf } from '../http/json-body.ts';
import { maskedHeaders } from '../http/masked-headers.ts';
import { redactUrl } from '../http/redact-url.ts';
import { PROXY_PREFIX } from '../proxy/proxy-routes.ts';
import type { InboxStore, NewInboxEntry } from '../store/inbox-store.ts';
import { classifyAnswer } from './classify-answer.ts';
import type { InboxBodyEncoding } from './inbox-body.ts';
import { createScrubber, type Scrubber } from './scrub-secrets.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** What the judge said about a run request (set by the run route), for the inbox. */
    inboxJudged: InboxJudged | undefined;
    /** The body's kept part as the intake compressed it (compressInboxBody). */
    inboxBody: Uint8Array | undefined;
  }
}

const RUN_PATH = '/workflows/run';
/** How long entries wait for the run committer's next transaction while runs stream in. */
const DEFER_MS = 20;
/** The run endpoint through the proxy: the only path its wildcard route forwards as a run. */
const LIVE_RUN_PATH = `${PROXY_PREFIX}${RUN_PATH}`;

/** Where a request was sent, when it is a run request; undefined for any other request. */
function runTargetOf(request: FastifyRequest): InboxTarget | undefined {
  if (request.method !== 'POST') return undefined;
  const route = request.routeOptions.url;
  if (route === RUN_PATH) return 'sandbox';
  if (route === undefined || !route.startsWith(PROXY_PREFIX)) return undefined;
  const question = request.url.indexOf('?');
  const path = question < 0 ? request.url : request.url.slice(0, question);
  return path === LIVE_RUN_PATH ? 'live' : undefined;
}

/** What is taken from a request as it is answered; the rest of the work waits for the flush. */
type Captured = {
  target: InboxTarget;
  request: FastifyRequest;
  receivedMs: number;
  durationMs: number;
  statusCode: number;
  answer: string;
};

export type InboxRecorder = {
  /** Writes what was answered so far (the read routes call it, so they see every answer). */
  flush: () => void;
};

const single = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

const bearerToken = (request: FastifyRequest): string | undefined =>
  /^Bearer\s+(\S+)/i.exec(single(request.headers.authorization) ?? '')?.[1];

function answerText(payload: unknown): string {
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload)) return payload.toString('utf8');
  return '';
}

const jobIdOf = (answer: string): string | null => {
  try {
    const parsed: unknown = JSON.parse(answer);
    return typeof parsed === 'object' &&
      parsed !== null &&
      'job_id' in parsed &&
      typeof parsed.job_id === 'string'
      ? parsed.job_id
      : null;
  } catch {
    return null;
  }
};

const workflowIdOf = (url: string): string | null => {
  const question = url.indexOf('?');
  return question < 0 ? null : new URLSearchParams(url.slice(question + 1)).get('workflow_id');
};

const contentLengthOf = (request: FastifyRequest): number | null => {
  const header = single(request.headers['content-length']);
  return header !== undefined && /^\d{1,15}$/.test(header) ? Number(header) : null;
};

/** The server's own secrets, plus the key and token this request presented when they differ. */
function scrubberFor(request: FastifyRequest, secrets: StaticSecrets): Scrubber {
  const extra = [single(request.headers['x-api-key']), bearerToken(request)].filter(
    (value): value is string => value !== undefined && value !== '' && !secrets.values.has(value),
  );
  return extra.length === 0 ? secrets.scrubber : createScrubber([...secrets.values, ...extra]);
}

type StaticSecrets = { values: ReadonlySet<string>; scrubber: Scrubber };

/** Everything stored about one answered request, secrets masked and sizes bounded. */
function toEntry(captured: Captured, secrets: StaticSecrets): NewInboxEntry {
  const { request, statusCode } = captured;
  const scrub = scrubberFor(request, secrets);
  const url = redactUrl(scrub.text(request.url));
  // The proxy's body is read by the JSON parser, which keeps its text (a BOM dropped).
  const raw =
    request.receivedBytes ??
    (captured.target === 'live' && request.rawBody !== undefined
      ? Buffer.from(request.rawBody, 'utf8')
      : undefined);
  let body: Buffer | null = null;
  let bodyEncoding: InboxBodyEncoding = null;
  let bodySha256: string | null = null;
  if (raw !== undefined) {
    // Scrubbed a little past the cut, so a key cut in two is still masked.
    const region = raw.subarray(0, INBOX_BODY_KEPT_BYTES + scrub.longest);
    const scrubbed = scrub.bytes(region);
    const compressed = request.inboxBody;
    // The intake's compressed copy holds the body as sent: usable only when nothing was masked.
    if (scrubbed === region && compressed !== undefined) {
      body = Buffer.from(compressed.buffer, compressed.byteOffset, compressed.byteLength);
      bodyEncoding = 'br';
    } else {
      body = scrubbed.subarray(0, INBOX_BODY_KEPT_BYTES);
    }
    // A body kept whole and unmasked is hashed when read (inbox-routes.ts), not here.
    const keptAsSent = scrubbed === region && raw.length <= INBOX_BODY_KEPT_BYTES;
    if (!keptAsSent) bodySha256 = createHash('sha256').update(raw).digest('hex');
  }
  const answerBytes = Buffer.from(scrub.text(captured.answer), 'utf8');
  const judged = request.inboxJudged;
  const findings = (judged?.findings ?? []).map((finding) => ({
    ...finding,
    column: finding.column === null ? null : scrub.text(finding.column),
    pointer: scrub.text(finding.pointer),
    message: scrub.text(finding.message),
  }));
  const causes = classifyAnswer(statusCode, captured.answer, judged);
  return {
    target: captured.target,
    receivedMs: captured.receivedMs,
    durationMs: captured.durationMs,
    url,
    workflowId: workflowIdOf(url),
    statusCode,
    outcome: statusCode < 300 ? 'accepted' : 'refused',
    causes,
    jobId: statusCode < 300 ? jobIdOf(captured.answer) : null,
    headers: maskedHeaders(request).map(({ name, value }) => ({ name, value: scrub.text(value) })),
    contentType: contentTypeOf(request) ?? null,
    body,
    bodyEncoding,
    bodySize: raw === undefined ? contentLengthOf(request) : raw.length,
    bodySha256,
    bodyTruncated: raw !== undefined && raw.length > INBOX_BODY_KEPT_BYTES,
    findingsSource: judged?.source ?? null,
    findings,
    errorCount: findings.filter((finding) => finding.severity === 'error').length,
    warningCount: findings.filter((finding) => finding.severity === 'warning').length,
    answer: answerBytes.subarray(0, INBOX_ANSWER_KEPT_BYTES).toString('utf8'),
    answerTruncated: answerBytes.length > INBOX_ANSWER_KEPT_BYTES,
  };
}

/**
 * Records every answer to `POST /workflows/run` (issue 15, "The inbox"), accepted or refused
 * by any hook or the route, and to `POST /inlet/sixtyfour/workflows/run` (target live: the
 * upstream's answer as the proxy passes it on, or the proxy's own refusal). An onSend hook
 * takes the status and the answer as they leave and queues them; the hashing, masking and the
 * insert run after the answer is written, batched in one transaction: a turn of the event
 * loop later, or (see `deferWhile`) in the run committer's next one. A failed write loses
 * inbox entries, never an answer.
 */
export function registerInboxRecording(
  app: FastifyInstance,
  options: {
    store: InboxStore;
    secrets: readonly string[];
    log: FastifyBaseLogger;
    /**
     * True while run requests stream in: the entries then wait (at most DEFER_MS) for the run
     * committer's next transaction, which writes them with its runs (`flush` is its
     * `alongside`), rather than paying for a transaction of their own.
     */
    deferWhile?: () => boolean;
  },
): InboxRecorder {
  const { store, log } = options;
  const secrets: StaticSecrets = {
    values: new Set(options.secrets),
    scrubber: createScrubber(options.secrets),
  };
  let pending: Captured[] = [];
  const flush = (): void => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    try {
      store.saveAll(batch.map((captured) => toEntry(captured, secrets)));
    } catch (error) {
      log.warn({ err: error, lost: batch.length }, 'could not record run requests in the inbox');
    }
  };
  try {
    store.pruneByAge();
  } catch (error) {
    // A damaged store still starts (open-database.ts reports the damage); so does the inbox.
    log.warn({ err: error }, 'could not prune the inbox at start-up');
  }
  app.decorateRequest('inboxJudged', undefined);
  app.decorateRequest('inboxBody', undefined);
  // A callback hook, not an async one: it runs on every answer.
  app.addHook('onSend', (request, reply, payload, done) => {
    const target = runTargetOf(request);
    if (target !== undefined) {
      const durationMs = reply.elapsedTime;
      if (pending.length === 0) {
        if (options.deferWhile?.() === true) setTimeout(flush, DEFER_MS);
        else setImmediate(flush);
      }
      pending.push({
        target,
        request,
        receivedMs: Math.round(Date.now() - durationMs),
        durationMs,
        statusCode: reply.statusCode,
        answer: answerText(payload),
      });
    }
    done(null, payload);
  });
  return { flush };
}
