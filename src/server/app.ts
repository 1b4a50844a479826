import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { serveWeb } from './http/serve-web.ts';

export type AppOptions = { config: Config; logger?: boolean };

/** Builds the whole server (API, proxy, UI) without listening; main.ts listens. */
export async function createApp({ config, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: config.maxBodyBytes,
    forceCloseConnections: true,
  });
  app.get('/inlet/health', () => ({ status: 'ok' }));
  if (config.webRoot) await serveWeb(app, config.webRoot);
  return app;
}
