import type { LargeJsonEditorHandle } from '@web/lib/monaco/large-json-editor.tsx';

/** Texts up to this length are read to tell whitespace from text; longer ones count as text. */
const READ_UP_TO_CHARS = 64 * 1024;

/**
 * Whether the editor holds more than whitespace, without reading a large text: Monaco builds
 * the whole text for a snapshot, and at 100k rows (32 MB) building and flattening it took
 * 100–150 ms of the main thread. A text over 64k characters of whitespace alone counts as text
 * (the user is asked before it is replaced, nothing is lost).
 */
export function editorHasText(editor: Pick<LargeJsonEditorHandle, 'textLength' | 'snapshot'>) {
  const { length } = editor.textLength();
  if (length === 0) return false;
  return length > READ_UP_TO_CHARS || editor.snapshot().text.trim() !== '';
}

/**
 * Whether `text`, the editor's whole text just read, is only whitespace, without scanning a
 * large one: Monaco's whole text arrives as a string V8 has not yet flattened, and the first
 * character read (a trim) flattens it, which took about 100 ms at 100k rows (32 MB) on every
 * judged keystroke. Its start is read from the editor instead; the whole text only when the
 * start is all whitespace.
 */
export function isBlankText(editor: Pick<LargeJsonEditorHandle, 'readRange'>, text: string) {
  if (text.length <= READ_UP_TO_CHARS) return text.trim() === '';
  return editor.readRange(0, READ_UP_TO_CHARS).trim() === '' && text.trim() === '';
}
