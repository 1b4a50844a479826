import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverOutgoingWebhook, type DeliveryEvent } from './blocks/outgoing-webhook.ts';
import { portOf } from '../test-support/port-of.ts';

/*
 * Issue 16, item 3: a delivery checks that the addresses its host name resolves to are not
 * Inlet itself, then connects. The connection must go to an address that was checked: a DNS
 * answer that changes in between (rebinding) must not reach Inlet's own API.
 */

const event: DeliveryEvent = {
  runId: 'run-1',
  workflowId: 'wf-1',
  blockId: 'out',
  rows: [{ a: 1 }],
  resultsDownloadUrl: null,
};

async function listen(): Promise<{ server: Server; port: number; hosts: string[] }> {
  const hosts: string[] = [];
  const server = createServer((request, answer) => {
    hosts.push(request.headers.host ?? '');
    request.resume();
    request.on('end', () => answer.writeHead(200).end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: portOf(server), hosts };
}

describe('deliveries connect to the address they checked', () => {
  let own: Awaited<ReturnType<typeof listen>>;
  let receiver: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    own = await listen();
    receiver = await listen();
  });
  afterAll(() => {
    own.server.close();
    receiver.server.close();
  });
  const self = () => ({ ports: () => [own.port], publicOrigin: () => 'http://127.0.0.1:1' });

  it('a name that resolves elsewhere at the check and home at the connection never reaches Inlet', async () => {
    const asked: string[] = [];
    const rebinding = (host: string) => {
      asked.push(host);
      // TEST-NET-1 (never routed) at the check; this machine for every later answer.
      return Promise.resolve(asked.length === 1 ? ['192.0.2.1'] : ['127.0.0.1']);
    };
    const outcome = await deliverOutgoingWebhook(
      `http://rebind.example:${own.port}/workflows/run?workflow_id=x`,
      event,
      {
        signingSecret: undefined,
        allowHosts: ['rebind.example'],
        retries: 2,
        backoffBaseMs: 1,
        timeoutMs: 300,
        self: self(),
        resolve: rebinding,
      },
    );
    expect(own.hosts).toEqual([]);
    expect(outcome.problem).toBeDefined();
    expect(asked).toEqual(['rebind.example']);
  });

  it('connects with the checked answer, keeping the name as the Host', async () => {
    const outcome = await deliverOutgoingWebhook(
      `http://receiver.example:${receiver.port}/hook`,
      event,
      {
        signingSecret: undefined,
        allowHosts: ['receiver.example'],
        retries: 0,
        timeoutMs: 2000,
        self: self(),
        resolve: () => Promise.resolve(['127.0.0.1']),
      },
    );
    expect(outcome.problem).toBeUndefined();
    expect(outcome.attempts).toBe(1);
    expect(receiver.hosts).toEqual([`receiver.example:${receiver.port}`]);
  });
});
