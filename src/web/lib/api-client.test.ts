import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRequest } from './api-client.ts';
import type { Connection } from './api/connection.ts';

describe('a 2xx answer the client cannot read', () => {
  let server: Server;
  let connection: Connection;
  beforeAll(async () => {
    // A local server answering 200 with what an API in trouble might send.
    server = createServer((request, response) => {
      const json = { 'content-type': 'application/json' };
      if (request.url?.startsWith('/cut')) response.writeHead(200, json).end('{"status": "ru');
      else if (request.url?.startsWith('/empty')) response.writeHead(200, json).end('');
      else response.writeHead(200, json).end('{"status": 3}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo; // A TCP listener reports an AddressInfo.
    connection = {
      target: 'sixtyfour',
      basePath: `http://127.0.0.1:${String(port)}`,
      apiKey: undefined,
      ready: true,
    };
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const failure = (path: string) =>
    apiRequest(connection, { path, schema: z.object({ status: z.string() }) }).then(
      () => undefined,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );

  it('says a body that is not JSON is not JSON, with its start', async () => {
    expect(await failure('/cut')).toBe(
      'The answer to /cut is not JSON (it starts “{"status": "ru”); ask again, and if it stays so, the API is at fault.',
    );
    expect(await failure('/empty')).toContain('is not JSON (it is empty)');
  });

  it('says where JSON of the wrong shape differs', async () => {
    expect(await failure('/shape')).toContain('is not in the expected format at status');
  });
});
