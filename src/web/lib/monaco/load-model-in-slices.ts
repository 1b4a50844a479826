import type { IRange } from 'monaco-editor/editor';

/*
 * Creating a Monaco model of a big text is one long task: `createModel` scans the whole
 * text for line starts (most of a 360–470 ms freeze when a 29 MB payload was imported), and
 * attaching a model of 120k lines to an editor builds a view line for each of them (most of
 * a 200–300 ms freeze at 3.2 MB). Instead the model starts with the text's first lines and
 * the rest is appended a slice at a time, each slice in its own task, sized to take about
 * SLICE_BUDGET_MS.
 *
 * Monaco decides once, in the model's constructor, whether a model gets its large-file mode
 * (no tokenization, no bracket pairs, no folding, a view without per-line projections), by
 * the model's size then (TextModel.LARGE_FILE_SIZE_THRESHOLD and
 * LARGE_FILE_LINE_COUNT_THRESHOLD in monaco-editor's textModel.js; "certain decisions about
 * a text buffer are taken in the ctor and then cannot be changed",
 * https://github.com/microsoft/vscode/issues/94160). A model that grows from a small first
 * slice would miss it, so for a text that would have had it the first slice is followed by
 * LARGE_FILE_PADDING_LINES empty lines, which put the model over the line threshold; the
 * slices go in before them and the padding is deleted at the end. (Checked in the browser:
 * a 100k-row payload loaded this way renders untokenized, as after createModel.)
 */

/** Monaco's thresholds for its large-file mode (monaco-editor 0.57, textModel.js). */
export const MONACO_LARGE_FILE_CHARS = 20 * 1024 * 1024;
export const MONACO_LARGE_FILE_LINES = 300_000;

/** Measured from the start of a sliced load to its end (read by the browser benchmark). */
export const EDITOR_LOAD_MEASURE = 'inlet:payload-editor-load';

const LARGE_FILE_PADDING_LINES = MONACO_LARGE_FILE_LINES;
const FIRST_SLICE_CHARS = 16 * 1024;
const MIN_SLICE_CHARS = 16 * 1024;
const MAX_SLICE_CHARS = 4 * 1024 * 1024;
/** Time one slice may take on the main thread; the next slice is sized from the last one. */
const SLICE_BUDGET_MS = 12;

/** Whether Monaco would put a model of this text in its large-file mode. */
export function isLargeFileText(text: string): boolean {
  if (text.length > MONACO_LARGE_FILE_CHARS) return true;
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    lines += 1;
    if (lines > MONACO_LARGE_FILE_LINES) return true;
  }
  return false;
}

/**
 * The end of a slice of about `size` characters from `from`: after a line break when there
 * is one, and never between a \r and a \n or inside a surrogate pair.
 */
export function sliceEnd(text: string, from: number, size: number): number {
  const limit = from + size;
  if (limit >= text.length) return text.length;
  const lineBreak = text.lastIndexOf('\n', limit - 1);
  if (lineBreak >= from) return lineBreak + 1;
  let end = limit;
  const last = text.charCodeAt(end - 1);
  if (last === 13 || (last >= 0xd800 && last <= 0xdbff)) end -= 1;
  return end > from ? end : limit;
}

export type SliceLoad = {
  /** Stops appending; the caller disposes the model. */
  cancel: () => void;
};

/** What the loader needs of a Monaco text model (an `editor.ITextModel` is one). */
export type SliceTarget = {
  getLineCount(): number;
  getLineMaxColumn(lineNumber: number): number;
  isDisposed(): boolean;
  applyEdits(operations: { range: IRange; text: string }[]): void;
};

export type LoadModelInSlicesOptions<M extends SliceTarget> = {
  text: string;
  /** Creates the model with its first text (`monaco.editor.createModel`). */
  createModel: (text: string) => M;
  /**
   * The model, to attach to the editor: with its first slice only, to be kept read-only
   * until `onDone`, or, for a text of one slice, `complete` (no `onDone` follows).
   */
  onStart: (model: M, complete: boolean) => void;
  /** The whole text is in the model. */
  onDone: (model: M) => void;
};

/** Creates a model of `text` a slice per task (see the top of this file). */
export function loadModelInSlices<M extends SliceTarget>({
  text,
  createModel,
  onStart,
  onDone,
}: LoadModelInSlicesOptions<M>): SliceLoad {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const begun = performance.now();
  let loaded = sliceEnd(text, 0, FIRST_SLICE_CHARS);
  const head = text.slice(0, loaded);
  const padded = loaded < text.length && isLargeFileText(text);
  const eol = head.includes('\r\n') ? '\r\n' : '\n';
  const model = createModel(padded ? head + eol.repeat(LARGE_FILE_PADDING_LINES) : head);
  const padding = padded ? LARGE_FILE_PADDING_LINES : 0;

  /** Where the text loaded so far ends: before the padding, if any. */
  const end = (): IRange => {
    const line = model.getLineCount() - padding;
    const column = model.getLineMaxColumn(line);
    return { startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: column };
  };

  let size = FIRST_SLICE_CHARS;
  const step = (): void => {
    timer = undefined;
    if (cancelled || model.isDisposed()) return;
    const started = performance.now();
    const next = sliceEnd(text, loaded, size);
    model.applyEdits([{ range: end(), text: text.slice(loaded, next) }]);
    const took = performance.now() - started;
    size = Math.min(
      MAX_SLICE_CHARS,
      Math.max(
        MIN_SLICE_CHARS,
        Math.round(((next - loaded) * SLICE_BUDGET_MS) / Math.max(1, took)),
      ),
    );
    loaded = next;
    if (loaded < text.length) {
      timer = setTimeout(step, 0);
      return;
    }
    finish();
  };

  const finish = (): void => {
    if (padding > 0) {
      const from = end();
      const lastLine = model.getLineCount();
      model.applyEdits([
        {
          range: {
            startLineNumber: from.startLineNumber,
            startColumn: from.startColumn,
            endLineNumber: lastLine,
            endColumn: model.getLineMaxColumn(lastLine),
          },
          text: '',
        },
      ]);
    }
    performance.measure(EDITOR_LOAD_MEASURE, { start: begun });
    onDone(model);
  };

  onStart(model, loaded >= text.length);
  if (loaded < text.length) timer = setTimeout(step, 0);

  return {
    cancel: () => {
      cancelled = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
