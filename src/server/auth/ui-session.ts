import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { STALE_SESSION_HEADER } from '@core/wire/session.ts';
import { detailError } from '../http/http-error.ts';
import { isApiPath } from '../http/security-headers.ts';

/**
 * The UI's proof of access: a random token, new at every server start and kept in memory
 * only, handed to the browser as an HttpOnly, SameSite=Strict cookie with the page
 * (index.html). Page script never sees it (HttpOnly), other sites' requests never carry it
 * (SameSite=Strict) and cannot read an answer (no CORS headers); the sandbox key itself is
 * never sent to the page. With INLET_UI_PASSWORD set, the page itself asks for the password
 * first (HTTP Basic auth, any user name), so another user of a shared host gets no cookie.
 */
export type UiSession = {
  cookieName: string;
  /** 'valid' with this start's token, 'stale' with an older one, 'absent' without. */
  check: (request: FastifyRequest) => 'valid' | 'stale' | 'absent';
  /** A valid cookie on a request a browser made from this server's own page (or no browser). */
  isUiCall: (request: FastifyRequest) => boolean;
};

/** One cookie per port: cookies ignore ports, and several Inlet servers may share a host. */
export const uiCookieName = (port: number): string => `inlet_ui_${port}`;

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** The value of cookie `name` in a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export type UiSessionWithToken = UiSession & {
  token: string;
  /** The Set-Cookie value that hands the token to the page. */
  setCookie: string;
};

export function createUiSession(port: number): UiSessionWithToken {
  const token = randomBytes(32).toString('base64url');
  const expected = digest(token);
  const cookieName = uiCookieName(port);
  const check = (request: FastifyRequest): 'valid' | 'stale' | 'absent' => {
    const presented = readCookie(request.headers.cookie, cookieName);
    if (presented === undefined || presented === '') return 'absent';
    return timingSafeEqual(digest(presented), expected) ? 'valid' : 'stale';
  };
  return {
    token,
    setCookie: `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    cookieName,
    check,
    // A browser says where a request comes from; only this server's own pages may use the
    // cookie (a same-site page on another port of this host is another origin).
    isUiCall: (request) => {
      const site = request.headers['sec-fetch-site'];
      return check(request) === 'valid' && (site === undefined || site === 'same-origin');
    },
  };
}

/** Whether the UI password (HTTP Basic, any user name) is in `authorization`, in constant time. */
function hasPassword(authorization: string | undefined, password: string): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  return timingSafeEqual(digest(decoded.slice(colon + 1)), digest(password));
}

/** A request for the page itself (not the API, not a hashed asset or other file). */
const isPageRequest = (request: FastifyRequest): boolean => {
  const url = request.url.split('?')[0] ?? '';
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !isApiPath(url) &&
    !/\.[\w-]+$/.test(url)
  );
};

const isHtml = (contentType: unknown): boolean =>
  typeof contentType === 'string' && contentType.toLowerCase().startsWith('text/html');

/**
 * Sets the UI cookie on every HTML page this server sends, after the password when one is
 * configured. `Secure` is added when the request came over TLS to this process; behind a TLS
 * proxy the cookie still works (SameSite=Strict and HttpOnly hold either way).
 */
export function registerUiSession(
  app: FastifyInstance,
  session: UiSessionWithToken,
  password: string | undefined,
): void {
  if (password !== undefined) {
    app.addHook('onRequest', (request, _reply, done) => {
      if (
        !isPageRequest(request) ||
        session.check(request) === 'valid' ||
        hasPassword(request.headers.authorization, password)
      ) {
        done();
        return;
      }
      done(
        detailError(401, 'This Inlet server asks for its UI password (INLET_UI_PASSWORD).', {
          'WWW-Authenticate': 'Basic realm="Inlet", charset="UTF-8"',
        }),
      );
    });
  }
  app.addHook('onSend', (request, reply, payload, done) => {
    if (
      (request.method === 'GET' || request.method === 'HEAD') &&
      reply.statusCode === 200 &&
      isHtml(reply.getHeader('content-type'))
    ) {
      const secure = request.protocol === 'https' ? '; Secure' : '';
      reply.header('Set-Cookie', `${session.setCookie}${secure}`);
    }
    done(null, payload);
  });
}

/** Why a cookie did not count, for the 401 the UI shows (it tells the user to reload). */
export const STALE_SESSION =
  'The UI session has expired (the Inlet server restarted since this page was loaded); reload the page.';

/** The 401 for a stale cookie, marked so the page can renew its session by itself. */
export const staleSessionError = () =>
  detailError(401, STALE_SESSION, { [STALE_SESSION_HEADER]: 'stale' });
