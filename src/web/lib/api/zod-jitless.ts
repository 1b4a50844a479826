import { z } from 'zod';

// The page's Content-Security-Policy has no 'unsafe-eval'. zod decides whether to compile an
// object schema's parser when the schema is built (probing with `new Function`, a CSP
// violation), so jitless must be set before any module builds a schema: app.tsx (the entry
// of everything that uses zod) imports this module first, and ES modules run in import order.
z.config({ jitless: true });
