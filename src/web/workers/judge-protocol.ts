import { z } from 'zod';
import type { InferredColumn, Judgement } from '@core/judge/judgement.ts';
import { specModelSchema } from '@core/spec/webhook-spec.ts';
import { IMPORT_FORMATS, type ConversionResult } from './import/conversion.ts';
import { COLUMN_FIX_KINDS } from './fixes/column-fix-edits.ts';
import type { TextEdit } from './fixes/value-fix.ts';

/**
 * What the page asks of the judge worker. Text is posted as a string: a structured clone of
 * the parsed rows costs about twice the parse. The worker checks every request against this
 * schema, as the server's intake thread does, so a mismatch fails loudly with a message.
 */
export const judgeRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('judge'), id: z.number(), text: z.string(), spec: specModelSchema }),
  /**
   * Judge this text once, apart from the editor's copy (which stays as it is), and answer it
   * as a promise: the run's preflight when the editor's latest judgement is of another text.
   */
  z.object({
    type: z.literal('judge-once'),
    id: z.number(),
    text: z.string(),
    spec: specModelSchema,
  }),
  /**
   * Judge the newest text after these edits (Monaco's content changes, in order), instead
   * of posting the whole text; `length` is the edited text's, a check that the worker's
   * copy still matches the editor's (if not, it answers `resync` and wants the whole text).
   */
  z.object({
    type: z.literal('judge-edits'),
    id: z.number(),
    changes: z.array(
      z.object({
        offset: z.number().int().nonnegative(),
        length: z.number().int().nonnegative(),
        text: z.string(),
      }),
    ),
    length: z.number().int().nonnegative(),
    spec: specModelSchema,
  }),
  z.object({
    type: z.literal('rows'),
    id: z.number(),
    judgeId: z.number(),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  }),
  /** Where a preview cell's value is in the judged text (the row itself when it lacks the key). */
  z.object({
    type: z.literal('locate'),
    id: z.number(),
    judgeId: z.number(),
    row: z.number().int().nonnegative(),
    column: z.string().optional(),
  }),
  z.object({
    type: z.literal('infer'),
    id: z.number(),
    judgeId: z.number(),
    typeText: z.boolean(),
  }),
  z.object({
    type: z.literal('convert'),
    id: z.number(),
    format: z.enum(IMPORT_FORMATS),
    text: z.string(),
    spec: specModelSchema,
  }),
  /**
   * Edits that give every wrongly typed value of these columns its type, in the last judged
   * text; judged against `spec` when given (columns just added), else the judged spec.
   */
  z.object({
    type: z.literal('column-fix'),
    id: z.number(),
    judgeId: z.number(),
    columns: z.array(z.string()),
    spec: specModelSchema.optional(),
    /** Absent: values of the wrong type; `missing_required`: add the column where missing. */
    kind: z.enum(COLUMN_FIX_KINDS).optional(),
  }),
]);
export type JudgeRequest = z.infer<typeof judgeRequestSchema>;

export const JUDGE_RESPONSE_TYPES = [
  'judged',
  'rows',
  'located',
  'inferred',
  'converted',
  'column-fixed',
  'resync',
  'failed',
] as const;

/**
 * The page checks each answer's envelope only: a judgement of 100k rows is large, and
 * checking it whole on the main thread would cost what the worker exists to save.
 */
export const judgeResponseEnvelopeSchema = z.looseObject({
  type: z.enum(JUDGE_RESPONSE_TYPES),
  id: z.number(),
});

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
  | {
      type: 'judged';
      id: number;
      judgement: Judgement;
      durationMs: number;
      bytes: number;
      /** How it was judged (see JudgedText in judge-session.ts). */
      path: 'full' | 'rows' | 'same';
    }
  | { type: 'rows'; id: number; judgeId: number; start: number; rows: PreviewRow[] }
  | { type: 'located'; id: number; offset: number | undefined }
  | { type: 'inferred'; id: number; columns: InferredColumn[] }
  | { type: 'converted'; id: number; result: ConversionResult }
  | { type: 'column-fixed'; id: number; edits: TextEdit[] }
  /** The worker lacks the text the edits of request `id` apply to: send it whole. */
  | { type: 'resync'; id: number }
  | { type: 'failed'; id: number; message: string };
