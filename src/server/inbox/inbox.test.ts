import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  INBOX_BODY_KEPT_BYTES,
  inboxEntrySchema,
  inboxListResponseSchema,
  type InboxCause,
  type InboxEntry,
} from '@core/wire/inbox.ts';
import { MASKED_HEADER_VALUE } from '@core/wire/receiver.ts';
import { MAX_JSON_DEPTH, WORKFLOW_NAME_MAX_LENGTH } from '@core/limits.ts';
import { DOCUMENTED_PAYLOAD, createWorkflow, linearWorkflow } from '../test-support/fixtures.ts';
import { json, startTestApp, TEST_KEY, type TestApp } from '../test-support/test-app.ts';
import { pageCookie, startUiApp } from '../test-support/ui-app.ts';

/*
 * Issue 15, "The inbox": every POST /workflows/run is recorded, accepted or refused, through
 * the real app and a real SQLite file. Every assertion reads a recorded entry back, so each
 * test fails without the recording.
 */

const RUN = '/workflows/run';
const jsonHeaders = { 'content-type': 'application/json' };

const listOf = async (t: TestApp, query = '') => {
  const response = await t.call({ url: `/inlet/inbox${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return inboxListResponseSchema.parse(json(response));
};

const entryOf = async (t: TestApp, id: number): Promise<InboxEntry> => {
  const response = await t.call({ url: `/inlet/inbox/${id}` });
  expect(response.statusCode, response.body).toBe(200);
  return inboxEntrySchema.parse(json(response));
};

/** The newest entry, in full. */
const newest = async (t: TestApp): Promise<InboxEntry> => {
  const [first] = (await listOf(t, '?limit=1')).entries;
  if (first === undefined) throw new Error('The inbox is empty.');
  return entryOf(t, first.id);
};

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

describe.each([
  { intake: 'inline', thread: '0' },
  { intake: 'thread', thread: '1' },
] as const)('the inbox, run requests prepared $intake', ({ intake, thread }) => {
  let t: TestApp;
  let workflowId: string;

  beforeAll(async () => {
    t = await startTestApp({
      INLET_MAX_ROWS: '50',
      INLET_MAX_BODY_BYTES: String(3 * 1024 * 1024),
      INLET_RUN_INTAKE_THREAD: thread,
    });
    expect(await t.app.sandbox.intake.ready).toBe(intake);
    workflowId = await createWorkflow(t, linearWorkflow());
  });
  afterAll(() => t.close());

  const run = (body: string, query = `?workflow_id=${workflowId}`, headers = {}) =>
    t.call({
      method: 'POST',
      url: `${RUN}${query}`,
      payload: body,
      headers: { ...jsonHeaders, ...headers },
    });

  it('records an accepted request with its run, body, answer and the judge warnings placed in the body', async () => {
    const body = JSON.stringify(
      { webhook_payload: [...DOCUMENTED_PAYLOAD, { company_name: 'Initech', Website: 'x.com' }] },
      null,
      2,
    );
    const response = await run(body);
    expect(response.statusCode, response.body).toBe(200);
    const jobId = z.object({ job_id: z.string() }).parse(json(response)).job_id;

    const entry = await newest(t);
    expect(entry).toMatchObject({
      status_code: 200,
      outcome: 'accepted',
      causes: [],
      job_id: jobId,
      workflow_id: workflowId,
      body,
      body_read: true,
      body_size: Buffer.byteLength(body),
      body_sha256: sha256(body),
      body_truncated: false,
      answer: response.body,
      findings_source: 'webhook_payload',
      content_type: 'application/json',
    });
    // Kept as the intake compressed it (off the event loop), read back as sent.
    const stored = t.app.sandbox.db
      .prepare('SELECT body_encoding FROM inbox WHERE id = ?')
      .get(entry.id);
    expect(stored).toEqual({ body_encoding: 'br' });
    // The near-miss column is a warning, found where it is in the body as sent.
    const advisory = entry.findings.find((finding) => finding.column === 'Website');
    expect(advisory?.severity).toBe('warning');
    expect(entry.warning_count).toBeGreaterThan(0);
    const position = advisory?.position;
    expect(position).not.toBeNull();
    if (!position) return;
    expect(body.slice(position.offset, position.offset + position.length)).toBe('"x.com"');
    expect(body.split('\n')[position.line - 1]?.slice(position.column - 1)).toMatch(/^"x\.com"/);
  });

  const deep = `${'['.repeat(MAX_JSON_DEPTH + 5)}${']'.repeat(MAX_JSON_DEPTH + 5)}`;
  const refusals: {
    name: string;
    body: string;
    query?: string;
    headers?: Record<string, string>;
    status: number;
    causes: InboxCause[];
  }[] = [
    {
      name: 'a missing required column',
      body: JSON.stringify({ webhook_payload: [{ website: 'acme.com' }] }),
      status: 400,
      causes: ['missing_required_column'],
    },
    {
      name: 'not an array of objects',
      body: JSON.stringify({ webhook_payload: [1, 'two'] }),
      status: 422,
      causes: ['not_array_of_objects'],
    },
    {
      name: 'an empty payload',
      body: JSON.stringify({ webhook_payload: [] }),
      status: 400,
      causes: ['empty_payload'],
    },
    {
      name: 'too many rows',
      body: JSON.stringify({
        webhook_payload: Array.from({ length: 51 }, (_, i) => ({ company_name: `C${i}` })),
      }),
      status: 400,
      causes: ['too_many_rows'],
    },
    {
      name: 'malformed JSON',
      body: '{"webhook_payload": [{"company_name": "Acme"',
      status: 422,
      causes: ['malformed_json'],
    },
    {
      name: 'JSON nested too deep',
      body: `{"webhook_payload": ${deep}}`,
      status: 422,
      causes: ['too_deep'],
    },
    {
      name: 'a wrong API key',
      body: JSON.stringify({ webhook_payload: DOCUMENTED_PAYLOAD }),
      headers: { 'x-api-key': 'sk_wrong_0123456789abcdef' },
      status: 401,
      causes: ['auth'],
    },
    {
      name: 'a JWT with a payload',
      body: JSON.stringify({ webhook_payload: DOCUMENTED_PAYLOAD }),
      headers: { 'x-api-key': '', authorization: 'Bearer some.jwt.token' },
      status: 400,
      causes: ['auth'],
    },
    {
      name: 'an unknown workflow',
      body: JSON.stringify({ webhook_payload: DOCUMENTED_PAYLOAD }),
      query: '?workflow_id=wf_does_not_exist',
      status: 404,
      causes: ['unknown_workflow'],
    },
    {
      name: 'no workflow_id',
      body: JSON.stringify({ webhook_payload: DOCUMENTED_PAYLOAD }),
      query: '',
      status: 422,
      causes: ['invalid_request'],
    },
  ];

  it.each(refusals)('records a refusal for $name with its cause', async (refusal) => {
    const response = await run(refusal.body, refusal.query, refusal.headers);
    expect(response.statusCode, response.body).toBe(refusal.status);
    const entry = await newest(t);
    expect(entry).toMatchObject({
      status_code: refusal.status,
      outcome: 'refused',
      causes: refusal.causes,
      job_id: null,
      answer: response.body,
    });
    // What the route read is kept; a request refused before its body was read has none.
    if (entry.body_read) expect(entry.body).toBe(refusal.body);
    else expect(refusal.status).toBe(401);
  });

  it('records a body over the size limit, refused before it was read, with its Content-Length', async () => {
    const body = JSON.stringify({
      webhook_payload: [{ company_name: 'x'.repeat(3 * 1024 * 1024) }],
    });
    const response = await run(body);
    expect(response.statusCode).toBe(413);
    const entry = await newest(t);
    expect(entry).toMatchObject({
      status_code: 413,
      causes: ['too_large'],
      body_read: false,
      body: null,
      body_size: Buffer.byteLength(body),
      answer: response.body,
    });
  });

  it('records a wrong type as a warning of an accepted request, with its cause', async () => {
    const body = JSON.stringify({ webhook_payload: [{ company_name: 42 }] });
    const response = await run(body);
    expect(response.statusCode, response.body).toBe(200);
    const entry = await newest(t);
    expect(entry).toMatchObject({ outcome: 'accepted', causes: ['wrong_type'], body });
    expect(entry.findings).toContainEqual(
      expect.objectContaining({
        kind: 'type_mismatch',
        severity: 'warning',
        position: expect.objectContaining({ offset: body.indexOf('42'), length: 2 }) as unknown,
      }),
    );
  });

  it('keeps a body over 1 MiB as its first 1 MiB, with the size and hash of all of it', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({
      company_name: `C${i}`,
      website: 'w'.repeat(50_000),
    }));
    const body = JSON.stringify({ webhook_payload: rows });
    expect(body.length).toBeGreaterThan(INBOX_BODY_KEPT_BYTES);
    const response = await run(body);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const entry = await newest(t);
    expect(entry.body_truncated).toBe(true);
    expect(entry.body_size).toBe(body.length);
    expect(entry.body_sha256).toBe(sha256(body));
    expect(entry.body).toBe(body.slice(0, INBOX_BODY_KEPT_BYTES));
    const listed = (await listOf(t, '?limit=1')).entries[0];
    expect(listed?.body_truncated).toBe(true);
  });

  it('filters by workflow, outcome and cause, and searches in bodies', async () => {
    await run(JSON.stringify({ webhook_payload: [{ company_name: 'Needle-7731' }] }));
    await run(JSON.stringify({ webhook_payload: [{ company_name: 7731 }] }));
    const found = await listOf(t, '?q=Needle-7731');
    expect(found.entries.map((entry) => entry.causes)).toEqual([[]]);
    const wrongType = await listOf(t, `?cause=wrong_type&workflow_id=${workflowId}`);
    expect(wrongType.entries.length).toBeGreaterThanOrEqual(2);
    const elsewhere = await listOf(t, '?cause=wrong_type&workflow_id=wf_other');
    expect(elsewhere.entries).toEqual([]);
    expect(wrongType.entries.every((entry) => entry.causes.includes('wrong_type'))).toBe(true);
    const refused = await listOf(t, '?outcome=refused');
    expect(refused.entries.every((entry) => entry.outcome === 'refused')).toBe(true);
    const page = await listOf(t, '?limit=2');
    expect(page.entries).toHaveLength(2);
    expect(page.next_before).toBe(page.entries[1]?.id);
    const next = await listOf(t, `?limit=2&before=${page.next_before}`);
    expect(next.entries[0]?.id).toBeLessThan(page.next_before ?? 0);
  });
});

describe('the inbox never holds an API key', () => {
  it('masks keys in headers, query and body, and the database files hold none', async () => {
    const t = await startTestApp();
    const wrongKey = 'sk_someone_elses_key_42424242';
    const bearer = 'eyJhbGciOiJIUzI1NiJ9.secret-bearer-token';
    try {
      const response = await t.call({
        method: 'POST',
        url: `${RUN}?workflow_id=wf_nope&api_key=${TEST_KEY}&note=${encodeURIComponent(TEST_KEY)}`,
        payload: JSON.stringify({ webhook_payload: [{ company_name: TEST_KEY }] }),
        headers: { ...jsonHeaders, authorization: `Bearer ${bearer}`, cookie: 'inlet_ui=abc' },
      });
      expect(response.statusCode).toBe(404);
      const refusedKey = await t.app.inject({
        method: 'POST',
        url: `${RUN}?workflow_id=wf_nope&key=${wrongKey}`,
        payload: '{}',
        headers: { ...jsonHeaders, 'x-api-key': wrongKey },
      });
      expect(refusedKey.statusCode).toBe(401);

      const list = await t.call({ url: '/inlet/inbox' });
      const ids = inboxListResponseSchema.parse(json(list)).entries.map((entry) => entry.id);
      expect(ids).toHaveLength(2);
      const entries = await Promise.all(ids.map((id) => entryOf(t, id)));
      for (const entry of entries) {
        const apiKey = entry.headers.find((header) => header.name === 'x-api-key');
        expect(apiKey?.value).toBe(MASKED_HEADER_VALUE);
        const text = JSON.stringify(entry);
        expect(text).not.toContain(TEST_KEY);
        expect(text).not.toContain(wrongKey);
        expect(text).not.toContain(bearer);
      }
      const [withBody] = entries.filter((entry) => entry.status_code === 404);
      expect(withBody?.body).toBe(
        JSON.stringify({ webhook_payload: [{ company_name: '*'.repeat(TEST_KEY.length) }] }),
      );
      expect(withBody?.headers.find((header) => header.name === 'cookie')?.value).toBe(
        MASKED_HEADER_VALUE,
      );
      expect(withBody?.workflow_id).toBe('wf_nope');
    } finally {
      await t.app.close();
    }
    // The whole store, write-ahead log included, as bytes.
    for (const file of ['inlet.sqlite', 'inlet.sqlite-wal']) {
      const full = path.join(t.dataDir, file);
      if (!existsSync(full)) continue;
      const bytes = readFileSync(full);
      expect(bytes.includes(TEST_KEY), file).toBe(false);
      expect(bytes.includes(wrongKey), file).toBe(false);
      expect(bytes.includes(bearer), file).toBe(false);
    }
    const db = path.join(t.dataDir, 'inlet.sqlite');
    // Proof the scan reads the entries at all: the masked body is in the file.
    expect(readFileSync(db).includes('*'.repeat(TEST_KEY.length))).toBe(true);
    await t.close();
  });
});

describe('inbox pruning', () => {
  const unknownRun = (t: TestApp, workflow: string) =>
    t.call({
      method: 'POST',
      url: `${RUN}?workflow_id=${workflow}`,
      payload: '{}',
      headers: jsonHeaders,
    });

  it('keeps only the newest INLET_INBOX_MAX_ENTRIES', async () => {
    const t = await startTestApp({ INLET_INBOX_MAX_ENTRIES: '3' });
    try {
      for (const n of [1, 2, 3, 4, 5]) await unknownRun(t, `wf_${n}`);
      const { entries } = await listOf(t);
      expect(entries.map((entry) => entry.workflow_id)).toEqual(['wf_5', 'wf_4', 'wf_3']);
      const count = t.app.sandbox.db.prepare('SELECT count(*) AS n FROM inbox').get();
      expect(count).toEqual({ n: 3 });
    } finally {
      await t.close();
    }
  });

  it('drops entries older than INLET_INBOX_MAX_AGE_HOURS', async () => {
    const t = await startTestApp({ INLET_INBOX_MAX_AGE_HOURS: '1' });
    try {
      await unknownRun(t, 'wf_old');
      await unknownRun(t, 'wf_recent');
      expect((await listOf(t)).entries).toHaveLength(2);
      // Two hours pass for the first entry.
      t.app.sandbox.db
        .prepare(
          "UPDATE inbox SET received_ms = received_ms - 7200000 WHERE workflow_id = 'wf_old'",
        )
        .run();
      await unknownRun(t, 'wf_new');
      const { entries } = await listOf(t);
      expect(entries.map((entry) => entry.workflow_id)).toEqual(['wf_new', 'wf_recent']);
    } finally {
      await t.close();
    }
  });
});

describe('inbox rate-limit and queue causes', () => {
  it('records a 429 as rate_limited', async () => {
    const t = await startTestApp({ INLET_RATE_LIMIT_PER_MIN: '1' });
    try {
      const run = () =>
        t.call({
          method: 'POST',
          url: `${RUN}?workflow_id=wf_x`,
          payload: '{}',
          headers: jsonHeaders,
        });
      expect((await run()).statusCode).toBe(404);
      expect((await run()).statusCode).toBe(429);
      // The read routes are rate-limited too, so the table is read directly, once the
      // recorder's write (queued with setImmediate before the answer left) has run.
      await new Promise((resolve) => setImmediate(resolve));
      const entries = t.app.sandbox.db
        .prepare('SELECT status_code, causes FROM inbox ORDER BY id')
        .all();
      expect(entries).toEqual([
        { status_code: 404, causes: '["unknown_workflow"]' },
        { status_code: 429, causes: '["rate_limited"]' },
      ]);
    } finally {
      await t.close();
    }
  });

  it('records a 503 of a full queue as queue_full', async () => {
    const t = await startTestApp({ INLET_MAX_QUEUED_RUNS: '1', INLET_SANDBOX_ROW_MS: '60000' });
    try {
      const workflowId = await createWorkflow(t);
      const body = JSON.stringify({ webhook_payload: DOCUMENTED_PAYLOAD });
      const answers = [];
      for (let i = 0; i < 3; i++) {
        answers.push(
          await t.call({
            method: 'POST',
            url: `${RUN}?workflow_id=${workflowId}`,
            payload: body,
            headers: jsonHeaders,
          }),
        );
      }
      const full = answers.find((answer) => answer.statusCode === 503);
      expect(full, answers.map((answer) => answer.statusCode).join()).toBeDefined();
      const refused = await listOf(t, '?cause=queue_full');
      expect(refused.entries[0]).toMatchObject({ status_code: 503, causes: ['queue_full'] });
    } finally {
      await t.close();
    }
  });
});

describe('inbox read routes', () => {
  it('answer the UI session cookie and refuse a caller without a key', async () => {
    const ui = await startUiApp();
    try {
      const anonymous = await ui.app.inject({ url: '/inlet/inbox' });
      expect(anonymous.statusCode).toBe(401);
      const { cookie } = await pageCookie(ui.app);
      await ui.app.inject({
        method: 'POST',
        url: `${RUN}?workflow_id=wf_ui`,
        payload: '{}',
        headers: { ...jsonHeaders, 'x-api-key': TEST_KEY },
      });
      const listed = await ui.app.inject({ url: '/inlet/inbox', headers: { cookie } });
      expect(listed.statusCode, listed.body).toBe(200);
      const { entries } = inboxListResponseSchema.parse(json(listed));
      expect(entries.map((entry) => entry.workflow_id)).toEqual(['wf_ui']);
      const missing = await ui.app.inject({ url: '/inlet/inbox/999999', headers: { cookie } });
      expect(missing.statusCode).toBe(404);
    } finally {
      await ui.close();
    }
  });
});

describe('inbox workflow names', () => {
  it('lists the name the workflow has now, none for an unknown one, cut to the name limit', async () => {
    const t = await startTestApp();
    try {
      const workflowId = await createWorkflow(t, {
        ...linearWorkflow(),
        workflow_name: 'Inbox names',
      });
      const send = (id: string) =>
        t.call({
          method: 'POST',
          url: `${RUN}?workflow_id=${encodeURIComponent(id)}`,
          payload: JSON.stringify({ webhook_payload: DOCUMENTED_PAYLOAD }),
          headers: jsonHeaders,
        });
      expect((await send(workflowId)).statusCode).toBe(200);
      expect((await send('wf_missing')).statusCode).toBe(404);
      const names = async () =>
        (await listOf(t)).entries.map((entry) => [entry.workflow_id, entry.workflow_name]);
      expect(await names()).toEqual([
        ['wf_missing', null],
        [workflowId, 'Inbox names'],
      ]);
      const renamed = await t.call({
        method: 'POST',
        url: `/workflows/update_workflow?workflow_id=${encodeURIComponent(workflowId)}`,
        payload: JSON.stringify({ workflow_name: 'Inbox names, renamed' }),
        headers: jsonHeaders,
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(await names()).toEqual([
        ['wf_missing', null],
        [workflowId, 'Inbox names, renamed'],
      ]);
      // A name stored before names were limited is shown cut to the limit.
      t.app.sandbox.db
        .prepare('UPDATE workflows SET name = ? WHERE id = ?')
        .run('n'.repeat(WORKFLOW_NAME_MAX_LENGTH + 50), workflowId);
      const [, mine] = (await listOf(t)).entries;
      expect(mine?.workflow_name).toBe('n'.repeat(WORKFLOW_NAME_MAX_LENGTH));
      expect((await entryOf(t, mine?.id ?? 0)).workflow_name).toBe(
        'n'.repeat(WORKFLOW_NAME_MAX_LENGTH),
      );
    } finally {
      await t.close();
    }
  });
});
