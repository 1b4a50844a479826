import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/app.tsx';
import './app/styles.css';

// The page's Content-Security-Policy has no 'unsafe-eval': tell zod not to try its JIT
// (it would fall back anyway, after a CSP violation report).
z.config({ jitless: true });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
