import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createInboxStore } from './inbox-store.ts';
import { openDatabase } from './open-database.ts';

/** The inbox table as Inlet made it before run requests to the live target were recorded. */
const INBOX_BEFORE_TARGETS = `CREATE TABLE inbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
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
)`;

describe('the inbox of an older database', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps its entries, as the sandbox requests they were', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'inlet-db-'));
    dirs.push(dir);
    const old = new Database(path.join(dir, 'inlet.sqlite'));
    old.exec(INBOX_BEFORE_TARGETS);
    const now = Date.now();
    old
      .prepare(
        `INSERT INTO inbox (received_ms, received_at, duration_ms, url, workflow_id, status_code,
          outcome, causes, headers, body_truncated, findings, error_count, warning_count, answer,
          answer_truncated)
         VALUES (?, ?, 1, '/workflows/run?workflow_id=w1', 'w1', 200, 'accepted', '[]', '[]', 0,
          '[]', 0, 0, '{}', 0)`,
      )
      .run(now, new Date(now).toISOString());
    old.close();

    const db = openDatabase(dir);
    try {
      const store = createInboxStore(db, { maxEntries: 10, maxAgeHours: 1 });
      const sandbox = store.list({ target: 'sandbox', limit: 10 });
      expect(sandbox.entries.map((entry) => [entry.target, entry.workflow_id])).toEqual([
        ['sandbox', 'w1'],
      ]);
      expect(store.list({ target: 'live', limit: 10 }).entries).toEqual([]);
      expect(store.get(1)?.target).toBe('sandbox');
    } finally {
      db.close();
    }
  });
});
