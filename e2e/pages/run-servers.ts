/**
 * The second Inlet server the browser tests start as a stand-in for api.sixtyfour.ai, and
 * the key the main server's proxy holds for it (SIXTYFOUR_API_KEY). Shared by
 * playwright.config.ts and the proxy specs.
 */
export const UPSTREAM_PORT = Number(process.env.E2E_UPSTREAM_PORT ?? 6466);
export const UPSTREAM_BASE = `http://127.0.0.1:${UPSTREAM_PORT}`;
export const UPSTREAM_API_KEY = 'e2e-upstream-key-7f3c9a51d2b84e60';

/**
 * A third Inlet server whose proxy forwards to the stand-in without a key of its own, so the
 * user types one in the app (proxy-typed-key spec).
 */
export const KEYLESS_PORT = Number(process.env.E2E_KEYLESS_PORT ?? 6467);
export const KEYLESS_BASE = `http://127.0.0.1:${KEYLESS_PORT}`;

/**
 * The main server's sandbox key (INLET_API_KEY), for specs that act as a script would: the
 * page never holds it (its calls carry the UI cookie), so a spec cannot take it from there.
 */
export const SANDBOX_API_KEY = 'e2e-sandbox-key-4b8d2f6a1c9e7035';
