import { randomBytes } from 'node:crypto';
import type { InlineConfig, Plugin } from 'vite';
import { contentSecurityPolicy } from './http/serve-web.ts';
import { SECURITY_HEADERS } from './http/security-headers.ts';

/**
 * The page as `npm run dev` serves it: the same Content-Security-Policy and security headers
 * as production, plus only what Vite needs (a nonce on its inline React-refresh script, which
 * Vite adds to every tag it writes, and its hot-reload socket). It also hands out the UI
 * cookie the Inlet server checks, as index.html does in production.
 */
export function devServerConfig(setCookie: string, port: number): InlineConfig {
  const nonce = randomBytes(18).toString('base64url');
  const policy = contentSecurityPolicy({
    scriptNonce: nonce,
    connect: [`ws://127.0.0.1:${port}`],
  });
  return {
    server: { port, host: '127.0.0.1', strictPort: true },
    html: { cspNonce: nonce },
    plugins: [pageHeaders(setCookie, policy)],
  };
}

const pageHeaders = (setCookie: string, policy: string): Plugin => ({
  name: 'inlet-page-headers',
  configureServer(server) {
    server.middlewares.use((request, response, next) => {
      const accept = request.headers.accept ?? '';
      if (request.method === 'GET' && accept.includes('text/html')) {
        response.setHeader('Set-Cookie', setCookie);
        response.setHeader('Content-Security-Policy', policy);
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
          response.setHeader(name, value);
        }
      }
      next();
    });
  },
});
