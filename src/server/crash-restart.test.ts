import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isTerminalStatus } from '../core/wire/run-status.ts';
import { DOCUMENTED_PAYLOAD, linearWorkflow } from './test-support/fixtures.ts';
import { exited, freePort, startServer } from './test-support/crash-harness.ts';
import { TEST_KEY } from './test-support/test-app.ts';

describe('a server killed mid-run', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'inlet-crash-'));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('restarts with every accepted run intact and none left queued or running', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const api = async (method: string, url: string, body?: unknown) => {
      const response = await fetch(`${base}${url}`, {
        method,
        headers: {
          'x-api-key': TEST_KEY,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const parsed: unknown = await response.json();
      return { status: response.status, body: parsed };
    };
    const waitUp = async () => {
      for (let i = 0; i < 200; i++) {
        try {
          if ((await fetch(`${base}/inlet/health`)).ok) return;
        } catch {
          // Not listening yet.
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('server did not start');
    };

    const first = startServer(dataDir, port, { INLET_SANDBOX_ROW_MS: '100' });
    children.push(first);
    await waitUp();
    const workflow = z
      .object({ id: z.string() })
      .parse((await api('POST', '/workflows/create_workflow', linearWorkflow())).body);
    const rows = Array.from({ length: 30 }, (_, index) => ({ company_name: `Company ${index}` }));
    const jobIds: string[] = [];
    for (const payload of [rows, rows, DOCUMENTED_PAYLOAD]) {
      const started = await api('POST', `/workflows/run?workflow_id=${workflow.id}`, {
        webhook_payload: payload,
      });
      jobIds.push(z.object({ job_id: z.string() }).parse(started.body).job_id);
    }
    const live = z.object({
      overall_status: z.string(),
      blocks: z.array(z.object({ processed_count: z.number() })),
    });
    for (;;) {
      const status = live.parse(
        (await api('GET', `/workflows/runs/${jobIds[0] ?? ''}/live_status`)).body,
      );
      if ((status.blocks[0]?.processed_count ?? 0) >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    first.kill('SIGKILL');
    await exited(first);

    const second = startServer(dataDir, port, { INLET_SANDBOX_ROW_MS: '0' });
    children.push(second);
    await waitUp();
    for (const jobId of jobIds) {
      let status = '';
      for (let i = 0; i < 200; i++) {
        status = live.parse(
          (await api('GET', `/workflows/runs/${jobId}/live_status`)).body,
        ).overall_status;
        if (isTerminalStatus(status)) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(status).toBe('completed');
      const links = await api('GET', `/workflows/runs/${jobId}/results/download-links`);
      expect(links.status).toBe(200);
    }
    const list = z
      .array(z.object({ job_id: z.string(), status: z.string() }))
      .parse((await api('GET', '/workflows/runs')).body);
    expect(list.map((run) => run.job_id).sort()).toEqual([...jobIds].sort());

    // SIGTERM drains: the server exits cleanly.
    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
  }, 40_000);
});
