import { editableJudgement, judgeEdit, type EditableJudgement } from '@core/judge/judge-edit.ts';
import { judgePayloadText } from '@core/judge/judge-payload.ts';
import type { Judgement } from '@core/judge/judgement.ts';
import { type RowTable, scanRows } from '@core/judge/scan-rows.ts';
import { applyTextChange, type TextChange } from '@core/judge/text-change.ts';
import { utf8ByteLength, utf8ByteLengthAfter } from '@core/judge/utf8-length.ts';
import type { SpecModel } from '@core/spec/webhook-spec.ts';

/** A judged text, kept so the page can ask for its rows, a cell's place, fixes. */
export type JudgedText = {
  id: number;
  text: string;
  spec: SpecModel;
  judgement: Judgement;
  /** UTF-8 bytes of the text, as the request body would count them. */
  bytes: number;
  /** `full`: the whole text was judged; `rows`: only the edited rows; `same`: nothing changed. */
  path: 'full' | 'rows' | 'same';
  rows?: unknown[];
  table?: RowTable;
  /** The row table for judging edits row by row; null when the text is not an array of rows. */
  editable?: EditableJudgement | null;
};

/** The newest text the page has described, and its edits since the last judged text. */
type Current = {
  text: string;
  /** Known when counted once; then kept up to date edit by edit. */
  bytes: number | undefined;
  /** The edits from the last judged text to this one; undefined when not known. */
  changes: TextChange[] | undefined;
};

/**
 * The worker's copy of the editor's text and its last judgement. The page posts the whole
 * text once, then only Monaco's content changes; an edit inside one row is judged row by
 * row (judge-edit.ts, equal to a full judge), anything else judges the whole text.
 */
export class JudgeSession {
  #current: Current | undefined;
  #last: JudgedText | undefined;
  #specKey = '';

  get last(): JudgedText | undefined {
    return this.#last;
  }

  setText(text: string): void {
    this.#current = { text, bytes: undefined, changes: undefined };
  }

  /**
   * Applies the editor's changes to the copy; false when there is no copy or the result's
   * length is not `length` (the copy went astray): then the page must send the whole text.
   */
  applyChanges(changes: readonly TextChange[], length: number): boolean {
    const current = this.#current;
    if (!current) return false;
    let { text, bytes } = current;
    for (const change of changes) {
      if (change.offset + change.length > text.length) {
        this.#current = undefined;
        return false;
      }
      if (bytes !== undefined) bytes = utf8ByteLengthAfter(text, bytes, change);
      text = applyTextChange(text, change);
    }
    if (text.length !== length) {
      this.#current = undefined;
      return false;
    }
    this.#current = {
      text,
      bytes,
      changes: current.changes === undefined ? undefined : [...current.changes, ...changes],
    };
    return true;
  }

  /** Judges the newest text against `spec` as request `id`; undefined without a text. */
  judge(id: number, spec: SpecModel): JudgedText | undefined {
    const current = this.#current;
    if (!current) return undefined;
    const specKey = JSON.stringify(spec);
    const last = this.#last;
    const sameSpec = last !== undefined && specKey === this.#specKey;
    const judged =
      (sameSpec && current.changes && this.#judgeEdits(id, last, current.changes)) ||
      this.#judgeWhole(id, current, spec);
    this.#last = judged;
    this.#specKey = specKey;
    this.#current = { text: judged.text, bytes: judged.bytes, changes: [] };
    return judged;
  }

  /** Builds what judging the next edit row by row needs (a scan of the rows), if not yet. */
  prepare(judged: JudgedText): EditableJudgement | undefined {
    if (judged.editable === undefined) {
      judged.editable = editableJudgement(judged.text, judged.spec, judged.judgement) ?? null;
      if (judged.editable) judged.table ??= judged.editable.table;
    }
    return judged.editable ?? undefined;
  }

  /** Parsed rows of a judged text, read once on first use. */
  rowsOf(judged: JudgedText): unknown[] {
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

  /** Where each row of a judged text sits, scanned once on first use. */
  tableOf(judged: JudgedText): RowTable {
    if (judged.table) return judged.table;
    const from = judged.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    judged.table = scanRows(judged.text, from, judged.judgement.summary.rowCount);
    return judged.table;
  }

  #judgeWhole(id: number, current: Current, spec: SpecModel): JudgedText {
    return {
      id,
      text: current.text,
      spec,
      judgement: judgePayloadText(current.text, spec),
      bytes: current.bytes ?? utf8ByteLength(current.text),
      path: 'full',
    };
  }

  #judgeEdits(
    id: number,
    last: JudgedText,
    changes: readonly TextChange[],
  ): JudgedText | undefined {
    if (changes.length === 0) return { ...last, id, path: 'same' };
    let state = this.prepare(last);
    const rowValues = new Map<number, unknown>();
    for (const change of changes) {
      if (!state) return undefined;
      const edited = judgeEdit(state, change);
      if (!edited) return undefined;
      rowValues.set(edited.row, edited.value);
      state = edited;
    }
    if (!state) return undefined;
    const bytes = this.#current?.bytes ?? utf8ByteLength(state.text);
    // The old judgement's rows are not asked for again (answers go to the newest only).
    const rows = last.rows;
    if (rows) for (const [row, value] of rowValues) rows[row] = value;
    return {
      id,
      text: state.text,
      spec: last.spec,
      judgement: state.judgement,
      bytes,
      path: 'rows',
      ...(rows ? { rows } : {}),
      table: state.table,
      editable: state,
    };
  }
}
