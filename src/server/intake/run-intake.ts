import type { FastifyBaseLogger } from 'fastify';
import { Worker } from 'node:worker_threads';
import { errorMessage } from '@core/error-message.ts';
import {
  workerMessageSchema,
  WORKFLOWS_CHANGED,
  type IntakeJob,
  type IntakeWorkerData,
} from './intake-messages.ts';
import {
  prepareRun,
  type IntakeReaders,
  type IntakeRequest,
  type IntakeResult,
} from './prepare-run.ts';

export type RunIntake = {
  /** Prepares a run request (see prepareRun), on the worker thread when it serves. */
  prepare: (request: IntakeRequest) => Promise<IntakeResult>;
  /** Where requests are prepared once start-up settled: 'thread', or 'inline' without one. */
  ready: Promise<'thread' | 'inline'>;
  /** Call after every write of a workflow: the intake keeps the workflows it read. */
  workflowsChanged: () => void;
  close: () => Promise<void>;
};

/*
 * The worker's entry is TypeScript, like the rest of the server, which runs under tsx: the
 * thread registers tsx's loader before importing it. (A `--import tsx` in the worker's
 * execArgv is not enough: Node resolves a worker's entry before that hook is in place.)
 */
const BOOT_SOURCE = `
const { workerData } = require('node:worker_threads');
const loader = workerData.tsxApi ? import(workerData.tsxApi).then((api) => api.register()) : null;
Promise.resolve(loader).then(() => import(workerData.entry));
`;

const inline = (readers: IntakeReaders, request: IntakeRequest): Promise<IntakeResult> => {
  try {
    return Promise.resolve(prepareRun(readers, request));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
};

type Waiting = {
  request: IntakeRequest;
  resolve: (result: IntakeResult) => void;
  reject: (error: Error) => void;
};

/**
 * The run intake. With `thread`, a worker thread prepares run requests (body parsing, the
 * judge, hashing, serialising: most of a run request's CPU) on the machine's other core, and
 * the event loop keeps HTTP and the write. Until the thread is ready, and for good if it cannot
 * start or dies, requests are prepared inline with the same function and the event loop's
 * connection, so the answers are the same either way; a request the thread had not answered is
 * prepared again inline (preparing only reads, so repeating it is safe).
 */
export function createRunIntake(options: {
  readers: IntakeReaders;
  thread: IntakeWorkerData | null;
  log: FastifyBaseLogger;
}): RunIntake {
  const { log, readers } = options;
  const { workflows } = readers;
  if (!options.thread) {
    return {
      prepare: (request) => inline(readers, request),
      ready: Promise.resolve('inline'),
      workflowsChanged: () => {
        workflows.forget();
      },
      close: () => Promise.resolve(),
    };
  }

  let state: 'starting' | 'ready' | 'gone' = 'starting';
  let settleReady: (where: 'thread' | 'inline') => void = () => undefined;
  const ready = new Promise<'thread' | 'inline'>((resolve) => {
    settleReady = resolve;
  });
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  let closing = false;

  const retryInline = (job: Waiting): void => {
    inline(readers, job.request).then(job.resolve, job.reject);
  };
  /** The thread is gone: everything it held is prepared inline, and so is all that follows. */
  const gone = (reason: string): void => {
    if (state === 'gone') return;
    if (reason !== '') log.warn({ reason }, 'the run intake thread stopped; preparing runs inline');
    state = 'gone';
    settleReady('inline');
    const held = [...waiting.values()];
    waiting.clear();
    for (const job of held) retryInline(job);
  };

  let worker: Worker;
  try {
    const tsxApi = import.meta.url.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : null;
    const entry = new URL(
      `./run-intake-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`,
      import.meta.url,
    ).href;
    worker = new Worker(BOOT_SOURCE, {
      eval: true,
      workerData: { ...options.thread, tsxApi, entry },
    });
  } catch (error) {
    gone(errorMessage(error));
    return {
      prepare: (request) => inline(readers, request),
      ready,
      workflowsChanged: () => {
        workflows.forget();
      },
      close: () => Promise.resolve(),
    };
  }
  // The thread never keeps the process alive on its own (main.ts decides when to exit).
  worker.unref();
  worker.on('message', (raw: unknown) => {
    const parsed = workerMessageSchema.safeParse(raw);
    if (!parsed.success) {
      gone(`an unreadable message from the thread: ${parsed.error.message}`);
      void worker.terminate();
      return;
    }
    const message = parsed.data;
    if (message.type === 'ready') {
      if (state === 'starting') {
        state = 'ready';
        settleReady('thread');
      }
      return;
    }
    const job = waiting.get(message.id);
    if (!job) return;
    waiting.delete(message.id);
    if (message.type === 'result') job.resolve(message.result);
    else retryInline(job);
  });
  // An error from the thread arrives cloned, not always as an Error (a SqliteError is not).
  worker.on('error', (error: unknown) => {
    gone(errorMessage(error));
  });
  worker.on('exit', (code) => {
    gone(closing ? '' : `exit code ${code}`);
  });

  return {
    prepare(request) {
      if (state !== 'ready') return inline(readers, request);
      return new Promise((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { request, resolve, reject });
        // The thread gets its own copy of the body (transferred, not cloned again); the
        // original stays here for an inline retry.
        const body = request.body === undefined ? undefined : new Uint8Array(request.body);
        const job: IntakeJob = { id, request: { ...request, body } };
        worker.postMessage(job, body ? [body.buffer] : []);
      });
    },
    ready,
    workflowsChanged() {
      workflows.forget();
      // Messages arrive in order, so the thread forgets before it reads any later request.
      if (state !== 'gone' && !closing) worker.postMessage(WORKFLOWS_CHANGED);
    },
    async close() {
      closing = true;
      worker.postMessage('stop');
      const timer = setTimeout(() => void worker.terminate(), 2_000);
      await new Promise<void>((resolve) => {
        if (state === 'gone') resolve();
        else
          worker.once('exit', () => {
            resolve();
          });
      });
      clearTimeout(timer);
    },
  };
}
