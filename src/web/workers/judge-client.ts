import type { InferredColumn, Judgement } from '@core/judge/judgement.ts';
import type { TextChange } from '@core/judge/text-change.ts';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import { createJudgeWorker } from './create-judge-worker.ts';
import type { ConversionResult, ImportFormat } from './import/conversion.ts';
import type { ColumnFixKind } from './fixes/column-fix-edits.ts';
import type { TextEdit } from './fixes/value-fix.ts';
import {
  judgeResponseEnvelopeSchema,
  type JudgeRequest,
  type JudgeResponse,
  type PreviewRow,
} from './judge-protocol.ts';

export type JudgedEvent = {
  id: number;
  judgement: Judgement;
  durationMs: number;
  bytes: number;
  path: 'full' | 'rows' | 'same';
};

type Waiter = { resolve: (response: JudgeResponse) => void; reject: (error: Error) => void };

/**
 * The page's side of the judge worker. Judging is fire-and-forget with the newest request
 * winning: a result for an older request than the newest sent is dropped. Other requests
 * (a window of rows, inference, conversion) are answered as promises.
 */
export class JudgeClient {
  readonly #worker: Worker;
  readonly #waiters = new Map<number, Waiter>();
  readonly #onJudged: (event: JudgedEvent) => void;
  readonly #onJudgeFailed: (message: string) => void;
  readonly #onResync: () => void;
  #nextId = 1;
  #latestJudge = 0;

  constructor(handlers: {
    onJudged: (event: JudgedEvent) => void;
    onJudgeFailed: (message: string) => void;
    /** The worker's copy of the text is gone or astray: judge again with the whole text. */
    onResync: () => void;
  }) {
    this.#onJudged = handlers.onJudged;
    this.#onJudgeFailed = handlers.onJudgeFailed;
    this.#onResync = handlers.onResync;
    this.#worker = createJudgeWorker();
    this.#worker.addEventListener('message', this.#handleMessage);
    this.#worker.addEventListener('error', this.#handleError);
  }

  /** Starts judging `text`; returns the request's id (the id of the judgement it yields). */
  judge(text: string, spec: SpecModel): number {
    const id = this.#nextId++;
    this.#latestJudge = id;
    this.#post({ type: 'judge', id, text, spec });
    return id;
  }

  /**
   * Starts judging the text the worker has, after `changes` (the editor's, since the last
   * text it was sent); `length` is the text's length after them, to check the copy.
   */
  judgeEdits(changes: readonly TextChange[], length: number, spec: SpecModel): number {
    const id = this.#nextId++;
    this.#latestJudge = id;
    this.#post({ type: 'judge-edits', id, changes: [...changes], length, spec });
    return id;
  }

  /**
   * Judges `text` once, apart from the editor's copy and its newest-wins judging (the
   * worker's copy and last judgement stay as they are).
   */
  async judgeOnce(text: string, spec: SpecModel): Promise<Judgement> {
    const response = await this.#ask((id) => ({ type: 'judge-once', id, text, spec }));
    if (response.type !== 'judged')
      throw new Error('The judge answered a request to judge with something else.');
    return response.judgement;
  }

  async rows(
    judgeId: number,
    start: number,
    end: number,
  ): Promise<{ start: number; rows: PreviewRow[] }> {
    const response = await this.#ask((id) => ({ type: 'rows', id, judgeId, start, end }));
    if (response.type !== 'rows')
      throw new Error('The judge answered a request for rows with something else.');
    return { start: response.start, rows: response.rows };
  }

  /**
   * The offset of a cell's value in the text of judgement `judgeId` (of its row when the
   * row lacks the column); undefined when the row is not in the payload.
   */
  async locate(judgeId: number, row: number, column?: string): Promise<number | undefined> {
    const response = await this.#ask((id): JudgeRequest => ({
      type: 'locate',
      id,
      judgeId,
      row,
      ...(column === undefined ? {} : { column }),
    }));
    if (response.type !== 'located')
      throw new Error('The judge answered a request for a place with something else.');
    return response.offset;
  }

  /** Columns proposed from a judgement's rows; `typeText` reads text cells (a CSV's) as typed. */
  async infer(judgeId: number, typeText = false): Promise<InferredColumn[]> {
    const response = await this.#ask((id) => ({ type: 'infer', id, judgeId, typeText }));
    if (response.type !== 'inferred')
      throw new Error('The judge answered a request for columns with something else.');
    return response.columns;
  }

  /**
   * Edits that fix every wrongly typed value of one column (or, with `missing_required`, add
   * it where rows lack it), over all rows of a judgement.
   */
  async columnFix(
    judgeId: number,
    columns: string[],
    spec?: SpecModel,
    kind?: ColumnFixKind,
  ): Promise<TextEdit[]> {
    const response = await this.#ask((id): JudgeRequest => ({
      type: 'column-fix',
      id,
      judgeId,
      columns,
      ...(spec === undefined ? {} : { spec }),
      ...(kind === undefined ? {} : { kind }),
    }));
    if (response.type !== 'column-fixed')
      throw new Error('The judge answered a request for fixes with something else.');
    return response.edits;
  }

  async convert(format: ImportFormat, text: string, spec: SpecModel): Promise<ConversionResult> {
    const response = await this.#ask((id) => ({ type: 'convert', id, format, text, spec }));
    if (response.type !== 'converted')
      throw new Error('The judge answered a conversion with something else.');
    return response.result;
  }

  dispose(): void {
    this.#worker.removeEventListener('message', this.#handleMessage);
    this.#worker.removeEventListener('error', this.#handleError);
    this.#worker.terminate();
    for (const waiter of this.#waiters.values()) waiter.reject(new Error('The judge was closed.'));
    this.#waiters.clear();
  }

  #post(request: JudgeRequest): void {
    this.#worker.postMessage(request);
  }

  #ask(build: (id: number) => JudgeRequest): Promise<JudgeResponse> {
    const id = this.#nextId++;
    return new Promise<JudgeResponse>((resolve, reject) => {
      this.#waiters.set(id, { resolve, reject });
      this.#post(build(id));
    });
  }

  readonly #handleMessage = (event: MessageEvent<unknown>): void => {
    if (!judgeResponseEnvelopeSchema.safeParse(event.data).success) {
      this.#onJudgeFailed(
        'The judge answered in a shape this page does not know. Reload the page.',
      );
      return;
    }
    // Checked envelope; the body is the worker's own structured clone (see the schema's note).
    const response = event.data as JudgeResponse;
    const waiter = this.#waiters.get(response.id);
    if (waiter) {
      this.#waiters.delete(response.id);
      if (response.type === 'failed') waiter.reject(new Error(response.message));
      else waiter.resolve(response);
      return;
    }
    // A judgement for anything but the newest request is stale: drop it.
    if (response.id !== this.#latestJudge) return;
    if (response.type === 'judged') {
      this.#onJudged({
        id: response.id,
        judgement: response.judgement,
        durationMs: response.durationMs,
        bytes: response.bytes,
        path: response.path,
      });
    } else if (response.type === 'resync') {
      this.#onResync();
    } else if (response.type === 'failed') {
      this.#onJudgeFailed(response.message);
    }
  };

  readonly #handleError = (event: ErrorEvent): void => {
    this.#onJudgeFailed(
      event.message || 'The judge stopped working. Reload the page to start it again.',
    );
  };
}
