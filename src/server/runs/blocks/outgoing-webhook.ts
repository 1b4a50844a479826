import { createHmac } from 'node:crypto';
import { isLoopbackHost } from '../../http/host-guard.ts';
import { refusedDestination, type SelfAddress } from '../delivery-destination.ts';
import type { Row } from './row.ts';

export type OutgoingWebhookOptions = {
  signingSecret: string | undefined;
  allowHosts: readonly string[];
  /** Attempts in all; waits 250 ms, 500 ms, … between them. */
  attempts?: number;
  timeoutMs?: number;
  /** Inlet's own API and proxy, never delivered to (delivery-destination.ts). */
  self?: SelfAddress;
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POSTs the rows to `url` as JSON, signed when a secret is configured, retried with backoff
 * on network errors, timeouts, 408, 429 and 5xx. Redirects are not followed. Throws an Error
 * whose message becomes the run's status_reason.
 */
export async function sendOutgoingWebhook(
  url: string,
  payload: { job_id: string; workflow_id: string; block_id: string; rows: Row[] },
  options: OutgoingWebhookOptions,
): Promise<void> {
  const target = new URL(url);
  const refused =
    refusedTarget(target, options.allowHosts) ?? (await refusedDestination(target, options.self));
  if (refused) throw new Error(refused);
  const attempts = options.attempts ?? 3;
  const body = JSON.stringify({
    ...payload,
    row_count: payload.rows.length,
    sent_at: new Date().toISOString(),
  });
  let lastProblem = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'User-Agent': 'Inlet-Sandbox',
    };
    if (options.signingSecret) {
      headers['Sixtyfour-Signature'] = signatureHeader(
        options.signingSecret,
        body,
        Math.floor(Date.now() / 1000),
      );
    }
    try {
      const response = await fetch(target, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      await response.body?.cancel();
      if (response.ok) return;
      lastProblem = `answered ${response.status}`;
      const retryable =
        response.status === 408 || response.status === 429 || response.status >= 500;
      if (!retryable) break;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    if (attempt < attempts) await sleep(250 * 2 ** (attempt - 1));
  }
  throw new Error(
    `outgoing_webhook POST to ${target.origin}${target.pathname} failed: ${lastProblem}.`,
  );
}
