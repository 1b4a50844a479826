import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_KEY, type TestApp } from '../test-support/test-app.ts';
import { portOf } from '../test-support/port-of.ts';

/*
 * Issue #6, items 4 and 5 over a real socket: oversized bodies are cut off before they are
 * read, and slow clients are disconnected by the timeouts while others are still served.
 */

const LIMIT = 1_000_000;
const FIFTY_MB = 50 * 1024 * 1024;

/** What a raw socket saw: the bytes the server sent, and whether it closed. */
type Exchange = { socket: Socket; received: () => string; closed: Promise<number> };

function open(port: number): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let text = '';
    const socket = connect(port, '127.0.0.1', () => {
      resolve({
        socket,
        received: () => text,
        closed: new Promise((done) =>
          socket.once('close', () => {
            done(Date.now() - started);
          }),
        ),
      });
    });
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.on('error', () => {
      // The server resets a socket it gave up on; 'close' follows.
    });
    socket.once('error', reject);
  });
}

const head = (port: number, extra: string) =>
  `POST /workflows/run?workflow_id=x HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nx-api-key: ${TEST_KEY}\r\nContent-Type: application/json\r\n${extra}\r\n`;

/** Writes `total` bytes in 64 KB chunks until the server answers; returns the bytes written. */
async function pushUntilAnswered(exchange: Exchange, total: number, chunked: boolean) {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let written = 0;
  while (written < total && exchange.received() === '' && !exchange.socket.destroyed) {
    const piece = chunked
      ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')])
      : chunk;
    const flushed = exchange.socket.write(piece);
    written += chunk.length;
    if (!flushed)
      await new Promise<void>((resolve) => {
        const done = () => {
          resolve();
        };
        exchange.socket.once('drain', done);
        exchange.socket.once('close', done);
        setTimeout(done, 200);
      });
  }
  return written;
}

describe('slow and oversized clients on a real socket', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await startTestApp({
      INLET_MAX_BODY_BYTES: String(LIMIT),
      INLET_HEADERS_TIMEOUT_MS: '400',
      INLET_REQUEST_TIMEOUT_MS: '800',
      INLET_CONNECTION_TIMEOUT_MS: '5000',
    });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = portOf(t.app.server);
  });
  afterAll(() => t.close());

  const healthy = async () => (await fetch(`http://127.0.0.1:${port}/inlet/health`)).status;

  it('4. answers 413 to a 50 MB Content-Length at once, before reading the body', async () => {
    const exchange = await open(port);
    exchange.socket.write(head(port, `Content-Length: ${FIFTY_MB}\r\n`));
    const rssBefore = process.memoryUsage().rss;
    const written = await pushUntilAnswered(exchange, FIFTY_MB, false);
    expect(exchange.received()).toMatch(/^HTTP\/1\.1 413/);
    // Cut off after at most the limit plus what the kernel's buffers hold, never 50 MB.
    expect(written).toBeLessThan(FIFTY_MB / 4);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(FIFTY_MB / 2);
    exchange.socket.destroy();
    expect(await healthy()).toBe(200);
  });

  it('4. answers 413 to 50 MB sent chunked without Content-Length, once the limit is passed', async () => {
    const exchange = await open(port);
    exchange.socket.write(head(port, 'Transfer-Encoding: chunked\r\n'));
    const written = await pushUntilAnswered(exchange, FIFTY_MB, true);
    expect(exchange.received()).toMatch(/^HTTP\/1\.1 413/);
    expect(written).toBeLessThan(FIFTY_MB / 4);
    exchange.socket.destroy();
    expect(await healthy()).toBe(200);
  });

  it('5. closes a socket whose headers trickle in, serving other clients meanwhile', async () => {
    const exchange = await open(port);
    const text = head(port, '');
    let index = 0;
    const trickle = setInterval(() => {
      if (!exchange.socket.destroyed && index < text.length)
        exchange.socket.write(text[index++] ?? '');
    }, 50);
    expect(await healthy()).toBe(200);
    const closedAfter = await exchange.closed;
    clearInterval(trickle);
    expect(index).toBeLessThan(text.length);
    expect(closedAfter).toBeLessThan(4_000);
    expect(exchange.received()).toMatch(/^$|^HTTP\/1\.1 408/);
  });

  it('5. closes a socket whose body never finishes, serving other clients meanwhile', async () => {
    const exchange = await open(port);
    exchange.socket.write(head(port, 'Content-Length: 1000\r\n'));
    exchange.socket.write('{"webhook_payload": [');
    expect(await healthy()).toBe(200);
    const closedAfter = await exchange.closed;
    expect(closedAfter).toBeLessThan(4_000);
    expect(exchange.received()).toMatch(/^$|^HTTP\/1\.1 408/);
    expect(await healthy()).toBe(200);
  });
});
