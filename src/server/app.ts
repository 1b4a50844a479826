import type Database from 'better-sqlite3';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { DOWNLOAD_EXPIRES_IN_SECONDS } from '../core/limits.ts';
import { INBOX_PATH } from '../core/wire/inbox.ts';
import { RECEIVER_DELIVERIES_PATH } from '../core/wire/receiver.ts';
import { registerApiAuth } from './auth/api-auth.ts';
import { resolveSandboxKey, type SandboxKey } from './auth/sandbox-key.ts';
import { createUiSession, registerUiSession } from './auth/ui-session.ts';
import { publicOriginOf, type Config } from './config.ts';
import { registerErrorHandler, registerNotFound } from './http/error-handler.ts';
import { registerHostGuard } from './http/host-guard.ts';
import { registerJsonBody } from './http/json-body.ts';
import { registerOriginGuard } from './http/origin-guard.ts';
import { redactUrl } from './http/redact-url.ts';
import { answerFrameworkError, registerSecurityHeaders } from './http/security-headers.ts';
import { serveWeb } from './http/serve-web.ts';
import { createRunCommitter } from './intake/commit-runs.ts';
import { createRunIntake, type RunIntake } from './intake/run-intake.ts';
import { registerInboxRoutes } from './inbox/inbox-routes.ts';
import { registerImpactRoute } from './inbox/impact-route.ts';
import { registerInboxRecording } from './inbox/record-inbox.ts';
import { registerProxyRoutes } from './proxy/proxy-routes.ts';
import { registerReceiverDeliveryRoutes } from './receiver/receiver-delivery-routes.ts';
import { registerReceiverRoute } from './receiver/receiver-route.ts';
import { createDownloadSigner } from './results/download-signature.ts';
import { registerResultRoutes } from './routes/result-routes.ts';
import { registerRunRequestRoute, SANDBOX_EXTRA_PREFIX } from './routes/run-request-route.ts';
import { registerRunRoute } from './routes/run-route.ts';
import { registerRunStatusRoutes } from './routes/run-status-routes.ts';
import { registerSessionRoute } from './routes/session-route.ts';
import { registerWorkflowRoutes } from './routes/workflow-routes.ts';
import { crashPoint } from './runs/crash-point.ts';
import type { SelfAddress } from './runs/delivery-destination.ts';
import { createExecutor, type Executor } from './runs/executor.ts';
import { createQueueCap, queuedCounter } from './runs/queue-cap.ts';
import { createDeliveryStore } from './store/delivery-store.ts';
import { createIdempotencyStore } from './store/idempotency-store.ts';
import { createInboxStore } from './store/inbox-store.ts';
import { checkDatabase, openDatabase } from './store/open-database.ts';
import { createResultStore } from './store/result-store.ts';
import { createRunStore } from './store/run-store.ts';
import { startWalCheckpointer } from './store/wal-checkpointer.ts';
import { createWorkflowStore } from './store/workflow-store.ts';
import { checkDeliveryUrls } from './workflows/check-delivery-urls.ts';
import { cacheWorkflows } from './intake/workflow-cache.ts';

/** A sink for log lines (pino's LogStream). */
export type LogStream = { write: (line: string) => void };

export type AppOptions = {
  config: Config;
  logger?: boolean;
  /** Proxy timeout; tests shorten it. */
  proxyTimeoutMs?: number;
  /** Where log lines go instead of stdout; tests read them to prove no key is logged. */
  logStream?: LogStream;
};

/** What main.ts needs beyond Fastify: the key's origin for the log, and draining on SIGTERM. */
export type Sandbox = {
  key: SandboxKey;
  /** The UI cookie's Set-Cookie value, for a page served elsewhere (`npm run dev`'s Vite). */
  uiCookie: string;
  executor: Executor;
  /** The store's connection, for fault-injection tests (e.g. `PRAGMA query_only`). */
  db: Database.Database;
  /** Where run requests are prepared; tests wait for `intake.ready`. */
  intake: RunIntake;
  /** Refuses new runs (503), waits up to the grace period for running ones, then requeues the rest. */
  drain: (graceMs: number) => Promise<void>;
};

declare module 'fastify' {
  interface FastifyInstance {
    sandbox: Sandbox;
  }
}

/** Logs requests without headers, so x-api-key and Authorization never reach a log. */
const loggerOptions = (
  enabled: boolean,
  stream: LogStream | undefined,
): FastifyServerOptions['logger'] =>
  enabled || stream
    ? {
        level: 'info',
        ...(stream ? { stream } : {}),
        redact: ['req.headers["x-api-key"]', 'req.headers.authorization', 'req.headers.cookie'],
        serializers: {
          req: (request: { method: string; url: string; hostname?: string }) => ({
            method: request.method,
            url: redactUrl(request.url),
            host: request.hostname,
          }),
        },
      }
    : false;

/** Builds the whole server (sandbox API, proxy, UI) without listening; main.ts listens. */
export async function createApp({
  config,
  logger = false,
  proxyTimeoutMs,
  logStream,
}: AppOptions): Promise<FastifyInstance> {
  const db = openDatabase(config.dataDir);
  const key = resolveSandboxKey(config.dataDir, config.apiKey);
  const { timeouts } = config;
  const app = Fastify({
    logger: loggerOptions(logger, logStream),
    bodyLimit: config.maxBodyBytes,
    forceCloseConnections: true,
    frameworkErrors: (error, _request, reply) => {
      answerFrameworkError(error, reply);
    },
    // Slow clients (headers a byte at a time, a body that never ends) are cut off. Node checks
    // these timeouts every connectionsCheckingInterval (30 s by default), so check often.
    http: {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: Math.max(
        50,
        Math.min(1_000, Math.floor(timeouts.headersMs / 4)),
      ),
    },
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
  });
  /** The port the server listens on (config.port until it listens; PORT=0 picks one). */
  const listeningPort = (): number => {
    const address = app.server.address();
    return typeof address === 'object' && address !== null ? address.port : config.port;
  };
  const self: SelfAddress = {
    ports: () => [config.port, listeningPort()],
    publicOrigin: () => publicOriginOf(config, listeningPort()),
  };
  const workflows = createWorkflowStore(db);
  const runs = createRunStore(db);
  const results = createResultStore(db);
  const idempotency = createIdempotencyStore(db);
  idempotency.prune();
  const checkedWorkflows = cacheWorkflows(workflows);
  const signer = createDownloadSigner(key.key);
  const executor = createExecutor({
    db,
    runs,
    results,
    workflows,
    checkedWorkflows,
    dataDir: config.dataDir,
    rowMs: config.sandboxRowMs,
    outgoing: {
      signingSecret: config.webhookSigningSecret,
      allowHosts: config.outgoingAllowHosts,
      self,
      backoffBaseMs: config.outgoingBackoffMs,
      timeoutMs: config.outgoingTimeoutMs,
      resultsUrl: (jobId, filename) =>
        `${self.publicOrigin()}${signer.path(jobId, filename, DOWNLOAD_EXPIRES_IN_SECONDS)}`,
    },
    log: app.log,
    busy: () => committer.busy(),
  });
  const limits = { maxRows: config.maxRows, maxBodyBytes: config.maxBodyBytes };
  const intake = createRunIntake({
    readers: { workflows: checkedWorkflows, idempotency, ...limits },
    thread: config.runIntakeThread ? { dbFile: db.name, ...limits } : null,
    log: app.log,
  });
  const committer = createRunCommitter({
    db,
    runs,
    idempotency,
    onQueued: () => {
      crashPoint('run-inserted');
      executor.notify();
    },
    // The inbox's entries go in with the runs (registered below, called only once serving).
    alongside: () => {
      inboxRecorder.flush();
    },
  });
  const uiSession = createUiSession(config.port);
  app.decorate('sandbox', {
    key,
    uiCookie: uiSession.setCookie,
    executor,
    db,
    intake,
    drain: (graceMs: number) => executor.drain(graceMs),
  });

  registerErrorHandler(app, { maxBodyBytes: config.maxBodyBytes, dataDir: config.dataDir });
  registerHostGuard(app, config.host, config.allowedHosts);
  registerOriginGuard(app);
  registerJsonBody(app);
  registerSecurityHeaders(app);
  registerUiSession(app, uiSession, config.uiPassword);
  registerApiAuth(app, {
    sandboxKey: key.key,
    rateLimitPerMin: config.rateLimitPerMin,
    uiSession,
    isSandboxRoute: (request) => {
      const url = request.routeOptions.url;
      return (
        url !== undefined &&
        (url.startsWith('/workflows') ||
          url.startsWith(SANDBOX_EXTRA_PREFIX) ||
          url.startsWith(RECEIVER_DELIVERIES_PATH) ||
          url.startsWith(INBOX_PATH))
      );
    },
  });

  const inbox = createInboxStore(db, {
    maxEntries: config.inboxMaxEntries,
    maxAgeHours: config.inboxMaxAgeHours,
  });
  const inboxRecorder = registerInboxRecording(app, {
    store: inbox,
    // Never stored in an entry; a key the request presented is masked per request.
    secrets: [key.key, ...(config.upstreamKey === undefined ? [] : [config.upstreamKey])],
    log: app.log,
    deferWhile: () => committer.busy(),
  });
  registerInboxRoutes(app, { store: inbox, recorder: inboxRecorder });
  registerImpactRoute(app, { store: inbox, recorder: inboxRecorder });

  app.get('/inlet/health', () => ({ status: 'ok' }));
  registerSessionRoute(app, {
    uiSession,
    keyLocation: key.file === undefined ? 'INLET_API_KEY' : key.file,
  });
  // Each write of a workflow reaches the run intake, which keeps the workflows it read.
  registerWorkflowRoutes(app, {
    ...workflows,
    save: (workflow) => {
      checkDeliveryUrls(workflow.definition, self);
      workflows.save(workflow);
      intake.workflowsChanged();
    },
    delete: (id) => {
      workflows.delete(id);
      intake.workflowsChanged();
    },
  });
  registerRunRoute(app, {
    intake,
    committer,
    executor,
    queueCap: createQueueCap(config.maxQueuedRuns, {
      countQueued: queuedCounter(db),
      queueEntries: runs.queueEntries,
    }),
  });
  registerRunStatusRoutes(app, runs, executor, (id) => workflows.has(id));
  registerRunRequestRoute(app, runs);
  registerResultRoutes(app, { runs, results, signer, publicOrigin: self.publicOrigin });
  const receiverDeliveries = createDeliveryStore(db, config.receiverMaxDeliveries);
  registerReceiverRoute(app, {
    deliveries: receiverDeliveries,
    signingSecret: config.webhookSigningSecret,
  });
  registerReceiverDeliveryRoutes(app, receiverDeliveries);
  registerProxyRoutes(app, {
    base: config.upstreamBase,
    serverKey: config.upstreamKey,
    isUiCall: uiSession.isUiCall,
    hasStaleSession: (request) => uiSession.check(request) === 'stale',
    maxResponseBytes: config.proxyMaxResponseBytes,
    ...(proxyTimeoutMs === undefined ? {} : { timeoutMs: proxyTimeoutMs }),
  });
  const servesWeb = config.webRoot ? await serveWeb(app, config.webRoot) : false;
  if (!servesWeb) registerNotFound(app);

  app.addHook('onReady', () => {
    executor.start();
  });
  const damage = checkDatabase(db);
  if (damage.length > 0) {
    app.log.warn(
      { problems: damage },
      `The database in ${config.dataDir} is damaged (PRAGMA quick_check); restore it from a backup or export what still reads.`,
    );
  }
  const checkpointer = startWalCheckpointer(db, (message) => {
    app.log.warn({ message }, 'the WAL checkpointer reported a problem');
  });
  app.addHook('onClose', async () => {
    await intake.close();
    await executor.drain(0);
    inboxRecorder.flush();
    await checkpointer.stop();
    db.close();
  });
  return app;
}
