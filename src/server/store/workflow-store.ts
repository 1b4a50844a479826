import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { WorkflowGraph, WorkflowResponse } from '../../core/wire/workflow.ts';
import { parseStoredGraph } from './stored-graph.ts';

const workflowRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.string(),
  step: z.string(),
  definition: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  last_run_date: z.string().nullable(),
});
type WorkflowRow = z.infer<typeof workflowRowSchema>;

export type StoredWorkflow = {
  id: string;
  name: string;
  description: string | null;
  status: string;
  step: string;
  definition: WorkflowGraph;
  created_at: string;
  updated_at: string;
  last_run_date: string | null;
};

const toStored = (row: WorkflowRow): StoredWorkflow => ({
  ...row,
  definition: parseStoredGraph(row.definition),
});

/** The wire form; the list leaves the definition out (contract, "Endpoints"). */
export function toWorkflowResponse(
  workflow: StoredWorkflow,
  withDefinition: boolean,
): WorkflowResponse {
  return {
    id: workflow.id,
    user_uuid: null,
    org_id: null,
    name: workflow.name,
    description: workflow.description,
    status: workflow.status,
    step: workflow.step,
    created_at: workflow.created_at,
    updated_at: workflow.updated_at,
    last_run_date: workflow.last_run_date,
    ...(withDefinition ? { workflow_definition: workflow.definition } : {}),
  };
}

export type WorkflowStore = ReturnType<typeof createWorkflowStore>;

/** Workflows in SQLite. */
export function createWorkflowStore(db: Database.Database) {
  const selectOne = db.prepare('SELECT * FROM workflows WHERE id = ?');
  const selectExists = db.prepare('SELECT 1 FROM workflows WHERE id = ?').pluck();
  const selectAll = db.prepare('SELECT * FROM workflows ORDER BY created_at DESC, id');
  const upsert = db.prepare(`
    INSERT INTO workflows (id, name, description, status, step, definition, created_at, updated_at, last_run_date)
    VALUES (@id, @name, @description, @status, @step, @definition, @created_at, @updated_at, @last_run_date)
    ON CONFLICT (id) DO UPDATE SET name = @name, description = @description, status = @status,
      step = @step, definition = @definition, updated_at = @updated_at`);
  const remove = db.prepare('DELETE FROM workflows WHERE id = ?');
  const touchRun = db.prepare('UPDATE workflows SET last_run_date = ? WHERE id = ?');
  return {
    get(id: string): StoredWorkflow | undefined {
      const row = selectOne.get(id);
      return row === undefined ? undefined : toStored(workflowRowSchema.parse(row));
    },
    /** Whether a workflow of this id is stored, without reading its definition. */
    has(id: string): boolean {
      return selectExists.get(id) !== undefined;
    },
    list(): StoredWorkflow[] {
      return selectAll.all().map((row) => toStored(workflowRowSchema.parse(row)));
    },
    save(workflow: StoredWorkflow): void {
      upsert.run({ ...workflow, definition: JSON.stringify(workflow.definition) });
    },
    delete(id: string): void {
      remove.run(id);
    },
    touchRun(id: string, at: string): void {
      touchRun.run(at, id);
    },
  };
}
