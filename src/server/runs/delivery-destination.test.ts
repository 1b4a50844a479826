import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createWorkflow,
  linearWorkflow,
  startRun,
  waitForTerminal,
} from '../test-support/fixtures.ts';
import { containing } from '../test-support/matchers.ts';
import { json, startTestApp, type TestApp } from '../test-support/test-app.ts';
import {
  isOwnAddress,
  refusedDestination,
  refusedLiteralDestination,
  type SelfAddress,
} from './delivery-destination.ts';
import { portOf } from '../test-support/port-of.ts';

const self: SelfAddress = { ports: () => [7301], publicOrigin: () => 'http://127.0.0.1:7301' };
const proxyPath = '/inlet/sixtyfour/workflows/delete_workflow?workflow_id=x';

describe('where a delivery may go', () => {
  it("refuses Inlet's own API and proxy on every spelling of its address", async () => {
    for (const host of [
      '127.0.0.1',
      'localhost',
      'localhost.',
      'LOCALHOST',
      'app.localhost',
      '[::1]',
      '[0:0:0:0:0:0:0:1]',
      '0.0.0.0',
      '0',
      '127.1',
      '127.0.0.2',
      '2130706433',
      '0x7f000001',
      '0177.0.0.1',
      '[::ffff:127.0.0.1]',
      '[::ffff:7f00:1]',
      '[::]',
    ]) {
      for (const path of ['/workflows', proxyPath, '/inlet/session']) {
        const url = new URL(`http://${host}:7301${path}`);
        expect(await refusedDestination(url, self), url.href).toEqual(containing('own API'));
      }
    }
    // The default port of the scheme counts when Inlet listens there.
    const on80: SelfAddress = { ports: () => [80], publicOrigin: () => 'http://127.0.0.1:80' };
    expect(await refusedDestination(new URL('http://127.0.0.1/workflows'), on80)).toEqual(
      containing('own API'),
    );
  });

  it('refuses a DNS name that resolves to this machine, and its public origin', async () => {
    const resolvesHome = () => Promise.resolve(['::ffff:127.0.0.1']);
    expect(
      await refusedDestination(
        new URL(`http://rebound.example:7301${proxyPath}`),
        self,
        resolvesHome,
      ),
    ).toEqual(containing('own API'));
    const behindProxy: SelfAddress = {
      ports: () => [7301],
      publicOrigin: () => 'https://inlet.team.example',
    };
    expect(
      refusedLiteralDestination(new URL(`https://inlet.team.example.${proxyPath}`), behindProxy),
    ).toEqual(containing('own API'));
  });

  it('lets a receiver path of its own, other ports and other hosts through', async () => {
    const resolvesElsewhere = () => Promise.resolve(['93.184.215.14']);
    for (const url of [
      'http://127.0.0.1:7301/inlet/receiver/leads',
      'http://127.0.0.1:9000/hook',
      'http://localhost:7302/workflows',
      'https://hooks.example:7301/workflows',
    ]) {
      expect(await refusedDestination(new URL(url), self, resolvesElsewhere), url).toBeUndefined();
    }
    expect(isOwnAddress('10.255.255.1')).toBe(false);
    expect(isOwnAddress('::ffff:7f00:1')).toBe(true);
  });

  it('refuses credentials in the URL, at save and at delivery', async () => {
    const url = new URL('https://user:hunter2@hooks.example/hook');
    expect(refusedLiteralDestination(url, self)).toEqual(containing('Sixtyfour-Signature'));
    expect(await refusedDestination(url, undefined)).toEqual(containing('remove them'));
  });
});

describe("a sandbox run never calls Inlet's own API", () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    // The machine's own name, allowed as a delivery host, so only the self check can refuse it.
    t = await startTestApp({ INLET_OUTGOING_ALLOW_HOSTS: hostname() });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = portOf(t.app.server);
  });
  afterAll(() => t.close());

  const save = (url: string) =>
    t.call({
      method: 'POST',
      url: '/workflows/create_workflow',
      payload: JSON.stringify(
        linearWorkflow([{ block_id: 'o', block_name: 'outgoing_webhook', specs: { url } }]),
      ),
      headers: { 'content-type': 'application/json' },
    });

  it('refuses at save a url naming its own address and port, or carrying credentials', async () => {
    for (const url of [
      `http://127.1:${port}${proxyPath}`,
      `http://[::ffff:127.0.0.1]:${port}/workflows`,
      `http://localhost.:${port}/workflows/run?workflow_id=x`,
    ]) {
      const refused = await save(url);
      expect(refused.statusCode, url).toBe(422);
      expect(json(refused)).toMatchObject({
        detail: [{ loc: ['body', 'workflow_definition', 'blocks', 1, 'specs', 'url'] }],
      });
    }
    const withPassword = await save('http://alice:hunter2@127.0.0.1:9/hook');
    expect(withPassword.statusCode).toBe(422);
    expect(withPassword.body).toContain('remove them');
    expect(withPassword.body).not.toContain('hunter2');
  });

  it('refuses at delivery a DNS name resolving to it, with a reason and no call', async () => {
    const id = await createWorkflow(
      t,
      linearWorkflow([
        {
          block_id: 'o',
          block_name: 'outgoing_webhook',
          specs: { url: `http://${hostname()}:${port}/workflows/delete_workflow?workflow_id=x` },
        },
      ]),
    );
    const jobId = await startRun(t, id);
    expect(await waitForTerminal(t, jobId)).toBe('failed');
    const runs = z
      .array(z.object({ job_id: z.string(), status_reason: z.string().nullish() }))
      .parse(json(await t.call({ url: '/workflows/runs?limit=500' })));
    expect(runs.find((run) => run.job_id === jobId)?.status_reason).toContain('own API');
  });
});
