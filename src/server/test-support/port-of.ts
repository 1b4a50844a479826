import type { AddressInfo } from 'node:net';

/** The port a server listens on; it throws for a server not listening on TCP (or not yet). */
export function portOf(server: { address(): AddressInfo | string | null }): number {
  const address = server.address();
  if (address === null || typeof address === 'string') {
    throw new Error(`The server is not listening on a TCP port (address: ${String(address)}).`);
  }
  return address.port;
}
