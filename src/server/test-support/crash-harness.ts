import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { CrashPoint } from '../runs/crash-point.ts';
import { linearWorkflow } from './fixtures.ts';
import { TEST_KEY } from './test-app.ts';

/*
 * Crash harness (issue #6, faults): runs the real server as a child process, submits runs,
 * SIGKILLs it at a named point (INLET_CRASH_AT) or after a random delay, restarts it on the
 * same data directory and checks the invariants a user relies on.
 */

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** One seeded scenario: kill at `crashAt`, else after `killAfterMs`. */
export type CrashScenario = { seed: number; crashAt?: CrashPoint; killAfterMs?: number };

export type CrashOutcome = {
  scenario: CrashScenario;
  runs: number;
  /** Whether the server was killed by its INLET_CRASH_AT point (or the timer), not by cleanup. */
  crashed: boolean;
  violations: string[];
};

/** A small deterministic PRNG (mulberry32), so a failing seed can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A free loopback port, found by listening on port 0. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
    server.on('error', reject);
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The real server as a child process on `dataDir` and `port`, no crash point unless `env` names one. */
export function startServer(
  dataDir: string,
  port: number,
  env: Record<string, string> = {},
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      INLET_DATA_DIR: dataDir,
      INLET_API_KEY: TEST_KEY,
      HOST: '127.0.0.1',
      PORT: String(port),
      INLET_RATE_LIMIT_PER_MIN: '0',
      INLET_CRASH_AT: '',
      ...env,
    },
    stdio: 'ignore',
  });
}

/** Resolves with the child's exit code (null when a signal ended it) once it has exited. */
export const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else
      child.once('exit', (code) => {
        resolve(code);
      });
  });

type Answer = { status: number; body: unknown };

function client(base: string) {
  return async (
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer | undefined> => {
    try {
      const response = await fetch(`${base}${url}`, {
        method,
        headers: {
          'x-api-key': TEST_KEY,
          ...headers,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Not JSON (a CSV download): keep the text.
      }
      return { status: response.status, body: parsed };
    } catch {
      return undefined; // The server died under this request.
    }
  };
}

async function waitUp(base: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    try {
      if ((await fetch(`${base}/inlet/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(50);
  }
  throw new Error('server did not start');
}

const jobSchema = z.object({ job_id: z.string() });
const runListSchema = z.array(z.object({ job_id: z.string(), status: z.string() }));
const linksSchema = z.array(z.object({ download_url: z.string(), row_count: z.number() }));

/** Runs one scenario on a fresh data directory and returns what went wrong, if anything. */
export async function runCrashScenario(scenario: CrashScenario): Promise<CrashOutcome> {
  const random = seededRandom(scenario.seed);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'inlet-crash-'));
  const violations: string[] = [];
  const children: ChildProcess[] = [];
  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const api = client(base);
    const first = startServer(dataDir, port, {
      INLET_SANDBOX_ROW_MS: String(1 + Math.floor(random() * 5)),
      INLET_CRASH_AT: scenario.crashAt ?? '',
    });
    children.push(first);
    await waitUp(base);
    const created = await api('POST', '/workflows/create_workflow', linearWorkflow());
    const workflowId = z.object({ id: z.string() }).safeParse(created?.body);
    if (!workflowId.success) throw new Error('could not create the workflow');
    const runUrl = `/workflows/run?workflow_id=${workflowId.data.id}&save_json=true`;

    const count = 3 + Math.floor(random() * 4);
    const bodies = Array.from({ length: count }, (_, index) => ({
      webhook_payload: Array.from({ length: 5 + Math.floor(random() * 40) }, (_row, r) => ({
        company_name: `Company ${index}-${r}`,
      })),
    }));
    const firstJobs = new Map<string, string>();
    if (scenario.killAfterMs !== undefined) {
      setTimeout(() => first.kill('SIGKILL'), scenario.killAfterMs);
    }
    for (const [index, body] of bodies.entries()) {
      const key = `key-${scenario.seed}-${index}`;
      const answer = await api('POST', runUrl, body, { 'idempotency-key': key });
      const job = jobSchema.safeParse(answer?.body);
      if (job.success) firstJobs.set(key, job.data.job_id);
      if (index === 0 && job.success) {
        await api('POST', `/workflows/cancel?job_id=${job.data.job_id}`);
      }
    }
    // Give a named point time to fire in the executor, then make sure the server is gone.
    const deadline = Date.now() + 5_000;
    while (first.exitCode === null && first.signalCode === null && Date.now() < deadline) {
      await sleep(25);
    }
    const diedByItself = first.signalCode === 'SIGKILL';
    first.kill('SIGKILL');
    await exited(first);

    const second = startServer(dataDir, port, { INLET_SANDBOX_ROW_MS: '0' });
    children.push(second);
    await waitUp(base);
    for (const [index, body] of bodies.entries()) {
      const key = `key-${scenario.seed}-${index}`;
      const answer = await api('POST', runUrl, body, { 'idempotency-key': key });
      const job = jobSchema.safeParse(answer?.body);
      if (!job.success) {
        violations.push(`resubmitting ${key} answered ${answer?.status ?? 'nothing'}`);
        continue;
      }
      const before = firstJobs.get(key);
      if (before !== undefined && before !== job.data.job_id) {
        violations.push(`${key} started two runs: ${before} and ${job.data.job_id}`);
      }
    }
    let runs: z.infer<typeof runListSchema> = [];
    for (let i = 0; i < 400; i++) {
      runs = runListSchema.parse((await api('GET', '/workflows/runs?limit=500'))?.body ?? []);
      if (runs.every((run) => ['completed', 'failed', 'cancelled'].includes(run.status))) break;
      await sleep(50);
    }
    if (runs.length !== bodies.length) {
      violations.push(`${bodies.length} Idempotency-Keys but ${runs.length} runs`);
    }
    for (const run of runs) {
      const links = await api(
        'GET',
        `/workflows/runs/${run.job_id}/results/download-links?format=csv`,
      );
      if (run.status === 'queued' || run.status === 'running') {
        violations.push(`run ${run.job_id} stuck ${run.status}`);
      } else if (run.status !== 'completed') {
        if (links?.status !== 409)
          violations.push(`${run.status} run ${run.job_id} served results`);
      } else {
        const parsed = linksSchema.safeParse(links?.body);
        const link = parsed.success ? parsed.data[0] : undefined;
        const file = link
          ? await api(
              'GET',
              new URL(link.download_url).pathname + new URL(link.download_url).search,
            )
          : undefined;
        const lines =
          typeof file?.body === 'string' ? file.body.split('\r\n').filter(Boolean).length : -1;
        if (!link || file?.status !== 200 || lines !== link.row_count + 1) {
          violations.push(`completed run ${run.job_id} has incomplete results`);
        }
      }
    }
    second.kill('SIGTERM');
    await exited(second);
    const db = new Database(path.join(dataDir, 'inlet.sqlite'), { readonly: true });
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') violations.push(`integrity_check: ${String(integrity)}`);
    } finally {
      db.close();
    }
    return { scenario, runs: runs.length, crashed: diedByItself, violations };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await Promise.all(children.map(exited));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
