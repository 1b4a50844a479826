/// <reference lib="webworker" />
// First: zod must be jitless before any schema is built (this realm has the page's CSP).
import '../lib/api/zod-jitless.ts';
import { inferColumns } from '../../core/judge/infer-columns.ts';
import { judgePayloadText } from '../../core/judge/judge-payload.ts';
import { utf8ByteLength } from '../../core/judge/utf8-length.ts';
import type { Judgement } from '../../core/judge/judgement.ts';
import type { SpecModel } from '../../core/spec/webhook-spec.ts';
import { convertImport } from './import/convert-import.ts';
import { columnFixEdits } from './fixes/column-fix-edits.ts';
import { judgeRequestSchema, type JudgeRequest, type JudgeResponse } from './judge-protocol.ts';
import { columnRules, previewRows } from './preview-rows.ts';
import { cellSource } from './cell-source.ts';
import { type RowTable, scanRows } from '../../core/judge/scan-rows.ts';
import { errorMessage } from '../../core/error-message.ts';

/*
 * The judge, off the main thread. It judges the editor's text on every (debounced) edit,
 * and keeps that text so the preview and the column inference can ask for what they
 * need (a window of rows) instead of the page holding 100k parsed rows.
 */

declare const self: DedicatedWorkerGlobalScope;

type Judged = {
  id: number;
  text: string;
  spec: SpecModel;
  judgement: Judgement;
  rows?: unknown[];
  table?: RowTable;
};

let last: Judged | undefined;
/** The newest judge request not yet started; older ones are dropped (latest wins). */
let pendingJudge: Extract<JudgeRequest, { type: 'judge' }> | undefined;
let judgeScheduled = false;

const post = (message: JudgeResponse): void => {
  self.postMessage(message);
};

/** Parsed rows of the last judged text, read once on first use. */
function rowsOf(judged: Judged): unknown[] {
  if (judged.rows) return judged.rows;
  let rows: unknown[] = [];
  if (judged.judgement.summary.rowCount > 0) {
    const text = judged.text.charCodeAt(0) === 0xfeff ? judged.text.slice(1) : judged.text;
    try {
      const value: unknown = JSON.parse(text);
      rows = Array.isArray(value) ? value : [value];
    } catch {
      rows = [];
    }
  }
  judged.rows = rows;
  return rows;
}

/** Where each row of the last judged text sits, scanned once on the first cell asked for. */
function tableOf(judged: Judged): RowTable {
  if (judged.table) return judged.table;
  const from = judged.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  judged.table = scanRows(judged.text, from, judged.judgement.summary.rowCount);
  return judged.table;
}

function runJudge(): void {
  judgeScheduled = false;
  const request = pendingJudge;
  pendingJudge = undefined;
  if (!request) return;
  try {
    const started = performance.now();
    const judgement = judgePayloadText(request.text, request.spec);
    last = { id: request.id, text: request.text, spec: request.spec, judgement };
    const durationMs = performance.now() - started;
    post({
      type: 'judged',
      id: request.id,
      judgement,
      durationMs,
      bytes: utf8ByteLength(request.text),
    });
  } catch (error) {
    post({
      type: 'failed',
      id: request.id,
      message: errorMessage(error),
    });
  }
}

function handle(request: JudgeRequest): void {
  switch (request.type) {
    case 'judge':
      pendingJudge = request;
      // Let newer requests already in the queue replace this one before it starts.
      if (!judgeScheduled) {
        judgeScheduled = true;
        setTimeout(runJudge, 0);
      }
      return;
    case 'rows': {
      if (!last || last.id !== request.judgeId) {
        post({ type: 'failed', id: request.id, message: 'stale' });
        return;
      }
      const rules = columnRules(last.judgement.summary.columns, last.spec);
      const rows = previewRows(rowsOf(last), rules, request.start, request.end);
      post({ type: 'rows', id: request.id, judgeId: last.id, start: request.start, rows });
      return;
    }
    case 'locate': {
      if (!last || last.id !== request.judgeId) {
        post({ type: 'failed', id: request.id, message: 'The payload changed; try again.' });
        return;
      }
      const offset =
        request.row < last.judgement.summary.rowCount
          ? cellSource(last.text, tableOf(last), request.row, request.column)
          : undefined;
      post({ type: 'located', id: request.id, offset });
      return;
    }
    case 'infer': {
      if (!last || last.id !== request.judgeId) {
        post({ type: 'failed', id: request.id, message: 'The payload changed; try again.' });
        return;
      }
      const rows = rowsOf(last);
      post({
        type: 'inferred',
        id: request.id,
        columns: inferColumns(rows, { typeText: request.typeText }),
      });
      return;
    }
    case 'column-fix': {
      if (!last || last.id !== request.judgeId) {
        post({ type: 'failed', id: request.id, message: 'The payload changed; try again.' });
        return;
      }
      const edits = columnFixEdits(
        last.text,
        request.spec ?? last.spec,
        request.columns,
        request.kind,
      );
      post({ type: 'column-fixed', id: request.id, edits });
      return;
    }
    case 'convert':
      post({
        type: 'converted',
        id: request.id,
        result: convertImport(request.format, request.text, request.spec),
      });
      return;
  }
}

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = judgeRequestSchema.safeParse(event.data);
  if (!parsed.success) {
    post({
      type: 'failed',
      id: idOf(event.data),
      message: `The judge got a request it does not understand (${parsed.error.issues[0]?.message ?? 'bad shape'}). Reload the page.`,
    });
    return;
  }
  try {
    handle(parsed.data);
  } catch (error) {
    post({ type: 'failed', id: parsed.data.id, message: errorMessage(error) });
  }
});

/** The request's id when it has one, so its waiter is answered; -1 reaches no one. */
function idOf(data: unknown): number {
  if (typeof data === 'object' && data !== null && 'id' in data && typeof data.id === 'number') {
    return data.id;
  }
  return -1;
}
