import { buildWebIfStale } from './build-web.ts';
import { main } from './main.ts';

// `npm start`: build the UI when needed, then serve UI and sandbox on one port.
await buildWebIfStale();
await main();
