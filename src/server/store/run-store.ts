import type Database from 'better-sqlite3';
import { z } from 'zod';
import { blockLiveStatusSchema, type BlockLiveStatus } from '@core/wire/live-status.ts';
import { runStatusSchema, type RunStatus } from '@core/wire/run-status.ts';
import { resultFormatSchema, type ResultFormat } from '@core/wire/results.ts';
import type { WorkflowGraph } from '@core/wire/workflow.ts';
import { memoizeParse } from './parsed-text-memo.ts';
import { parseStoredGraph } from './stored-graph.ts';
import { asBuffer, decompressJson } from './compressed-json.ts';
import { nowIso } from './timestamps.ts';
import { errorMessage } from '@core/error-message.ts';

/** Every column of `runs` but the payload, which older runs keep there (see `payload`). */
const COLUMNS = `seq, job_id, workflow_id, workflow_name, status, status_reason, error_message,
  save_json, result_formats, definition, specs_override, warnings, blocks, metrics, created_at,
  started_at, completed_at, updated_at`;

const runRowSchema = z.object({
  seq: z.number(),
  job_id: z.string(),
  workflow_id: z.string(),
  workflow_name: z.string(),
  status: runStatusSchema,
  status_reason: z.string().nullable(),
  error_message: z.string().nullable(),
  save_json: z.number(),
  result_formats: z.string().nullable(),
  definition: z.string(),
  specs_override: z.string().nullable(),
  warnings: z.string(),
  blocks: z.string(),
  metrics: z.string().nullable(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  updated_at: z.string(),
});

const warningSchema = z.object({
  row: z.number().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type RunWarning = z.infer<typeof warningSchema>;

type RunRow = z.infer<typeof runRowSchema>;
/** The row's JSON and flag columns, which a stored run holds parsed. */
type ParsedColumns =
  | 'seq'
  | 'save_json'
  | 'result_formats'
  | 'definition'
  | 'specs_override'
  | 'warnings'
  | 'blocks'
  | 'metrics';

/**
 * A run as stored, without its payload (read on its own with `payload`): the row's text
 * columns as its schema infers them, its JSON columns parsed.
 */
export type StoredRun = Omit<RunRow, ParsedColumns> & {
  save_json: boolean;
  /** The result files the run saves; null for runs stored before (CSV, and JSON with save_json). */
  result_formats: ResultFormat[] | null;
  /** The graph as it runs: the source block's effective spec (with specs_override) included. */
  definition: WorkflowGraph;
  /** The graph's JSON text as stored: the executor matches it to its workflow's checked version. */
  definitionJson: string;
  /** `specs_override` as the request sent it; null without one, and for runs stored before it was kept. */
  specsOverrideJson: string | null;
  warnings: RunWarning[];
  blocks: BlockLiveStatus[];
  metrics: Record<string, unknown> | null;
};

const resultFormatListSchema = z.array(resultFormatSchema);
const metricsSchema = z.record(z.string(), z.unknown()).nullable();
/** Built once: zod compiles a schema on its first parse, so a schema built per row costs a compile. */
const jobIdRowSchema = z.object({ job_id: z.string() });
const warningsSchema = z.array(warningSchema);
const blocksSchema = z.array(blockLiveStatusSchema);
/**
 * Block states by their text: each poll of a finished run's live status reads the same text,
 * and checking it with zod was most of the poll's cost.
 */
const parseBlocks = memoizeParse((text) => blocksSchema.parse(JSON.parse(text)));

/** What the run list shows of a run: no graph, no override (the list reads neither). */
export type RunSummary = Omit<StoredRun, 'definition' | 'definitionJson' | 'specsOverrideJson'>;
const SUMMARY_COLUMNS = `seq, job_id, workflow_id, workflow_name, status, status_reason,
  error_message, save_json, result_formats, warnings, blocks, metrics, created_at, started_at,
  completed_at, updated_at`;
const summaryRowSchema = runRowSchema.omit({ definition: true, specs_override: true });

function toSummary(row: z.infer<typeof summaryRowSchema>): RunSummary {
  return {
    job_id: row.job_id,
    workflow_id: row.workflow_id,
    workflow_name: row.workflow_name,
    status: row.status,
    status_reason: row.status_reason,
    error_message: row.error_message,
    save_json: row.save_json === 1,
    result_formats:
      row.result_formats === null
        ? null
        : resultFormatListSchema.parse(JSON.parse(row.result_formats)),
    warnings: warningsSchema.parse(JSON.parse(row.warnings)),
    blocks: parseBlocks(row.blocks),
    metrics: metricsSchema.parse(row.metrics === null ? null : JSON.parse(row.metrics)),
    created_at: row.created_at,
    started_at: row.started_at,
    completed_at: row.completed_at,
    updated_at: row.updated_at,
  };
}

/** A list row, or why it does not read (bad JSON in a column, a status no one writes). */
function readSummary(raw: unknown): RunSummary | { unreadable: string } {
  const row = summaryRowSchema.safeParse(raw);
  if (!row.success) return { unreadable: row.error.issues[0]?.message ?? 'unreadable' };
  try {
    return toSummary(row.data);
  } catch (error) {
    return { unreadable: errorMessage(error) };
  }
}

export type RunListPage = {
  runs: RunSummary[];
  /** Rows left out because they could not be read, with why (for the log). */
  unreadable: { job_id: string; problem: string }[];
};

function toStored(raw: unknown): StoredRun {
  const row = runRowSchema.parse(raw);
  return {
    ...toSummary(row),
    definition: parseStoredGraph(row.definition),
    definitionJson: row.definition,
    specsOverrideJson: row.specs_override,
  };
}

/** What a run's live status reads: its status, times and block states, nothing else. */
export type LiveRun = Pick<
  StoredRun,
  'job_id' | 'workflow_id' | 'status' | 'blocks' | 'started_at' | 'completed_at' | 'updated_at'
>;
const LIVE_COLUMNS = 'job_id, workflow_id, status, blocks, started_at, completed_at, updated_at';
const liveRowSchema = runRowSchema.pick({
  job_id: true,
  workflow_id: true,
  status: true,
  blocks: true,
  started_at: true,
  completed_at: true,
  updated_at: true,
});

/** A new run, its JSON columns already serialised (the run intake does that off the event loop). */
export type NewRunRow = {
  job_id: string;
  workflow_id: string;
  workflow_name: string;
  save_json: boolean;
  /** The result files to save, in order, JSON included when save_json asks for it. */
  result_formats: ResultFormat[];
  definitionJson: string;
  /**
   * Compressed by brotli: the rows' JSON (`rows`), or the request's whole body (`body`), whose
   * `webhook_payload` the rows are. A body is the inbox's compressed copy, so a run request's
   * body is compressed once, and its rows are never serialised again.
   */
  payload: Uint8Array;
  payloadForm: PayloadForm;
  specsOverrideJson: string | null;
  warningsJson: string;
  blocksJson: string;
};

export type PayloadForm = 'rows' | 'body';

/** A run's rows as read back, each still to be checked by whoever runs them. */
const storedRowsSchema = z.array(z.unknown());
export type StoredRows = z.infer<typeof storedRowsSchema>;
const bodyPayloadSchema = z.object({ webhook_payload: z.unknown() });
/** The rows a stored body carries: its `webhook_payload`, one object as one row. */
function rowsOfBody(text: string): StoredRows {
  // RFC 8259 lets a body start with a byte order mark; the intake skipped it too.
  const value = bodyPayloadSchema.parse(JSON.parse(text.replace(/^\uFEFF/, ''))).webhook_payload;
  return Array.isArray(value) ? value : [value];
}
const storedPayloadSchema = z.object({
  payload: z.union([z.string(), z.instanceof(Uint8Array)]),
  form: z.string().nullable().optional(),
});

export type RunListFilter = { status?: RunStatus | 'active'; workflowId?: string; limit: number };

export type FinishFields = {
  status: 'completed' | 'failed' | 'cancelled';
  status_reason?: string | null;
  error_message?: string | null;
  metrics?: Record<string, unknown> | null;
  blocks?: BlockLiveStatus[];
};

export type RunStore = ReturnType<typeof createRunStore>;

/** Runs in SQLite. Every status change is a compare-and-set, so exactly one terminal state wins. */
export function createRunStore(db: Database.Database) {
  const insert = db.prepare(`
    INSERT INTO runs (job_id, workflow_id, workflow_name, status, save_json, result_formats,
      definition, payload, specs_override, warnings, blocks, created_at, updated_at)
    VALUES (@job_id, @workflow_id, @workflow_name, 'queued', @save_json, @result_formats,
      @definition, @payload, @specs_override, @warnings, @blocks, @now, @now)`);
  const insertPayload = db.prepare(
    'INSERT INTO run_payloads (job_id, payload, form) VALUES (?, ?, ?)',
  );
  const selectOne = db.prepare(`SELECT ${COLUMNS} FROM runs WHERE job_id = ?`);
  const selectLive = db.prepare(`SELECT ${LIVE_COLUMNS} FROM runs WHERE job_id = ?`);
  const selectPayload = db.prepare('SELECT payload, form FROM run_payloads WHERE job_id = ?');
  const selectLegacyPayload = db.prepare('SELECT payload FROM runs WHERE job_id = ?');
  const selectIdsByStatus = db.prepare('SELECT job_id FROM runs WHERE status = ? ORDER BY seq');
  const selectQueued = db.prepare(
    "SELECT job_id FROM runs WHERE status = 'queued' ORDER BY seq LIMIT ?",
  );
  const start =
    db.prepare(`UPDATE runs SET status = 'running', started_at = @now, updated_at = @now,
      blocks = @blocks WHERE job_id = @job_id AND status = 'queued'`);
  const saveBlocks = db.prepare(
    'UPDATE runs SET blocks = @blocks, updated_at = @now WHERE job_id = @job_id',
  );
  const finish = db.prepare(`UPDATE runs SET status = @status, status_reason = @status_reason,
      error_message = @error_message, metrics = COALESCE(@metrics, metrics),
      blocks = COALESCE(@blocks, blocks), completed_at = @now, updated_at = @now
      WHERE job_id = @job_id AND status IN (SELECT value FROM json_each(@from))`);
  const requeue =
    db.prepare(`UPDATE runs SET status = 'queued', started_at = NULL, updated_at = @now,
      blocks = @blocks, status_reason = @reason WHERE job_id = @job_id AND status = 'running'`);

  /** Runs that entered the queue through this store (inserted or put back): see queueEntries. */
  let queueEntries = 0;

  const finishRun = (jobId: string, from: readonly RunStatus[], fields: FinishFields): boolean =>
    finish.run({
      job_id: jobId,
      from: JSON.stringify(from),
      now: nowIso(),
      status: fields.status,
      status_reason: fields.status_reason ?? null,
      error_message: fields.error_message ?? null,
      metrics: fields.metrics ? JSON.stringify(fields.metrics) : null,
      blocks: fields.blocks ? JSON.stringify(fields.blocks) : null,
    }).changes === 1;

  /** A stored payload's text, and whether it is the request's body or the rows' own JSON. */
  function readStoredPayload(jobId: string): { text: string; fromBody: boolean } | undefined {
    const raw = selectPayload.get(jobId) ?? selectLegacyPayload.get(jobId);
    if (raw === undefined) return undefined;
    const stored = storedPayloadSchema.parse(raw);
    return { text: decompressJson(stored.payload), fromBody: stored.form === 'body' };
  }

  return {
    insert(run: NewRunRow): void {
      insert.run({
        job_id: run.job_id,
        workflow_id: run.workflow_id,
        workflow_name: run.workflow_name,
        save_json: run.save_json ? 1 : 0,
        result_formats: JSON.stringify(run.result_formats),
        definition: run.definitionJson,
        payload: '',
        specs_override: run.specsOverrideJson,
        warnings: run.warningsJson,
        blocks: run.blocksJson,
        now: nowIso(),
      });
      insertPayload.run(
        run.job_id,
        asBuffer(run.payload),
        run.payloadForm === 'body' ? 'body' : null,
      );
      queueEntries++;
    },
    /**
     * How many times a run entered the queue (an insert, a requeue) through this store since it
     * was made: the only ways the queue grows, so the queue holds at most the runs counted at
     * one moment plus the entries since (the queue cap reads it to count rarely).
     */
    queueEntries: (): number => queueEntries,
    /**
     * The JSON text of the rows the run processes (`webhook_payload`, one object as one row,
     * or `webhook_input`); undefined for an unknown run. Kept apart from the run's row, which
     * each status change rewrites whole.
     */
    payload(jobId: string): string | undefined {
      const stored = readStoredPayload(jobId);
      if (stored === undefined) return undefined;
      return stored.fromBody ? JSON.stringify(rowsOfBody(stored.text)) : stored.text;
    },
    /** The rows the run processes, parsed (each row not yet checked); undefined for an unknown run. */
    payloadRows(jobId: string): StoredRows | undefined {
      const stored = readStoredPayload(jobId);
      if (stored === undefined) return undefined;
      return stored.fromBody
        ? rowsOfBody(stored.text)
        : storedRowsSchema.parse(JSON.parse(stored.text));
    },
    get(jobId: string): StoredRun | undefined {
      const row = selectOne.get(jobId);
      return row === undefined ? undefined : toStored(row);
    },
    /**
     * The columns a live status shows, without the graph, warnings and metrics that `get` also
     * reads and checks: live status is what clients poll.
     */
    live(jobId: string): LiveRun | undefined {
      const raw = selectLive.get(jobId);
      if (raw === undefined) return undefined;
      const row = liveRowSchema.parse(raw);
      return { ...row, blocks: parseBlocks(row.blocks) };
    },
    /** Newest first. A row that does not read is left out and reported, not a failed list. */
    list(filter: RunListFilter): RunListPage {
      const where: string[] = [];
      const params: Record<string, string | number> = { limit: filter.limit };
      if (filter.status === 'active') where.push("status IN ('queued', 'running')");
      else if (filter.status) {
        where.push('status = @status');
        params.status = filter.status;
      }
      if (filter.workflowId !== undefined) {
        where.push('workflow_id = @workflow_id');
        params.workflow_id = filter.workflowId;
      }
      const sql = `SELECT ${SUMMARY_COLUMNS} FROM runs ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY seq DESC LIMIT @limit`;
      const page: RunListPage = { runs: [], unreadable: [] };
      for (const raw of db.prepare(sql).all(params)) {
        const read = readSummary(raw);
        if ('unreadable' in read) {
          const jobId = jobIdRowSchema.safeParse(raw);
          page.unreadable.push({
            job_id: jobId.success ? jobId.data.job_id : '(no job_id)',
            problem: read.unreadable,
          });
        } else page.runs.push(read);
      }
      return page;
    },
    idsWithStatus(status: RunStatus): string[] {
      return selectIdsByStatus.all(status).map((row) => jobIdRowSchema.parse(row).job_id);
    },
    /** The oldest `limit` queued runs (the queue's head, read through the status index). */
    nextQueued(limit: number): string[] {
      return selectQueued.all(limit).map((row) => jobIdRowSchema.parse(row).job_id);
    },
    /** queued → running; false when the run is no longer queued (cancelled meanwhile). */
    start(jobId: string, blocks: BlockLiveStatus[]): boolean {
      return (
        start.run({ job_id: jobId, now: nowIso(), blocks: JSON.stringify(blocks) }).changes === 1
      );
    },
    saveBlocks(jobId: string, blocks: BlockLiveStatus[]): void {
      saveBlocks.run({ job_id: jobId, now: nowIso(), blocks: JSON.stringify(blocks) });
    },
    /** Moves a run from one of `from` to a terminal status; false when another change won. */
    finish: finishRun,
    /** queued or running → cancelled; false when the run had already finished. */
    cancel(jobId: string): boolean {
      return finishRun(jobId, ['queued', 'running'], {
        status: 'cancelled',
        status_reason: 'Cancelled by request.',
      });
    },
    /** running → queued, for a run stopped by shutdown or a restart (run again from the start). */
    requeue(jobId: string, blocks: BlockLiveStatus[], reason: string): boolean {
      const requeued =
        requeue.run({ job_id: jobId, now: nowIso(), blocks: JSON.stringify(blocks), reason })
          .changes === 1;
      if (requeued) queueEntries++;
      return requeued;
    },
  };
}
