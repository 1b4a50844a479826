import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { errorMessage } from '@core/error-message.ts';

/** How often the checkpointer moves the WAL's pages into the database file. */
const CHECKPOINT_EVERY_MS = 100;
/** How long `stop` waits for the worker to close its connection before terminating it. */
const STOP_GRACE_MS = 2_000;
/** SQLite's default `wal_autocheckpoint`, restored when the checkpointer cannot run. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;
/**
 * The main connection's own checkpoint while the worker runs: a safety valve that bounds the
 * WAL (about 40 MB) should the worker fall behind a sustained burst of writes.
 */
const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;
/** The WAL file is cut back to this size when it restarts, so a burst does not keep disk. */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/*
 * Plain CommonJS for an `eval` worker: no TypeScript loader is needed in the thread. A PASSIVE
 * checkpoint never waits for readers or writers; it copies what it can and the main
 * connection restarts the WAL from its start once everything has been copied.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
let reported = false;
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    reported = false;
  } catch (error) {
    if (!reported) parentPort.postMessage({ error: String(error && error.message || error) });
    reported = true;
  }
}, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  try { db.close(); } finally { parentPort.close(); }
});
`;

export type WalCheckpointer = { stop: () => Promise<void> };

/**
 * Checkpoints the WAL from a worker thread with its own connection, and moves the main
 * connection's automatic checkpoint out of the way (see FALLBACK_AUTOCHECKPOINT_PAGES). SQLite
 * otherwise runs a checkpoint (copying pages and fsyncing the database file, 10–70 ms here)
 * inside whichever commit crosses 1,000 WAL pages: with better-sqlite3 that is the event loop,
 * in the middle of a `POST /workflows/run`.
 *
 * Durability is unchanged: a commit is in the WAL before the request is answered whoever
 * checkpoints later. If the worker cannot start or dies, the main connection checkpoints
 * automatically again.
 */
export function startWalCheckpointer(
  db: Database.Database,
  onError: (message: string) => void,
): WalCheckpointer {
  const resume = () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
  };
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        file: db.name,
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        everyMs: CHECKPOINT_EVERY_MS,
      },
    });
  } catch (error) {
    onError(errorMessage(error));
    return { stop: () => Promise.resolve() };
  }
  db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  worker.unref();
  let stopping = false;
  worker.on('message', (message: unknown) => {
    if (typeof message === 'object' && message !== null && 'error' in message)
      onError(String(message.error));
  });
  worker.on('error', (error) => {
    onError(error.message);
    resume();
  });
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      if (!stopping) resume();
      resolve();
    });
  });
  return {
    async stop() {
      stopping = true;
      worker.postMessage('stop');
      // A checkpoint in progress finishes first; one that hangs is not waited for.
      const timer = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
