import type { ReactNode } from 'react';

/**
 * The shell: a header with the app's name and a main area. The designer is the first
 * section of main; the sample payload and test run sections will follow it there.
 */
export function AppLayout({ children, headerEnd }: { children: ReactNode; headerEnd?: ReactNode }) {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to the designer
      </a>
      <header className="app-header">
        <div className="app-header__brand">
          <svg
            className="app-header__logo"
            viewBox="0 0 32 32"
            aria-hidden="true"
            focusable="false"
          >
            <rect width="32" height="32" rx="8" />
            <path d="M9 11h9M9 16h14M9 21h6" />
            <circle cx="23" cy="11" r="2.2" />
          </svg>
          <h1 className="app-header__name">Inlet</h1>
          <span className="app-header__tagline">
            Webhook block designer for Sixtyfour workflows
          </span>
        </div>
        {headerEnd}
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
