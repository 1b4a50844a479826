import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Paths that belong to the API; the UI's fallback never answers them. */
const API_PREFIXES = ['/workflows', '/inlet/'];

/**
 * Serves the built UI from `webRoot`, with index.html for client-side routes. Hashed assets
 * are cached for a year; index.html never, so a rebuild shows at once.
 */
export async function serveWeb(app: FastifyInstance, webRoot: string): Promise<void> {
  const index = path.join(webRoot, 'index.html');
  if (!existsSync(index)) {
    app.log.warn(`No built UI at ${webRoot}; run \`npm run build\` (npm start builds it for you).`);
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: false,
    setHeaders(reply, filePath) {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/', (_req, reply) => reply.header('Cache-Control', 'no-cache').sendFile('index.html'));
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    const isApi = API_PREFIXES.some((prefix) => url === prefix || url.startsWith(prefix));
    if (req.method === 'GET' && !isApi && !path.extname(url)) {
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({ detail: `Not found: ${req.method} ${url}` });
  });
}
