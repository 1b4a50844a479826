import type { InferredColumn, Judgement } from '../../core/judge/judgement.ts';
import type { SpecModel } from '../../core/spec/webhook-spec.ts';
import type { ConversionResult, ImportFormat } from './import/conversion.ts';
import type { TextEdit } from './fixes/value-fix.ts';

/** What the page asks of the judge worker. Text is posted as a string: a structured clone of the parsed rows costs about twice the parse. */
export type JudgeRequest =
  | { type: 'judge'; id: number; text: string; spec: SpecModel }
  | { type: 'rows'; id: number; judgeId: number; start: number; end: number }
  | { type: 'infer'; id: number; judgeId: number; typeText: boolean }
  | { type: 'convert'; id: number; format: ImportFormat; text: string; spec: SpecModel }
  /**
   * Edits that give every wrongly typed value of these columns its type, in the last judged
   * text; judged against `spec` when given (columns just added), else the judged spec.
   */
  | { type: 'column-fix'; id: number; judgeId: number; columns: string[]; spec?: SpecModel };

/** One cell as the preview shows it: its text, and how it stands against the spec. */
export type PreviewCell = {
  text: string;
  /**
   * `absent`: no key (optional column); `null`: null in an optional column; `error`: a
   * required value missing or null (rejects); `warning`: a value of the wrong type.
   */
  state: 'ok' | 'absent' | 'null' | 'error' | 'warning';
};

export type PreviewRow = {
  index: number;
  /** One per column of the judgement's summary, in its order. */
  cells: PreviewCell[];
  /** Set when the row is not an object (a scalar, array or null): what it holds instead. */
  notObject?: string;
};

export type JudgeResponse =
  | { type: 'judged'; id: number; judgement: Judgement; durationMs: number; bytes: number }
  | { type: 'rows'; id: number; judgeId: number; start: number; rows: PreviewRow[] }
  | { type: 'inferred'; id: number; columns: InferredColumn[] }
  | { type: 'converted'; id: number; result: ConversionResult }
  | { type: 'column-fixed'; id: number; edits: TextEdit[] }
  | { type: 'failed'; id: number; message: string };
