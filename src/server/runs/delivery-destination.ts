import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

/**
 * Where Inlet itself answers, so an outgoing_webhook is never delivered to its own API or
 * proxy (a run would otherwise call api.sixtyfour.ai with the server's key, or delete
 * workflows, through itself). Only a receiver path may be a delivery's target.
 */
export type SelfAddress = {
  /** The ports this server listens on (the configured one and the actual one). */
  ports: () => readonly number[];
  /** INLET_PUBLIC_ORIGIN or the default origin links are built from. */
  publicOrigin: () => string;
};

/** The one path of Inlet's own a delivery may reach (a future webhook receiver). */
export const RECEIVER_PATH_PREFIX = '/inlet/receiver/';

const CREDENTIALS =
  'outgoing_webhook url must not carry a user name or password; remove them and verify deliveries by their Sixtyfour-Signature (INLET_WEBHOOK_SIGNING_SECRET) instead.';

const portOf = (url: URL): number =>
  url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);

/** An IPv6 address in its one canonical (compressed) spelling, or undefined if it is not one. */
function canonicalIpv6(address: string): string | undefined {
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
}

/** An address in its plain form: brackets gone, IPv6 canonical, an IPv4-mapped one as IPv4. */
export function plainAddress(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (!bare.includes(':')) return bare;
  const canonical = canonicalIpv6(bare) ?? bare;
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (mapped?.[1] && mapped[2]) {
    const high = parseInt(mapped[1], 16);
    const low = parseInt(mapped[2], 16);
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  return canonical;
}

/** Whether an IP address is this machine: loopback, unspecified, or one of its interfaces. */
export function isOwnAddress(address: string): boolean {
  const plain = plainAddress(address);
  const family = isIP(plain);
  if (family === 4) {
    const first = Number(plain.split('.')[0]);
    // 127/8 is loopback; 0/8 (0.0.0.0 and friends) reaches this host on Linux.
    if (first === 127 || first === 0) return true;
  } else if (family === 6) {
    if (plain === '::1' || plain === '::') return true;
  } else {
    return false;
  }
  return Object.values(networkInterfaces()).some((list) =>
    (list ?? []).some((item) => plainAddress(item.address) === plain),
  );
}

const SELF =
  "outgoing_webhook url points at this Inlet server's own API or proxy, which a delivery may never call; send it to a receiver (another port, or a path under /inlet/receiver/).";

const isReceiverPath = (url: URL): boolean => url.pathname.startsWith(RECEIVER_PATH_PREFIX);

/** The URL's host name without brackets and trailing dot. */
const bareHost = (url: URL): string => url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');

/**
 * What can be said without the network: credentials in the URL, or a literal address (any
 * spelling URL parsing normalises: 127.1, 2130706433, 0x7f000001, [::ffff:127.0.0.1]…) or
 * `localhost` on one of this server's ports, or its public origin. For saving a workflow.
 */
export function refusedLiteralDestination(url: URL, self: SelfAddress): string | undefined {
  if (url.username !== '' || url.password !== '') return CREDENTIALS;
  if (isReceiverPath(url)) return undefined;
  const publicOrigin = new URL(self.publicOrigin());
  if (bareHost(url) === bareHost(publicOrigin) && portOf(url) === portOf(publicOrigin)) return SELF;
  if (!self.ports().includes(portOf(url))) return undefined;
  const host = bareHost(url).toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return SELF;
  return isIP(plainAddress(host)) !== 0 && isOwnAddress(host) ? SELF : undefined;
}

export type Resolve = (host: string) => Promise<readonly string[]>;

/** Every address the system resolves `host` to. */
export const resolveAll: Resolve = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * At delivery: the literal checks, then the name resolved and every address it gives
 * checked, so a DNS name pointing at this machine is refused too. A name that does not
 * resolve is left to the delivery itself, which then fails with its own error.
 */
export async function refusedDestination(
  url: URL,
  self: SelfAddress | undefined,
  resolve: Resolve = resolveAll,
): Promise<string | undefined> {
  if (url.username !== '' || url.password !== '') return CREDENTIALS;
  if (self === undefined) return undefined;
  const literal = refusedLiteralDestination(url, self);
  if (literal !== undefined || isReceiverPath(url) || !self.ports().includes(portOf(url))) {
    return literal;
  }
  const host = bareHost(url);
  if (isIP(plainAddress(host)) !== 0) return undefined;
  let addresses: readonly string[];
  try {
    addresses = await resolve(host);
  } catch {
    return undefined;
  }
  return addresses.some(isOwnAddress) ? SELF : undefined;
}
