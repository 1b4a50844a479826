import { createHmac, randomUUID } from 'node:crypto';
import { INLINE_RESULTS_MAX_ROWS } from '@core/limits.ts';
import { isLoopbackHost } from '@server/http/host-guard.ts';
import {
  refusedDestination,
  type Resolve,
  resolveAll,
  type SelfAddress,
} from '../delivery-destination.ts';
import { postPinned, resolveOnce } from './pinned-post.ts';
import type { Row } from './row.ts';

/** Retries after the first attempt (contract, "Revision of 2026-12-02": up to 5). */
export const MAX_DELIVERY_RETRIES = 5;
/** The `event_type` of a delivery and its `Sixtyfour-Event-Type` header. */
export const OUTGOING_WEBHOOK_EVENT_TYPE = 'outgoing_webhook.completed';
/** Default wait before the first retry; each next one waits twice as long. */
export const DEFAULT_BACKOFF_BASE_MS = 500;
/** Default time an attempt may take, answer included. */
export const DEFAULT_DELIVERY_TIMEOUT_MS = 10_000;
/** Characters of a receiver's answer kept in the block's error. */
const ANSWER_SNIPPET_CHARS = 200;

export type OutgoingWebhookOptions = {
  signingSecret: string | undefined;
  allowHosts: readonly string[];
  /** Retries after the first attempt; MAX_DELIVERY_RETRIES unless told. */
  retries?: number;
  /** Retry n waits backoffBaseMs · 2^(n−1) (INLET_OUTGOING_BACKOFF_MS; tests make it small). */
  backoffBaseMs?: number;
  /** How long one attempt may take (INLET_OUTGOING_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Inlet's own API and proxy, never delivered to (delivery-destination.ts). */
  self?: SelfAddress;
  /** How host names are resolved (the system's resolver unless a test gives another). */
  resolve?: Resolve;
  /** The absolute, signed, expiring link to a run's result file (the app builds it). */
  resultsUrl?: (jobId: string, filename: string) => string;
};

/** What one delivery is about: the rows the block received, and where the run's results are. */
export type DeliveryEvent = {
  runId: string;
  workflowId: string;
  blockId: string;
  rows: readonly Row[];
  resultsDownloadUrl: string | null;
};

export type DeliveryOutcome = {
  eventId: string;
  attempts: number;
  /** Undefined when the receiver answered 2xx; else the last problem, credentials left out. */
  problem?: string;
};

/** `Sixtyfour-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export function signatureHeader(secret: string, body: string, timestamp: number): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

/** Why the sandbox will not call `url`, or undefined when it may. */
export function refusedTarget(url: URL, allowHosts: readonly string[]): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `outgoing_webhook url must be http(s), not ${url.protocol}`;
  if (isLoopbackHost(url.host) || allowHosts.includes(url.hostname.toLowerCase())) return undefined;
  return `outgoing_webhook may call loopback addresses only; ${url.hostname} is not one. List it in INLET_OUTGOING_ALLOW_HOSTS to allow it.`;
}

/** The delivery's body (contract, "Revision of 2026-12-02"): the same bytes on every attempt. */
export function deliveryEnvelope(event: DeliveryEvent, eventId: string, sentAt: string) {
  return {
    event_id: eventId,
    event_type: OUTGOING_WEBHOOK_EVENT_TYPE,
    run_id: event.runId,
    workflow_id: event.workflowId,
    block_id: event.blockId,
    // [decision] At most INLINE_RESULTS_MAX_ROWS inline; more → null, and the URL is the way.
    results: event.rows.length <= INLINE_RESULTS_MAX_ROWS ? event.rows : null,
    row_count: event.rows.length,
    results_download_url: event.resultsDownloadUrl,
    sent_at: sentAt,
  };
}

/** Where a delivery went, for messages and logs: no user:pass@, no query (it may hold tokens). */
export const describeTarget = (url: URL): string => `${url.origin}${url.pathname}`;

/** Anything that looks like URL credentials (`//user:pass@`) taken out of a message. */
const withoutCredentials = (text: string): string => text.replace(/\/\/[^/\s@]*@/g, '//');

const problemOf = (error: unknown, timeoutMs: number): string => {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${timeoutMs} ms`;
  if (!(error instanceof Error)) return withoutCredentials(String(error));
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return withoutCredentials(`${error.message}${cause}`);
};

/** Waits `ms`, waking early (and saying so) once `stop()` holds. */
async function waitUnlessStopped(ms: number, stop: () => boolean): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (stop()) return true;
    await new Promise((resolve) => setTimeout(resolve, Math.min(50, until - Date.now())));
  }
  return stop();
}

/**
 * Delivers one event to `url` (contract, "Revision of 2026-12-02", "outgoing_webhook
 * deliveries"): the envelope as JSON with `Sixtyfour-Event-Id` (one UUID for the event, the
 * same on every retry), `Sixtyfour-Event-Type`, `Sixtyfour-Delivery-Attempt` and, with a
 * signing secret, `Sixtyfour-Signature` over that attempt's time and the raw body. A non-2xx
 * answer, a network error or a timeout is retried up to `retries` times with exponential
 * back-off; redirects are not followed. The connection goes to an address the destination
 * check saw (pinned-post.ts), so a DNS answer changing in between cannot reach Inlet itself. A URL with credentials is refused (delivery-destination.ts)
 * and never copied into a message. Never throws: the outcome says how it went; `stop()` ends the retries early.
 */
export async function deliverOutgoingWebhook(
  url: string,
  event: DeliveryEvent,
  options: OutgoingWebhookOptions,
  hooks: { stop?: () => boolean; onAttempt?: (attempt: number) => void } = {},
): Promise<DeliveryOutcome> {
  const eventId = randomUUID();
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { eventId, attempts: 0, problem: 'outgoing_webhook url is not a valid URL' };
  }
  // One answer per name for the check and every attempt's connection (pinned-post.ts).
  const resolve = resolveOnce(options.resolve ?? resolveAll);
  const refused =
    refusedTarget(target, options.allowHosts) ??
    (await refusedDestination(target, options.self, resolve));
  if (refused) return { eventId, attempts: 0, problem: refused };

  const stop = hooks.stop ?? (() => false);
  const retries = options.retries ?? MAX_DELIVERY_RETRIES;
  const backoff = options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS;
  const body = JSON.stringify(deliveryEnvelope(event, eventId, new Date().toISOString()));
  let problem = '';
  let attempt = 0;
  while (attempt <= retries) {
    attempt++;
    hooks.onAttempt?.(attempt);
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'User-Agent': 'Inlet-Sandbox',
      'Sixtyfour-Event-Id': eventId,
      'Sixtyfour-Event-Type': OUTGOING_WEBHOOK_EVENT_TYPE,
      'Sixtyfour-Delivery-Attempt': String(attempt),
    };
    if (options.signingSecret) {
      headers['Sixtyfour-Signature'] = signatureHeader(
        options.signingSecret,
        body,
        Math.floor(Date.now() / 1000),
      );
    }
    try {
      const response = await postPinned(target, { headers, body, timeoutMs }, resolve);
      const answer = response.text;
      if (response.ok) return { eventId, attempts: attempt };
      const snippet = answer.replace(/\s+/g, ' ').trim().slice(0, ANSWER_SNIPPET_CHARS);
      problem = `answered ${response.status}${snippet === '' ? '' : `: ${withoutCredentials(snippet)}`}`;
    } catch (error) {
      problem = problemOf(error, timeoutMs);
    }
    if (attempt > retries) break;
    if (await waitUnlessStopped(backoff * 2 ** (attempt - 1), stop)) {
      problem = `${problem}; retries stopped`;
      break;
    }
  }
  return {
    eventId,
    attempts: attempt,
    problem: `POST to ${describeTarget(target)} failed after ${attempt} attempt${attempt === 1 ? '' : 's'} (last: ${problem})`,
  };
}
