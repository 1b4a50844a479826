import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { WorkflowGraph, WorkflowResponse } from '@core/wire/workflow.ts';
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

/** What a list shows of a workflow: everything but its definition, which the list never reads. */
const summaryRowSchema = workflowRowSchema.omit({ definition: true });
export type WorkflowSummary = z.infer<typeof summaryRowSchema>;
const SUMMARY_COLUMNS =
  'id, name, description, status, step, created_at, updated_at, last_run_date';

export type StoredWorkflow = WorkflowSummary & { definition: WorkflowGraph };

const toStored = (row: WorkflowRow): StoredWorkflow => ({
  ...row,
  definition: parseStoredGraph(row.definition),
});

/** The wire form; the list leaves the definition out (contract, "Endpoints"). */
export function toWorkflowResponse(
  workflow: WorkflowSummary & { definition?: WorkflowGraph },
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
    ...(workflow.definition === undefined ? {} : { workflow_definition: workflow.definition }),
  };
}

/** One page of the list: `limit` undefined means every match. `q` matches name, id or description. */
export type WorkflowListQuery = { limit?: number; offset?: number; q?: string };

export type WorkflowListPage = {
  workflows: WorkflowSummary[];
  /** Matches in all pages (unreadable rows included, so pages stay aligned). */
  total: number;
  /** Rows that could not be read (damaged in the file): left out, named for the log. */
  unreadable: { id: string; problem: string }[];
};

/** `q` as a LIKE pattern: its own `%`, `_` and `\` match themselves. */
const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const idOf = (raw: unknown): string =>
  typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id) : '(no id)';

export type WorkflowStore = ReturnType<typeof createWorkflowStore>;

/** Workflows in SQLite. */
export function createWorkflowStore(db: Database.Database) {
  const selectOne = db.prepare('SELECT * FROM workflows WHERE id = ?');
  const selectExists = db.prepare('SELECT 1 FROM workflows WHERE id = ?').pluck();
  const match = `(@q IS NULL OR name LIKE @q ESCAPE '\\' OR id LIKE @q ESCAPE '\\'
    OR description LIKE @q ESCAPE '\\')`;
  // LIMIT -1 is SQLite's "no limit".
  const selectPage = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM workflows WHERE ${match}
    ORDER BY created_at DESC, id LIMIT @limit OFFSET @offset`);
  const countMatches = db.prepare(`SELECT count(*) FROM workflows WHERE ${match}`).pluck();
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
    /**
     * Newest first, without definitions. A row that does not read (a damaged file, a bad
     * hand edit) is left out and reported rather than failing the whole list.
     */
    list(query: WorkflowListQuery = {}): WorkflowListPage {
      const params = {
        q: query.q === undefined || query.q === '' ? null : likePattern(query.q),
        limit: query.limit ?? -1,
        offset: query.offset ?? 0,
      };
      const workflows: WorkflowSummary[] = [];
      const unreadable: WorkflowListPage['unreadable'] = [];
      for (const raw of selectPage.all(params)) {
        const row = summaryRowSchema.safeParse(raw);
        if (row.success) workflows.push(row.data);
        else
          unreadable.push({ id: idOf(raw), problem: row.error.issues[0]?.message ?? 'unreadable' });
      }
      const total =
        query.limit === undefined && params.offset === 0
          ? workflows.length + unreadable.length
          : z.number().parse(countMatches.get({ q: params.q }));
      return { workflows, total, unreadable };
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
