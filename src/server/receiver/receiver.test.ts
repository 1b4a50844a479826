import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MASKED_HEADER_VALUE,
  RECEIVER_BODY_KEPT_BYTES,
  receiverAcceptedSchema,
  receiverDeliveriesResponseSchema,
  receiverDeliverySchema,
  type SignatureVerdict,
} from '@core/wire/receiver.ts';
import {
  createWorkflow,
  linearWorkflow,
  startRun,
  waitForTerminal,
} from '../test-support/fixtures.ts';
import { json, startTestApp, TEST_KEY, type TestApp } from '../test-support/test-app.ts';
import { pageCookie, startUiApp } from '../test-support/ui-app.ts';
import { portOf } from '../test-support/port-of.ts';

/*
 * Issue 15, "Results coming back": the local receiver, against a real listening server (the
 * sandbox delivers to its own /inlet/receiver/<name>) and a real SQLite file.
 */

const SECRET = 'whsec_receiver_test';
const MAX_BODY = 2 * 1024 * 1024;

/** A signature made here, independently of the sender's code. */
const sign = (secret: string, body: string | Buffer, t: number): string =>
  `t=${t},v1=${createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex')}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A POST to the receiver as a stranger would send it: no API key unless given. */
const deliver = (
  t: TestApp,
  name: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method: 'POST',
    url: `/inlet/receiver/${name}`,
    payload: body,
    headers: { 'content-type': 'application/json', ...headers },
  });

async function verdictOf(t: TestApp, headers: Record<string, string>, body = '{"a":1}') {
  const response = await deliver(t, 'verdicts', body, headers);
  expect(response.statusCode, response.body).toBe(200);
  return receiverAcceptedSchema.parse(json(response)).signature;
}

const detailOf = async (t: TestApp, id: number) => {
  const response = await t.call({ url: `/inlet/receiver-deliveries/${id}` });
  expect(response.statusCode, response.body).toBe(200);
  return receiverDeliverySchema.parse(json(response));
};

describe('local receiver with a signing secret', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      INLET_WEBHOOK_SIGNING_SECRET: SECRET,
      INLET_OUTGOING_BACKOFF_MS: '1',
      INLET_MAX_BODY_BYTES: String(MAX_BODY),
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await t.close();
  });

  it("records a sandbox run's outgoing_webhook sent to its own receiver, verified and linked to the run", async () => {
    const port = portOf(t.app.server);
    const workflowId = await createWorkflow(
      t,
      linearWorkflow([
        {
          block_id: 'deliver',
          block_name: 'outgoing_webhook',
          specs: { url: `http://127.0.0.1:${port}/inlet/receiver/crm-sync` },
        },
      ]),
    );
    const jobId = await startRun(t, workflowId);
    expect(await waitForTerminal(t, jobId)).toBe('completed');

    const list = await t.call({ url: `/inlet/receiver-deliveries?run_id=${jobId}` });
    expect(list.statusCode, list.body).toBe(200);
    const { deliveries } = receiverDeliveriesResponseSchema.parse(json(list));
    expect(deliveries).toHaveLength(1);
    const [summary] = deliveries;
    expect(summary).toMatchObject({
      name: 'crm-sync',
      run_id: jobId,
      workflow_id: workflowId,
      event_type: 'outgoing_webhook.completed',
      attempt: 1,
      signature: 'verified',
      body_truncated: false,
    });
    const detail = await detailOf(t, summary?.id ?? 0);
    const envelope: unknown = JSON.parse(detail.body);
    expect(envelope).toMatchObject({ run_id: jobId, event_id: summary?.event_id });
    expect(detail.body_sha256).toBe(createHash('sha256').update(detail.body).digest('hex'));
    expect(detail.headers.map((header) => header.name)).toContain('sixtyfour-signature');
  });

  it('verifies the raw bytes, not a re-serialised body, whatever the Content-Type', async () => {
    const body = '{ "run_id" : "r1",\n  "workflow_id": "w1" }';
    const header = sign(SECRET, body, nowSeconds());
    expect(await verdictOf(t, { 'sixtyfour-signature': header }, body)).toBe('verified');
    expect(
      await verdictOf(t, { 'sixtyfour-signature': header, 'content-type': 'text/plain' }, body),
    ).toBe('verified');
  });

  it('says why a signature does not hold: bad, missing, stale, malformed', async () => {
    const body = '{"a":1}';
    const cases: [Record<string, string>, SignatureVerdict][] = [
      [{ 'sixtyfour-signature': sign('another-secret', body, nowSeconds()) }, 'bad signature'],
      [{ 'sixtyfour-signature': sign(SECRET, '{"a":2}', nowSeconds()) }, 'bad signature'],
      [{}, 'missing signature'],
      [{ 'sixtyfour-signature': sign(SECRET, body, nowSeconds() - 301) }, 'stale timestamp'],
      [{ 'sixtyfour-signature': sign(SECRET, body, nowSeconds() + 301) }, 'stale timestamp'],
      [{ 'sixtyfour-signature': sign(SECRET, body, nowSeconds() - 240) }, 'verified'],
      [{ 'sixtyfour-signature': 'sha256=abc' }, 'malformed signature header'],
      [{ 'sixtyfour-signature': `t=${nowSeconds()},v1=xyz` }, 'malformed signature header'],
      [{ 'sixtyfour-signature': `t=${nowSeconds()}` }, 'malformed signature header'],
    ];
    const verdicts: SignatureVerdict[] = [];
    for (const [headers] of cases) verdicts.push(await verdictOf(t, headers, body));
    expect(verdicts).toEqual(cases.map(([, verdict]) => verdict));
  });

  it('keeps the first 1 MiB of an oversize body and says it was cut, with the full size and hash', async () => {
    const body = Buffer.alloc(RECEIVER_BODY_KEPT_BYTES + 300_000, 'x');
    const response = await deliver(t, 'big', body, { 'content-type': 'application/octet-stream' });
    expect(response.statusCode, response.body).toBe(200);
    const detail = await detailOf(t, receiverAcceptedSchema.parse(json(response)).id);
    expect(detail.body_truncated).toBe(true);
    expect(detail.body_size).toBe(body.length);
    expect(detail.body_sha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect(Buffer.byteLength(detail.body)).toBe(RECEIVER_BODY_KEPT_BYTES);
  });

  it("refuses a body beyond the server's limit with 413, and records nothing", async () => {
    const before = receiverDeliveriesResponseSchema.parse(
      json(await t.call({ url: '/inlet/receiver-deliveries?name=too-big' })),
    ).deliveries;
    const response = await deliver(t, 'too-big', Buffer.alloc(MAX_BODY + 1, 'x'));
    expect(response.statusCode).toBe(413);
    const after = receiverDeliveriesResponseSchema.parse(
      json(await t.call({ url: '/inlet/receiver-deliveries?name=too-big' })),
    ).deliveries;
    expect(before).toEqual([]);
    expect(after).toEqual([]);
  });

  it('refuses a bad name with a 422 that says what a name may hold', async () => {
    for (const name of ['bad%20name', 'a/b', '', 'x'.repeat(101), 'caf%C3%A9']) {
      const response = await deliver(t, name, '{}');
      expect(response.statusCode, name).toBe(422);
      expect(response.body, name).toMatch(/receiver name/);
    }
    expect((await deliver(t, 'x'.repeat(100), '{}')).statusCode).toBe(200);
    expect((await deliver(t, 'Ok.name_1-2', '{}')).statusCode).toBe(200);
  });

  it('records a POST without a body or Content-Type as an empty body, unlinked', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/inlet/receiver/empty' });
    expect(response.statusCode, response.body).toBe(200);
    const detail = await detailOf(t, receiverAcceptedSchema.parse(json(response)).id);
    expect(detail).toMatchObject({
      body: '',
      body_size: 0,
      content_type: null,
      run_id: null,
      signature: 'missing signature',
    });
  });

  it('never stores the value of x-api-key, cookie or authorization', async () => {
    const response = await deliver(t, 'creds', '{}', {
      'x-api-key': TEST_KEY,
      cookie: 'session=cookie-secret-value',
      authorization: 'Bearer bearer-secret-value',
    });
    expect(response.statusCode, response.body).toBe(200);
    const detail = await detailOf(t, receiverAcceptedSchema.parse(json(response)).id);
    const masked = detail.headers.filter((header) =>
      ['x-api-key', 'cookie', 'authorization'].includes(header.name),
    );
    expect(masked.map((header) => header.value)).toEqual([
      MASKED_HEADER_VALUE,
      MASKED_HEADER_VALUE,
      MASKED_HEADER_VALUE,
    ]);
    const stored = JSON.stringify(
      t.app.sandbox.db.prepare('SELECT * FROM receiver_deliveries').all(),
    );
    for (const secret of [TEST_KEY, 'cookie-secret-value', 'bearer-secret-value']) {
      expect(stored).not.toContain(secret);
    }
  });

  it('lists newest first, filtered by name, up to limit, without bodies', async () => {
    const ids: number[] = [];
    for (const body of ['{"n":1}', '{"n":2}', '{"n":3}']) {
      ids.push(receiverAcceptedSchema.parse(json(await deliver(t, 'listing', body))).id);
    }
    const response = await t.call({ url: '/inlet/receiver-deliveries?name=listing&limit=2' });
    expect(response.statusCode, response.body).toBe(200);
    const parsed = receiverDeliveriesResponseSchema.parse(json(response));
    expect(parsed.deliveries.map((delivery) => delivery.id)).toEqual([ids[2], ids[1]]);
    expect(response.body).not.toContain('"body"');
    const bad = await t.call({ url: '/inlet/receiver-deliveries?limit=0' });
    expect(bad.statusCode).toBe(422);
    const missing = await t.call({ url: '/inlet/receiver-deliveries/999999' });
    expect(missing.statusCode).toBe(404);
  });
});

describe('local receiver without a signing secret', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ INLET_RECEIVER_MAX_DELIVERIES: '3' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('records deliveries as "no signing secret configured", signed or not', async () => {
    const body = '{"a":1}';
    expect(await verdictOf(t, { 'sixtyfour-signature': sign(SECRET, body, nowSeconds()) })).toBe(
      'no signing secret configured',
    );
    expect(await verdictOf(t, {})).toBe('no signing secret configured');
  });

  it('keeps only INLET_RECEIVER_MAX_DELIVERIES, pruning the oldest', async () => {
    const ids: number[] = [];
    for (let n = 0; n < 5; n++) {
      ids.push(receiverAcceptedSchema.parse(json(await deliver(t, 'prune', `{"n":${n}}`))).id);
    }
    const all = receiverDeliveriesResponseSchema.parse(
      json(await t.call({ url: '/inlet/receiver-deliveries' })),
    ).deliveries;
    expect(all.map((delivery) => delivery.id)).toEqual([ids[4], ids[3], ids[2]]);
    expect((await t.call({ url: `/inlet/receiver-deliveries/${ids[0]}` })).statusCode).toBe(404);
  });
});

describe('auth of the receiver routes', () => {
  it('needs no key to deliver, but the key or the UI session to read', async () => {
    const ui = await startUiApp();
    try {
      const posted = await ui.app.inject({
        method: 'POST',
        url: '/inlet/receiver/open',
        payload: '{}',
        headers: { 'content-type': 'application/json' },
      });
      expect(posted.statusCode, posted.body).toBe(200);
      const id = receiverAcceptedSchema.parse(json(posted)).id;
      for (const url of ['/inlet/receiver-deliveries', `/inlet/receiver-deliveries/${id}`]) {
        expect((await ui.app.inject({ url })).statusCode, url).toBe(401);
        const wrong = await ui.app.inject({ url, headers: { 'x-api-key': 'sk_wrong_0123456789' } });
        expect(wrong.statusCode, url).toBe(401);
        const keyed = await ui.app.inject({ url, headers: { 'x-api-key': TEST_KEY } });
        expect(keyed.statusCode, url).toBe(200);
        const { cookie } = await pageCookie(ui.app);
        const page = await ui.app.inject({
          url,
          headers: { cookie, 'sec-fetch-site': 'same-origin' },
        });
        expect(page.statusCode, url).toBe(200);
      }
    } finally {
      await ui.close();
    }
  });
});
