import path from 'node:path';
import { z } from 'zod';
import { isLoopbackBind, isWildcardBind } from './http/host-guard.ts';
import { MAX_BODY_BYTES, MAX_QUEUED_RUNS, MAX_ROWS, RATE_LIMIT_PER_MIN } from '../core/limits.ts';
import { INBOX_MAX_AGE_HOURS, INBOX_MAX_ENTRIES } from '../core/wire/inbox.ts';
import { RECEIVER_MAX_DELIVERIES } from '../core/wire/receiver.ts';
import {
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_DELIVERY_TIMEOUT_MS,
} from './runs/blocks/outgoing-webhook.ts';

const port = z.coerce
  .number()
  .int()
  .min(0)
  .max(65_535, { error: 'PORT must be a port number from 0 to 65535.' });
const positiveInt = z.coerce.number().int().min(0);

/** The environment the server reads (contract, "Configuration of the local server"). */
const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(6464),
  INLET_DATA_DIR: z.string().min(1).default('.inlet'),
  INLET_API_KEY: z
    .string()
    .min(16, { error: 'INLET_API_KEY must be at least 16 characters.' })
    .optional(),
  INLET_SANDBOX_ROW_MS: positiveInt.default(300),
  INLET_MAX_BODY_BYTES: positiveInt.default(MAX_BODY_BYTES),
  INLET_MAX_ROWS: positiveInt.default(MAX_ROWS),
  INLET_RATE_LIMIT_PER_MIN: positiveInt.default(RATE_LIMIT_PER_MIN),
  INLET_MAX_QUEUED_RUNS: positiveInt.default(MAX_QUEUED_RUNS),
  INLET_PROXY_MAX_RESPONSE_BYTES: positiveInt.min(1).default(64 * 1024 * 1024),
  SIXTYFOUR_API_BASE: z.url().default('https://api.sixtyfour.ai'),
  SIXTYFOUR_API_KEY: z.string().min(1).optional(),
  INLET_WEBHOOK_SIGNING_SECRET: z.string().min(1).optional(),
  INLET_OUTGOING_ALLOW_HOSTS: z.string().default(''),
  INLET_OUTGOING_BACKOFF_MS: positiveInt.default(DEFAULT_BACKOFF_BASE_MS),
  INLET_OUTGOING_TIMEOUT_MS: positiveInt.min(1).default(DEFAULT_DELIVERY_TIMEOUT_MS),
  INLET_RECEIVER_MAX_DELIVERIES: positiveInt
    .min(1, { error: 'INLET_RECEIVER_MAX_DELIVERIES must be at least 1.' })
    .default(RECEIVER_MAX_DELIVERIES),
  INLET_INBOX_MAX_ENTRIES: positiveInt
    .min(1, { error: 'INLET_INBOX_MAX_ENTRIES must be at least 1.' })
    .default(INBOX_MAX_ENTRIES),
  INLET_INBOX_MAX_AGE_HOURS: z.coerce
    .number()
    .positive({ error: 'INLET_INBOX_MAX_AGE_HOURS must be a number of hours above 0.' })
    .default(INBOX_MAX_AGE_HOURS),
  INLET_ALLOWED_HOSTS: z.string().default(''),
  INLET_UI_PASSWORD: z
    .string()
    .min(12, { error: 'INLET_UI_PASSWORD must be at least 12 characters.' })
    .optional(),
  INLET_PUBLIC_ORIGIN: z
    .url({
      protocol: /^https?$/,
      error: 'INLET_PUBLIC_ORIGIN must be an http(s) origin, e.g. https://inlet.example.com.',
    })
    .refine((value) => new URL(value).pathname === '/' && !/[?#@]/.test(value), {
      error: 'INLET_PUBLIC_ORIGIN must be an origin only (scheme://host[:port]), no path or user.',
    })
    .optional(),
  INLET_SHUTDOWN_GRACE_MS: positiveInt.default(10_000),
  INLET_HEADERS_TIMEOUT_MS: positiveInt.min(1).default(10_000),
  INLET_REQUEST_TIMEOUT_MS: positiveInt.min(1).default(30_000),
  INLET_CONNECTION_TIMEOUT_MS: positiveInt.min(1).default(60_000),
  INLET_RUN_INTAKE_THREAD: z
    .enum(['0', '1'], { error: 'INLET_RUN_INTAKE_THREAD must be 0 or 1.' })
    .default('1'),
});

const list = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '');

export type Config = {
  host: string;
  port: number;
  dataDir: string;
  apiKey: string | undefined;
  sandboxRowMs: number;
  maxBodyBytes: number;
  maxRows: number;
  rateLimitPerMin: number;
  /** Queued runs beyond which a run request answers 503; 0: no cap. */
  maxQueuedRuns: number;
  /** Largest answer the proxy reads from Sixtyfour, decoded; beyond it a 502. */
  proxyMaxResponseBytes: number;
  upstreamBase: string;
  upstreamKey: string | undefined;
  /** Secret for `Sixtyfour-Signature` on outgoing webhooks; unsigned without one. */
  webhookSigningSecret: string | undefined;
  /** Hosts outgoing_webhook may call besides loopback ones. */
  outgoingAllowHosts: string[];
  /** outgoing_webhook retry n waits this · 2^(n−1) ms; one attempt may take `outgoingTimeoutMs`. */
  outgoingBackoffMs: number;
  outgoingTimeoutMs: number;
  /** Deliveries the local receiver keeps; older ones are pruned. */
  receiverMaxDeliveries: number;
  /** Run requests the inbox keeps, newest first, and for how long. */
  inboxMaxEntries: number;
  inboxMaxAgeHours: number;
  /** Host names accepted besides loopback ones (DNS-rebinding guard). */
  allowedHosts: string[];
  /** Asked before the UI is served (HTTP Basic); required when reachable from other machines. */
  uiPassword: string | undefined;
  /**
   * The origin links are built from (download_url), never the request's Host header;
   * undefined: `http://<HOST>:<listening port>` (a wildcard HOST: the first allowed host).
   */
  publicOrigin: string | undefined;
  /** How long SIGTERM waits for running runs. */
  shutdownGraceMs: number;
  /**
   * Socket timeouts against slow clients (slowloris): all headers must arrive within
   * `headersMs`, the whole request within `requestMs`, and an idle socket closes after `idleMs`.
   */
  timeouts: { headersMs: number; requestMs: number; idleMs: number };
  /**
   * Prepare run requests (parse, judge, serialise) on a worker thread, leaving the event loop
   * HTTP and the write; off, they are prepared inline, with the same answers.
   */
  runIntakeThread: boolean;
  /** Built UI to serve; absent in API-only tests. */
  webRoot: string | undefined;
};

/** Reads the configuration, or throws one message per wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const allowedHosts = list(e.INLET_ALLOWED_HOSTS);
  const uiPassword = e.INLET_UI_PASSWORD;
  if (!isLoopbackBind(e.HOST) && (allowedHosts.length === 0 || uiPassword === undefined)) {
    throw new Error(
      `Invalid configuration:\nHOST: ${e.HOST} makes Inlet reachable from other machines, which needs ${[
        allowedHosts.length === 0
          ? 'INLET_ALLOWED_HOSTS (the names people use to reach it, e.g. inlet.team.example)'
          : '',
        uiPassword === undefined
          ? 'INLET_UI_PASSWORD (12+ characters, asked before the UI is served)'
          : '',
      ]
        .filter((item) => item !== '')
        .join(' and ')}. Or keep HOST=127.0.0.1 (this machine only).`,
    );
  }
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(e.INLET_DATA_DIR),
    apiKey: e.INLET_API_KEY,
    sandboxRowMs: e.INLET_SANDBOX_ROW_MS,
    maxBodyBytes: e.INLET_MAX_BODY_BYTES,
    maxRows: e.INLET_MAX_ROWS,
    rateLimitPerMin: e.INLET_RATE_LIMIT_PER_MIN,
    maxQueuedRuns: e.INLET_MAX_QUEUED_RUNS,
    proxyMaxResponseBytes: e.INLET_PROXY_MAX_RESPONSE_BYTES,
    upstreamBase: e.SIXTYFOUR_API_BASE.replace(/\/+$/, ''),
    upstreamKey: e.SIXTYFOUR_API_KEY,
    webhookSigningSecret: e.INLET_WEBHOOK_SIGNING_SECRET,
    outgoingAllowHosts: list(e.INLET_OUTGOING_ALLOW_HOSTS),
    allowedHosts,
    uiPassword,
    publicOrigin:
      e.INLET_PUBLIC_ORIGIN === undefined ? undefined : new URL(e.INLET_PUBLIC_ORIGIN).origin,
    outgoingBackoffMs: e.INLET_OUTGOING_BACKOFF_MS,
    outgoingTimeoutMs: e.INLET_OUTGOING_TIMEOUT_MS,
    receiverMaxDeliveries: e.INLET_RECEIVER_MAX_DELIVERIES,
    inboxMaxEntries: e.INLET_INBOX_MAX_ENTRIES,
    inboxMaxAgeHours: e.INLET_INBOX_MAX_AGE_HOURS,
    shutdownGraceMs: e.INLET_SHUTDOWN_GRACE_MS,
    timeouts: {
      // Node requires headersTimeout ≤ requestTimeout.
      headersMs: Math.min(e.INLET_HEADERS_TIMEOUT_MS, e.INLET_REQUEST_TIMEOUT_MS),
      requestMs: e.INLET_REQUEST_TIMEOUT_MS,
      idleMs: e.INLET_CONNECTION_TIMEOUT_MS,
    },
    runIntakeThread: e.INLET_RUN_INTAKE_THREAD === '1',
    webRoot: path.resolve('dist'),
  };
}

/**
 * The origin links are built from: INLET_PUBLIC_ORIGIN, else `http://<HOST>:<port>` (for a
 * wildcard HOST the first INLET_ALLOWED_HOSTS name, or 127.0.0.1). Never a request's Host.
 */
export function publicOriginOf(config: Config, listeningPort: number): string {
  if (config.publicOrigin !== undefined) return config.publicOrigin;
  const host = isWildcardBind(config.host)
    ? (config.allowedHosts[0] ?? '127.0.0.1')
    : config.host.replace(/^\[|\]$/g, '');
  return `http://${host.includes(':') ? `[${host}]` : host}:${listeningPort}`;
}
