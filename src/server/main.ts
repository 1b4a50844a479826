import { pathToFileURL } from 'node:url';
import { createApp } from './app.ts';
import { maskKey } from './auth/sandbox-key.ts';
import { loadConfig } from './config.ts';
import { isLoopbackBind } from './http/host-guard.ts';
import { DataDirError } from './store/open-database.ts';
import { errorMessage } from '../core/error-message.ts';

/**
 * Starts the server on HOST:PORT. SIGTERM/SIGINT drain: new runs get 503, running ones get
 * INLET_SHUTDOWN_GRACE_MS to finish and are otherwise put back in the queue, then it exits.
 */
export async function main(): Promise<Awaited<ReturnType<typeof createApp>>> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    // A wrong variable (or a bind beyond this machine without its guards) is said plainly.
    console.error(errorMessage(error));
    process.exit(1);
  }
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    app = await createApp({ config, logger: true });
  } catch (error) {
    if (error instanceof DataDirError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  let closing = false;
  const close = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(
      `${signal} received: finishing running runs (up to ${config.shutdownGraceMs} ms), then exiting`,
    );
    app.sandbox
      .drain(config.shutdownGraceMs)
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error(error);
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  const address = await app.listen({ host: config.host, port: config.port });
  const { key } = app.sandbox;
  const where =
    key.source === 'env' ? 'from INLET_API_KEY' : `full key in ${key.file ?? 'the data directory'}`;
  app.log.info(`Sandbox API key: ${maskKey(key.key)} (${where})`);
  app.log.info(`Inlet is running at ${address}/`);
  if (!isLoopbackBind(config.host)) {
    app.log.warn(
      `HOST=${config.host}: Inlet is reachable from other machines, as ${config.allowedHosts.join(', ')}; the UI asks for INLET_UI_PASSWORD. Put TLS in front of it (the password travels in every page request).`,
    );
  }
  return app;
}

// `tsx src/server/main.ts` starts the server; start.ts and dev.ts import main() instead.
const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) await main();
