import autocannon, { type Result } from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { linearWorkflow } from '../test-support/fixtures.ts';
import { BASELINE, LIVE, printRound, printTargets, RUN, type Measured } from './load-report.ts';
import { sampleCpu } from './thread-cpu.ts';
import { portOf } from '../test-support/port-of.ts';

/*
 * `npm run bench:server [-- --duration 20 --connections 50 --rounds 3 --case run --soak]`:
 * throughput and latency of the sandbox against a bare Fastify route that parses the same
 * body (the baseline), on loopback with the rate limit off and unpaced rows. A benchmark,
 * never a test: it prints a table per round and the targets, and exits 0 either way.
 * `--rounds` repeats every case (on a shared machine one round can be 10% off the next).
 * `--case` runs only the cases whose name matches it, a regular expression (`--case 'bare|GET'`).
 * `--soak` runs the run endpoint for 5 minutes and reports the resident set size at start,
 * middle and end.
 *
 * autocannon sends from a worker thread of its own, as a client on another machine would not
 * share the server's event loop. (Sending from the event loop itself, as this bench did
 * before, took about a third of it, which slowed the baseline more than the run endpoint and
 * made the run endpoint's ratio look better than it is.)
 */

const KEY = 'sk_bench_0123456789abcdef';
const argValue = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const soak = process.argv.includes('--soak');
const duration = Number(argValue('duration') ?? (soak ? 300 : 20));
const connections = Number(argValue('connections') ?? 50);
const onlyArg = argValue('case');
const only = onlyArg === undefined ? undefined : new RegExp(onlyArg, 'i');
const rounds = Math.max(1, Number(argValue('rounds') ?? 1));

const rows = Array.from({ length: 100 }, (_, index) => ({
  company_name: `Company ${index}`,
  website: `company${index}.example`,
  industry: 'Software',
}));
const body = JSON.stringify({ webhook_payload: rows });
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const countSchema = z.object({ count: z.number() });
/** Runs queued or running, read from the store. */
const activeRuns = (app: FastifyInstance): number =>
  countSchema.parse(
    app.sandbox.db
      .prepare("SELECT count(*) AS count FROM runs WHERE status IN ('queued', 'running')")
      .get(),
  ).count;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'inlet-bench-'));
  const config = {
    ...loadConfig({
      INLET_DATA_DIR: dataDir,
      INLET_API_KEY: KEY,
      INLET_SANDBOX_ROW_MS: '0',
      INLET_RATE_LIMIT_PER_MIN: '0',
      // A cap the bench never reaches, still checked on every request: at the default 10,000 a
      // fast round fills the queue and the rest of it measures 503s, not runs accepted.
      INLET_MAX_QUEUED_RUNS: '1000000',
      // INLET_RUN_INTAKE_THREAD=0 measures run requests prepared on the event loop instead.
      INLET_RUN_INTAKE_THREAD: process.env.INLET_RUN_INTAKE_THREAD ?? '1',
    }),
    webRoot: undefined,
  };
  const app = await createApp({ config });
  await app.listen({ host: '127.0.0.1', port: 0 });
  console.error(
    `Run requests are prepared ${(await app.sandbox.intake.ready) === 'thread' ? 'on a worker thread' : 'inline'}.`,
  );
  const base = `http://127.0.0.1:${portOf(app.server)}`;

  // The baseline: Fastify's own JSON parser and a 200, nothing else.
  const bare = Fastify({ bodyLimit: config.maxBodyBytes });
  bare.post('/run', (request) => ({ ok: request.body !== undefined }));
  await bare.listen({ host: '127.0.0.1', port: 0 });
  const bareBase = `http://127.0.0.1:${portOf(bare.server)}`;

  const headers = { 'x-api-key': KEY, 'content-type': 'application/json' };
  const created = await app.inject({
    method: 'POST',
    url: '/workflows/create_workflow',
    headers,
    payload: JSON.stringify(linearWorkflow()),
  });
  const workflowId = z.object({ id: z.string() }).parse(created.json()).id;
  const started = await app.inject({
    method: 'POST',
    url: `/workflows/run?workflow_id=${workflowId}`,
    headers,
    payload: body,
  });
  const jobId = z.object({ job_id: z.string() }).parse(started.json()).job_id;

  // Every request starts a run. With a fresh Idempotency-Key each time (as a careful client
  // sends), the server also hashes the body and looks the key up and stores it.
  const runCase = (freshKey: boolean) => ({
    url: `${base}/workflows/run?workflow_id=${workflowId}`,
    connections,
    duration,
    workers: 1,
    method: 'POST',
    headers: freshKey ? { ...headers, 'idempotency-key': '[<id>]' } : headers,
    idReplacement: freshKey,
    body,
  });

  if (soak) {
    const samples: string[] = [`start ${mb(process.memoryUsage().rss)}`];
    const mid = setTimeout(
      () => samples.push(`middle ${mb(process.memoryUsage().rss)}`),
      (duration * 1000) / 2,
    );
    const result = await autocannon(runCase(false));
    clearTimeout(mid);
    samples.push(`end ${mb(process.memoryUsage().rss)}`);
    console.log(
      `Soak, POST /workflows/run for ${duration} s at ${connections} connections: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, ${result.non2xx} non-2xx, ${result.errors} errors`,
    );
    console.log(`Resident set size: ${samples.join(', ')}`);
  } else {
    const cases: [string, () => Promise<Result>][] = [
      [
        BASELINE,
        () =>
          autocannon({
            url: `${bareBase}/run`,
            connections,
            duration,
            workers: 1,
            method: 'POST',
            headers,
            body,
          }),
      ],
      [RUN, () => autocannon(runCase(false))],
      [`${RUN}, a fresh Idempotency-Key each`, () => autocannon(runCase(true))],
      [
        LIVE,
        () =>
          autocannon({
            url: `${base}/workflows/runs/${jobId}/live_status`,
            connections,
            duration,
            workers: 1,
            headers: { 'x-api-key': KEY },
          }),
      ],
    ];
    const measured: Measured[][] = [];
    const rssStart = process.memoryUsage().rss;
    const backlog: string[] = [];
    for (let index = 0; index < rounds; index++) {
      const round: Measured[] = [];
      for (const [name, run] of cases) {
        if (only !== undefined && !only.test(name)) continue;
        console.error(`Round ${index + 1}: running ${name} for ${duration} s…`);
        const before = sampleCpu();
        const result = await run();
        const after = sampleCpu();
        const mainMs =
          after.mainMs === undefined || before.mainMs === undefined
            ? undefined
            : after.mainMs - before.mainMs;
        round.push({
          name,
          result,
          cpu: { processMs: after.processMs - before.processMs, mainMs },
        });
        // The runs a case queued are executed before the next case starts, so each case is
        // measured alone; how long that took is the executor's throughput.
        const queued = activeRuns(app);
        if (queued === 0) continue;
        const since = performance.now();
        const cpuBefore = process.cpuUsage();
        while (activeRuns(app) > 0) await new Promise((resolve) => setTimeout(resolve, 100));
        const cpu = process.cpuUsage(cpuBefore);
        backlog.push(
          `${name}: ${queued} runs still queued or running at its end, executed in ${((performance.now() - since) / 1000).toFixed(1)} s, ${((cpu.user + cpu.system) / 1000 / queued).toFixed(2)} ms of process CPU a run`,
        );
      }
      measured.push(round);
    }
    console.log(`\n${connections} connections, ${duration} s per case, loopback`);
    measured.forEach((round, index) => {
      console.log(rounds > 1 ? `\nRound ${index + 1}\n` : '');
      printRound(round);
    });
    console.log(
      '\nCPU µs/request: the whole process (the server, its threads and the sending worker) per request; the event loop: the main thread alone.',
    );
    printTargets(measured);
    for (const line of backlog) console.log(`Executor backlog, ${line}.`);
    console.log(
      `Resident set size: ${mb(rssStart)} before, ${mb(process.memoryUsage().rss)} after.`,
    );
  }
  await bare.close();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}

await main();
