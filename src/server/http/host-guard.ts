import type { FastifyInstance } from 'fastify';

const LOOPBACK_BIND = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;
const LOOPBACK_HOST = /^(localhost|[\w-]+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Whether the server listens on a loopback address only. */
export const isLoopbackBind = (host: string): boolean => LOOPBACK_BIND.test(host);

/** The host name of a Host header, without port (IPv6 keeps its brackets). */
export function hostName(hostHeader: string): string {
  if (hostHeader.startsWith('['))
    return hostHeader.slice(0, hostHeader.indexOf(']') + 1).toLowerCase();
  return (hostHeader.split(':', 1)[0] ?? '').toLowerCase();
}

/** Whether a Host header names this machine's loopback interface. */
export const isLoopbackHost = (hostHeader: string): boolean =>
  LOOPBACK_HOST.test(hostName(hostHeader));

/**
 * DNS-rebinding guard: a server bound to loopback answers only requests whose Host is a
 * loopback name (or one listed in INLET_ALLOWED_HOSTS). A page on evil.example whose name
 * was re-pointed at 127.0.0.1 still sends `Host: evil.example`, and is refused here.
 * `app.inject()` sends `Host: localhost:80`, which passes.
 */
export function registerHostGuard(
  app: FastifyInstance,
  bindHost: string,
  allowedHosts: string[],
): void {
  if (!isLoopbackBind(bindHost)) return;
  // A callback hook, not an async one: it runs on every request, and most pass.
  app.addHook('onRequest', (request, reply, done) => {
    const host = request.headers.host ?? '';
    if (isLoopbackHost(host) || allowedHosts.includes(hostName(host))) {
      done();
      return;
    }
    void reply.code(403).send({
      detail: `Host "${host}" is not allowed: this server answers loopback names only. Add the name to INLET_ALLOWED_HOSTS to allow it.`,
    });
  });
}
