import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { createIdempotencyStore } from '../store/idempotency-store.ts';
import { createWorkflowStore } from '../store/workflow-store.ts';
import {
  intakeJobSchema,
  workerDataSchema,
  WORKFLOWS_CHANGED,
  type WorkerMessage,
} from './intake-messages.ts';
import { prepareRun } from './prepare-run.ts';
import { cacheWorkflows } from './workflow-cache.ts';
import { errorMessage } from '@core/error-message.ts';

/*
 * The run intake's worker thread: reads each run request's body, judges its payload and
 * serialises the run's row (prepareRun) with a read-only connection of its own, so the event
 * loop keeps only HTTP and the write. Started by run-intake.ts.
 */

const port = parentPort;
if (!port) throw new Error('run-intake-worker.ts runs only as a worker thread.');
const data = workerDataSchema.parse(workerData);
/** Opens the connection; a plain Error, since a SqliteError loses its message crossing threads. */
function open(file: string): Database.Database {
  try {
    const connection = new Database(file, { readonly: true, fileMustExist: true });
    connection.pragma('busy_timeout = 5000');
    return connection;
  } catch (error) {
    throw new Error(`The run intake cannot open ${file}: ${errorMessage(error)}`);
  }
}
const db = open(data.dbFile);
const workflows = cacheWorkflows(createWorkflowStore(db));
const readers = {
  workflows,
  idempotency: createIdempotencyStore(db),
  maxRows: data.maxRows,
  maxBodyBytes: data.maxBodyBytes,
};
const post = (message: WorkerMessage): void => {
  port.postMessage(message);
};

port.on('message', (message: unknown) => {
  if (message === 'stop') {
    db.close();
    port.close();
    return;
  }
  if (message === WORKFLOWS_CHANGED) {
    workflows.forget();
    return;
  }
  const { id, request } = intakeJobSchema.parse(message);
  try {
    const result = prepareRun(readers, {
      body: request.body,
      query: request.query,
      caller: request.caller,
      idempotencyKey: request.idempotencyKey,
    });
    post({ type: 'result', id, result });
  } catch (error) {
    post({
      type: 'failure',
      id,
      message: errorMessage(error),
    });
  }
});
post({ type: 'ready' });
