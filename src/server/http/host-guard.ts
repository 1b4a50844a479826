import type { FastifyInstance } from 'fastify';

const LOOPBACK_BIND = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;
const LOOPBACK_HOST = /^(localhost|[\w-]+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
/** A wildcard bind (every interface): no single name or address of its own. */
const WILDCARD_BIND = /^(0\.0\.0\.0|::|\[::\])$/;

/**
 * A whole Host header value: a DNS name or IPv4 address, or a bracketed IPv6 address, then
 * an optional port, and nothing else (no user info, path, spaces or second host).
 */
const HOST_HEADER =
  /^(\[[0-9a-f:.]+\]|[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*\.?)(?::(\d{1,5}))?$/i;

/** Whether the server listens on a loopback address only. */
export const isLoopbackBind = (host: string): boolean => LOOPBACK_BIND.test(host);

/** Whether HOST names every interface (0.0.0.0, ::). */
export const isWildcardBind = (host: string): boolean => WILDCARD_BIND.test(host);

/**
 * The host name of a Host header, lower case without port and trailing dot (IPv6 keeps its
 * brackets), or undefined when the value is not exactly `host[:port]`.
 */
export function parseHostHeader(hostHeader: string): string | undefined {
  const match = HOST_HEADER.exec(hostHeader);
  if (!match?.[1]) return undefined;
  const port = match[2];
  if (port !== undefined && Number(port) > 65_535) return undefined;
  return match[1].toLowerCase().replace(/\.$/, '');
}

/** The host name of a Host header, without port (IPv6 keeps its brackets); '' when malformed. */
export const hostName = (hostHeader: string): string => parseHostHeader(hostHeader) ?? '';

/** Whether a Host header names this machine's loopback interface. */
export const isLoopbackHost = (hostHeader: string): boolean =>
  LOOPBACK_HOST.test(hostName(hostHeader));

/**
 * Host guard, on every request. The Host header must be exactly `host[:port]` (else 400).
 * Its name must be a loopback one, one listed in INLET_ALLOWED_HOSTS, or the address the
 * server is bound to (an address cannot be re-pointed the way a name can). A page on
 * evil.example whose name was re-pointed at this machine (DNS rebinding) still sends
 * `Host: evil.example`, and is refused. `app.inject()` sends `Host: localhost:80`, which passes.
 */
export function registerHostGuard(
  app: FastifyInstance,
  bindHost: string,
  allowedHosts: string[],
): void {
  const bracketed =
    bindHost.includes(':') && !bindHost.startsWith('[') ? `[${bindHost}]` : bindHost;
  const own = isLoopbackBind(bindHost) || isWildcardBind(bindHost) ? [] : [hostName(bracketed)];
  const allowed = new Set([...allowedHosts.map((host) => host.replace(/\.$/, '')), ...own]);
  // A callback hook, not an async one: it runs on every request, and most pass.
  app.addHook('onRequest', (request, reply, done) => {
    const host = request.headers.host ?? '';
    const name = parseHostHeader(host);
    if (name === undefined) {
      void reply.code(400).send({
        detail: `The Host header "${host.slice(0, 100)}" is not host[:port]; send this server's name and port only.`,
      });
      return;
    }
    if (LOOPBACK_HOST.test(name) || allowed.has(name)) {
      done();
      return;
    }
    void reply.code(403).send({
      detail: `Host "${host}" is not allowed: this server answers loopback names and INLET_ALLOWED_HOSTS only. Add the name to INLET_ALLOWED_HOSTS to allow it.`,
    });
  });
}
