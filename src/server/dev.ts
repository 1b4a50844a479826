import { createServer, type Plugin } from 'vite';
import { main } from './main.ts';

/**
 * Vite serves the page in development, so it hands out the UI cookie the Inlet server
 * checks (the same one index.html carries in production); the API calls it proxies carry it.
 */
const uiCookie = (setCookie: string): Plugin => ({
  name: 'inlet-ui-cookie',
  configureServer(server) {
    server.middlewares.use((request, response, next) => {
      const accept = request.headers.accept ?? '';
      if (request.method === 'GET' && accept.includes('text/html')) {
        response.setHeader('Set-Cookie', setCookie);
      }
      next();
    });
  },
});

// `npm run dev`: the Inlet server on PORT plus Vite with hot reload, proxying the API to it.
const app = await main();
const vite = await createServer({
  server: { port: 5173, host: '127.0.0.1' },
  plugins: [uiCookie(app.sandbox.uiCookie)],
});
await vite.listen();
vite.printUrls();
