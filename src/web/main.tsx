import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { AppLayout } from './app/app-layout.tsx';
import { applyThemePreference, readThemePreference } from './lib/theme.ts';
import './app/styles.css';

// Before the first paint, so a chosen theme never flashes the other one.
applyThemePreference(readThemePreference(), false);

/*
 * The page paints its frame from this small entry (React and the shell); the workspace, with
 * zod, react-hook-form, react-query and the features, is a chunk fetched as soon as this
 * runs. `npm run bench:bundle` measures what index.html loads before the first paint.
 */
const App = lazy(() => import('./app/app.tsx').then((module) => ({ default: module.App })));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Suspense
        fallback={
          <AppLayout>
            <p className="app-loading" role="status">
              Loading the workspace…
            </p>
          </AppLayout>
        }
      >
        <App />
      </Suspense>
    </StrictMode>,
  );
}
