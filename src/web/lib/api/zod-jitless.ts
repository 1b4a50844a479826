import { z } from 'zod';

// The page's Content-Security-Policy has no 'unsafe-eval'. zod decides whether to compile an
// object schema's parser when the schema is built (probing with `new Function`, a CSP
// violation), so jitless must be set before any module builds a schema: main.tsx imports
// this module first, and ES modules run in import order.
z.config({ jitless: true });
