import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createWorkflow,
  linearWorkflow,
  startRun,
  waitForTerminal,
} from '../test-support/fixtures.ts';
import { json, startTestApp, type TestApp } from '../test-support/test-app.ts';

const listSchema = z.array(
  z.object({ id: z.string(), name: z.string(), workflow_definition: z.unknown().optional() }),
);
const runListSchema = z.array(z.object({ job_id: z.string() }));

const NAMES = ['Acme leads', 'ACME companies', '100% match', 'Plain', 'under_score', 'Other'];

describe('GET /workflows: paging, search and damaged rows', () => {
  let t: TestApp;
  const ids = new Map<string, string>();
  beforeAll(async () => {
    t = await startTestApp();
    for (const name of NAMES) {
      ids.set(name, await createWorkflow(t, { ...linearWorkflow(), workflow_name: name }));
    }
  });
  afterAll(() => t.close());

  const list = async (query = '') => {
    const response = await t.call({ url: `/workflows${query}`, contract: '/workflows' });
    expect(response.statusCode, response.body).toBe(200);
    return {
      names: listSchema.parse(json(response)).map((workflow) => workflow.name),
      total: response.headers['x-total-count'],
      unreadable: response.headers['x-inlet-unreadable-rows'],
    };
  };

  it('answers every workflow, newest first, when no paging parameter is sent', async () => {
    const all = await list();
    expect([...all.names].sort()).toEqual([...NAMES].sort());
    const created = listSchema.element
      .extend({ created_at: z.string() })
      .array()
      .parse(json(await t.call({ url: '/workflows' })))
      .map((workflow) => workflow.created_at);
    expect(created).toEqual([...created].sort().reverse());
    expect(all.total).toBe(String(NAMES.length));
    const raw = listSchema.parse(json(await t.call({ url: '/workflows' })));
    expect(raw.every((workflow) => workflow.workflow_definition === undefined)).toBe(true);
  });

  it('pages with limit and offset, the total counting every match', async () => {
    const first = await list('?limit=4');
    const second = await list('?limit=4&offset=4');
    expect(first.names).toHaveLength(4);
    expect(second.names).toHaveLength(2);
    expect([...first.names, ...second.names]).toEqual((await list()).names);
    expect(first.total).toBe(String(NAMES.length));
    expect((await list('?limit=4&offset=40')).names).toEqual([]);
  });

  it('searches name and id, ignoring case; % and _ match only themselves', async () => {
    expect((await list('?q=acme')).names.sort()).toEqual(['ACME companies', 'Acme leads']);
    expect((await list('?q=acme')).total).toBe('2');
    expect((await list(`?q=${encodeURIComponent('%')}`)).names).toEqual(['100% match']);
    expect((await list('?q=_')).names).toEqual(['under_score']);
    const id = ids.get('Plain') ?? '';
    expect((await list(`?q=${id.slice(0, 12)}`)).names).toEqual(['Plain']);
    expect((await list('?q=acme&limit=1')).total).toBe('2');
  });

  it('refuses bad paging values with a 422 that names the parameter', async () => {
    for (const query of [
      '?limit=0',
      '?limit=501',
      '?offset=-1',
      '?limit=ten',
      `?q=${'x'.repeat(201)}`,
    ]) {
      const response = await t.call({ url: `/workflows${query}` });
      expect(response.statusCode, query).toBe(422);
      expect(response.body, query).toContain('"query"');
    }
  });

  it('leaves out a damaged workflow or run row, says so, and lists the rest', async () => {
    const runWorkflow = ids.get('Other') ?? '';
    const kept = await startRun(t, runWorkflow);
    const damaged = await startRun(t, runWorkflow);
    await waitForTerminal(t, kept);
    await waitForTerminal(t, damaged);
    const db = new Database(path.join(t.dataDir, 'inlet.sqlite'));
    try {
      db.prepare("UPDATE workflows SET name = x'ff00' WHERE id = ?").run(ids.get('Plain'));
      db.prepare("UPDATE runs SET warnings = '{broken' WHERE job_id = ?").run(damaged);
    } finally {
      db.close();
    }

    const workflows = await list();
    expect([...workflows.names].sort()).toEqual(NAMES.filter((name) => name !== 'Plain').sort());
    expect(workflows.unreadable).toBe('1');

    const runs = await t.call({ url: '/workflows/runs', contract: '/workflows/runs' });
    expect(runs.statusCode, runs.body).toBe(200);
    expect(runListSchema.parse(json(runs)).map((run) => run.job_id)).toEqual([kept]);
    expect(runs.headers['x-inlet-unreadable-rows']).toBe('1');
  });
});
