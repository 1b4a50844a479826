import { createServer } from 'vite';
import { main } from './main.ts';

// `npm run dev`: the Inlet server on PORT plus Vite with hot reload, proxying the API to it.
await main();
const vite = await createServer({ server: { port: 5173, host: '127.0.0.1' } });
await vite.listen();
vite.printUrls();
