import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { workflowGraphSchema } from '@core/wire/workflow.ts';
import { compressJson } from '../store/compressed-json.ts';
import { openDatabase } from '../store/open-database.ts';
import type { IntakeRequest } from '../intake/prepare-run.ts';
import type { NewRunRow } from '../store/run-store.ts';
import type { StoredWorkflow } from '../store/workflow-store.ts';

/** A real store in a folder of its own, closed and removed after the enclosing tests. */
export function useTempDatabase(name: string): Database.Database {
  const dir = mkdtempSync(path.join(tmpdir(), `inlet-${name}-`));
  const db = openDatabase(dir);
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return db;
}

const AT = '2026-12-04T00:00:00.000Z';

/** A workflow as the store keeps it, its graph checked as the create route checks it. */
export const storedWorkflow = (id: string, definition: unknown, name = 'Test workflow') =>
  ({
    id,
    name,
    description: null,
    status: 'active',
    step: 'draft',
    definition: workflowGraphSchema.parse(definition),
    created_at: AT,
    updated_at: AT,
    last_run_date: null,
  }) satisfies StoredWorkflow;

/** A queued run's row with an empty graph and no rows, `fields` put over it. */
export const newRunRow = (jobId: string, fields: Partial<NewRunRow> = {}): NewRunRow => ({
  job_id: jobId,
  workflow_id: 'w',
  workflow_name: 'Test workflow',
  save_json: false,
  result_formats: ['csv'],
  definitionJson: '{"blocks":[],"edges":[]}',
  payload: compressJson('[]'),
  payloadForm: 'rows',
  specsOverrideJson: null,
  warningsJson: '[]',
  blocksJson: '[]',
  ...fields,
});

/** `POST /workflows/run?workflow_id=…` with `body` as JSON, from a caller with an API key. */
export const runRequest = (workflowId: string, body: unknown): IntakeRequest => ({
  body: new TextEncoder().encode(JSON.stringify(body)),
  query: { workflow_id: workflowId },
  caller: { kind: 'api-key', keyHash: 'h' },
  idempotencyKey: undefined,
});
