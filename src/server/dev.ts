import { createServer } from 'vite';
import { devServerConfig } from './dev-page.ts';
import { main } from './main.ts';

// `npm run dev`: the Inlet server on PORT plus Vite with hot reload, proxying the API to it.
const app = await main();
const vite = await createServer(devServerConfig(app.sandbox.uiCookie, 5173));
await vite.listen();
vite.printUrls();
