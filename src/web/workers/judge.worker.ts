/// <reference lib="webworker" />
// First: zod must be jitless before any schema is built (this realm has the page's CSP).
import '../lib/api/zod-jitless.ts';
import { inferColumns } from '@core/judge/infer-columns.ts';
import { judgePayloadText } from '@core/judge/judge-payload.ts';
import { utf8ByteLength } from '@core/judge/utf8-length.ts';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import { convertImport } from './import/convert-import.ts';
import { columnFixEdits } from './fixes/column-fix-edits.ts';
import { judgeRequestSchema, type JudgeRequest, type JudgeResponse } from './judge-protocol.ts';
import { columnRules, previewRows } from './preview-rows.ts';
import { cellSource } from './cell-source.ts';
import { JudgeSession } from './judge-session.ts';
import { errorMessage } from '@core/error-message.ts';

/*
 * The judge, off the main thread. It keeps a copy of the editor's text (posted whole once,
 * then kept up to date with the editor's changes), judges it on every (debounced) edit,
 * and answers the preview and the column inference with what they need (a window of rows)
 * instead of the page holding 100k parsed rows.
 */

declare const self: DedicatedWorkerGlobalScope;

const session = new JudgeSession();
/** The newest judge request not yet started; older ones are dropped (latest wins). */
let pendingJudge: { id: number; spec: SpecModel } | undefined;
let judgeScheduled = false;

const post = (message: JudgeResponse): void => {
  self.postMessage(message);
};

function runJudge(): void {
  judgeScheduled = false;
  const request = pendingJudge;
  pendingJudge = undefined;
  if (!request) return;
  try {
    const started = performance.now();
    const judged = session.judge(request.id, request.spec);
    if (!judged) {
      post({ type: 'resync', id: request.id });
      return;
    }
    post({
      type: 'judged',
      id: request.id,
      judgement: judged.judgement,
      durationMs: performance.now() - started,
      bytes: judged.bytes,
      path: judged.path,
    });
    // Ready for the next keystroke: the row scan runs now, before a later request starts.
    setTimeout(() => {
      if (session.last === judged) session.prepare(judged);
    }, 0);
  } catch (error) {
    post({
      type: 'failed',
      id: request.id,
      message: errorMessage(error),
    });
  }
}

function scheduleJudge(id: number, spec: SpecModel): void {
  pendingJudge = { id, spec };
  // Let newer requests already in the queue replace this one before it starts.
  if (!judgeScheduled) {
    judgeScheduled = true;
    setTimeout(runJudge, 0);
  }
}

function handle(request: JudgeRequest): void {
  switch (request.type) {
    case 'judge':
      session.setText(request.text);
      scheduleJudge(request.id, request.spec);
      return;
    case 'judge-once': {
      const started = performance.now();
      const judgement = judgePayloadText(request.text, request.spec, { locate: false });
      post({
        type: 'judged',
        id: request.id,
        judgement,
        durationMs: performance.now() - started,
        bytes: utf8ByteLength(request.text),
        path: 'full',
      });
      return;
    }
    case 'judge-edits':
      if (!session.applyChanges(request.changes, request.length)) {
        pendingJudge = undefined;
        post({ type: 'resync', id: request.id });
        return;
      }
      scheduleJudge(request.id, request.spec);
      return;
    case 'rows': {
      const last = session.last;
      if (!last || last.id !== request.judgeId) {
        post({ type: 'failed', id: request.id, message: 'stale' });
        return;
      }
      const rules = columnRules(last.judgement.summary.columns, last.spec);
      const rows = previewRows(session.rowsOf(last), rules, request.start, request.end);
      post({ type: 'rows', id: request.id, judgeId: last.id, start: request.start, rows });
      return;
    }
    case 'locate': {
      const last = session.last;
      if (!last || last.id !== request.judgeId) {
        post({ type: 'failed', id: request.id, message: 'The payload changed; try again.' });
        return;
      }
      const offset =
        request.row < last.judgement.summary.rowCount
          ? cellSource(last.text, session.tableOf(last), request.row, request.column)
          : undefined;
      post({ type: 'located', id: request.id, offset });
      return;
    }
    case 'infer': {
      const last = session.last;
      if (!last || last.id !== request.judgeId) {
        post({ type: 'failed', id: request.id, message: 'The payload changed; try again.' });
        return;
      }
      const rows = session.rowsOf(last);
      post({
        type: 'inferred',
        id: request.id,
        columns: inferColumns(rows, { typeText: request.typeText }),
      });
      return;
    }
    case 'column-fix': {
      const last = session.last;
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
