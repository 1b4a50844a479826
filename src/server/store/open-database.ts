import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { errorMessage } from '@core/error-message.ts';

/** A data directory the server cannot use; main prints the message and exits. */
export class DataDirError extends Error {
  override name = 'DataDirError';
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workflows (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT,
  status TEXT NOT NULL,
  step TEXT NOT NULL,
  definition TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  last_run_date TEXT
);
CREATE TABLE IF NOT EXISTS runs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  job_id TEXT NOT NULL UNIQUE,
  workflow_id TEXT NOT NULL,
  workflow_name TEXT NOT NULL,
  status TEXT NOT NULL,
  status_reason TEXT,
  error_message TEXT,
  save_json INTEGER NOT NULL,
  definition TEXT NOT NULL,
  -- '' since the payload moved to run_payloads; JSON text in runs stored before.
  payload TEXT NOT NULL,
  specs_override TEXT,
  warnings TEXT NOT NULL,
  blocks TEXT NOT NULL,
  metrics TEXT,
  created_at TEXT NOT NULL,
  started_at TEXT,
  completed_at TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_by_status ON runs (status, seq);
CREATE INDEX IF NOT EXISTS runs_by_workflow ON runs (workflow_id, seq);
-- The workflow list pages newest first (GET /workflows?limit=&offset=).
CREATE INDEX IF NOT EXISTS workflows_by_created ON workflows (created_at DESC, id);
CREATE TABLE IF NOT EXISTS results (
  job_id TEXT NOT NULL,
  format TEXT NOT NULL,
  filename TEXT NOT NULL,
  file_path TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  block_number INTEGER,
  content_type TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (job_id, format)
);
CREATE TABLE IF NOT EXISTS run_payloads (
  job_id TEXT PRIMARY KEY,
  payload BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS result_rows (
  job_id TEXT PRIMARY KEY,
  rows BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS idempotency (
  api_key_hash TEXT NOT NULL,
  idem_key TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  job_id TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  PRIMARY KEY (api_key_hash, idem_key)
);
`;

/**
 * Creates the missing parts of `dir` one level at a time. `mkdirSync(dir, { recursive: true })`
 * loops forever when mkdir answers ENOENT for a path whose parent exists (as under /proc),
 * which hung start-up; plain mkdir throws instead.
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  let current = dir;
  while (!existsSync(current)) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const part of missing) mkdirSync(part);
}

/**
 * Makes the data directory if missing and proves it is a directory this process can write:
 * a probe file is written, read back and removed, so an unusable directory fails here with a
 * clear message instead of inside SQLite.
 */
export function ensureDataDir(dataDir: string): void {
  try {
    makeDirs(dataDir);
    if (!statSync(dataDir).isDirectory()) throw new Error('it is not a directory');
    accessSync(dataDir, constants.R_OK | constants.W_OK | constants.X_OK);
    const probe = path.join(dataDir, `.write-probe-${process.pid}`);
    const token = randomBytes(8).toString('hex');
    writeFileSync(probe, token);
    const readBack = readFileSync(probe, 'utf8');
    unlinkSync(probe);
    if (readBack !== token) throw new Error('a file written there did not read back the same');
  } catch (error) {
    const reason = errorMessage(error);
    throw new DataDirError(
      `Cannot use the data directory ${dataDir} (INLET_DATA_DIR): ${reason}. Point INLET_DATA_DIR at a directory this user can read and write.`,
    );
  }
}

/**
 * Brings a database made by an older Inlet up to this SCHEMA. SQLite has no
 * `ADD COLUMN IF NOT EXISTS`, so each added column is guarded by a look at `table_info`.
 * Only nullable columns are added, so existing rows read NULL ("not recorded"), or columns
 * with a default that is true of every existing row (inbox.target).
 */
function migrate(db: Database.Database): void {
  const columns = new Set(
    db
      .prepare('SELECT name FROM pragma_table_info(?)')
      .pluck()
      .all('runs')
      .filter((name): name is string => typeof name === 'string'),
  );
  // The run's specs_override as sent, for re-running it (GET /inlet/sandbox/runs/{id}/request).
  if (!columns.has('specs_override')) db.exec('ALTER TABLE runs ADD COLUMN specs_override TEXT');
  // The result files the run saves (JSON list of formats); NULL: CSV, and JSON with save_json.
  if (!columns.has('result_formats')) db.exec('ALTER TABLE runs ADD COLUMN result_formats TEXT');
  const resultColumns = new Set(
    db
      .prepare('SELECT name FROM pragma_table_info(?)')
      .pluck()
      .all('results')
      .filter((name): name is string => typeof name === 'string'),
  );
  // The size in bytes of a result file as downloaded, measured the first time it is asked for.
  if (!resultColumns.has('file_size')) db.exec('ALTER TABLE results ADD COLUMN file_size INTEGER');
  const payloadColumns = new Set(
    db
      .prepare('SELECT name FROM pragma_table_info(?)')
      .pluck()
      .all('run_payloads')
      .filter((name): name is string => typeof name === 'string'),
  );
  // What a payload holds: NULL, the rows' JSON; 'body', the run request's body, whose
  // webhook_payload the rows are (stored as the inbox's copy, compressed once); run-store.ts.
  if (!payloadColumns.has('form')) db.exec('ALTER TABLE run_payloads ADD COLUMN form TEXT');
  // Deliveries the local receiver (POST /inlet/receiver/{name}) got; delivery-store.ts.
  db.exec(`CREATE TABLE IF NOT EXISTS receiver_deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  received_at TEXT NOT NULL,
  name TEXT NOT NULL,
  headers TEXT NOT NULL,
  content_type TEXT,
  body BLOB NOT NULL,
  body_size INTEGER NOT NULL,
  body_sha256 TEXT NOT NULL,
  body_truncated INTEGER NOT NULL,
  event_id TEXT,
  event_type TEXT,
  attempt INTEGER,
  run_id TEXT,
  workflow_id TEXT,
  signature TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS receiver_deliveries_by_name ON receiver_deliveries (name, id);
CREATE INDEX IF NOT EXISTS receiver_deliveries_by_run ON receiver_deliveries (run_id, id);`);
  // Every POST /workflows/run answered, accepted or refused; inbox-store.ts.
  db.exec(`CREATE TABLE IF NOT EXISTS inbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  target TEXT NOT NULL DEFAULT 'sandbox',
  received_ms INTEGER NOT NULL,
  received_at TEXT NOT NULL,
  duration_ms REAL NOT NULL,
  url TEXT NOT NULL,
  workflow_id TEXT,
  status_code INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  causes TEXT NOT NULL,
  job_id TEXT,
  headers TEXT NOT NULL,
  content_type TEXT,
  body BLOB,
  body_encoding TEXT,
  body_size INTEGER,
  body_sha256 TEXT,
  body_truncated INTEGER NOT NULL,
  findings_source TEXT,
  findings TEXT NOT NULL,
  error_count INTEGER NOT NULL,
  warning_count INTEGER NOT NULL,
  answer TEXT NOT NULL,
  answer_truncated INTEGER NOT NULL
);`);
  const inboxColumns = new Set(
    db
      .prepare('SELECT name FROM pragma_table_info(?)')
      .pluck()
      .all('inbox')
      .filter((name): name is string => typeof name === 'string'),
  );
  // Where the request was sent ('sandbox', or 'live' through the proxy). Not nullable, but
  // with a default: every row recorded before it was a request to the sandbox.
  if (!inboxColumns.has('target')) {
    db.exec("ALTER TABLE inbox ADD COLUMN target TEXT NOT NULL DEFAULT 'sandbox'");
  }
  // No index beyond the id: each costs every run request a write, and the inbox is at most
  // INLET_INBOX_MAX_ENTRIES rows, read newest first (inbox-store.ts).
}

const sizeOf = (file: string): number => (existsSync(file) ? statSync(file).size : -1);

/**
 * A database file of 0 bytes (with no write-ahead log holding its pages) is one that was
 * truncated or replaced: SQLite would take it for a new database and the sandbox would start
 * empty, as if nothing had been lost. Start-up refuses instead and says what to do.
 */
function refuseEmptyDatabase(file: string): void {
  if (sizeOf(file) !== 0 || sizeOf(`${file}-wal`) > 0) return;
  throw new DataDirError(
    `The database ${file} is empty (0 bytes): it was truncated or replaced, and opening it would start an empty sandbox. Restore it from a backup, or move it away to start afresh.`,
  );
}

/**
 * `PRAGMA quick_check` (the fast form of integrity_check: it skips index cross-checks), at
 * most `max` problems. An empty list when the database is sound.
 */
export function checkDatabase(db: Database.Database, max = 10): string[] {
  try {
    const problems = db
      .prepare(`PRAGMA quick_check(${Math.max(1, Math.floor(max))})`)
      .pluck()
      .all()
      .map(String);
    return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
  } catch (error) {
    // Damage bad enough that the check itself cannot read the file is damage too.
    return [errorMessage(error)];
  }
}

/** Opens (creating if needed) the sandbox's SQLite database in WAL mode. */
export function openDatabase(dataDir: string): Database.Database {
  ensureDataDir(dataDir);
  const file = path.join(dataDir, 'inlet.sqlite');
  refuseEmptyDatabase(file);
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    // NORMAL is durable against a killed process in WAL mode; only power loss may drop the tail.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
    migrate(db);
  } catch (error) {
    const reason = errorMessage(error);
    throw new DataDirError(`Cannot open the database ${file}: ${reason}.`);
  }
  return db;
}
